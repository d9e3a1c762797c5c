import { escapeHtml } from '../render-html';

/**
 * `docProps/core.xml` with the report's own date as created and modified. The docx library stamps the
 * wall clock there; a report must carry the date of the record it was built from, so that building it
 * again gives the same bytes.
 */
export function corePropertiesXml(props: { title: string; subject: string; creator: string; lang: string; stamp: Date }): string {
  const when = props.stamp.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const e = escapeHtml;
  return [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"',
    ' xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">',
    `<dc:title>${e(props.title)}</dc:title><dc:subject>${e(props.subject)}</dc:subject><dc:creator>${e(props.creator)}</dc:creator>`,
    `<cp:lastModifiedBy>${e(props.creator)}</cp:lastModifiedBy><dc:language>${e(props.lang)}</dc:language><cp:revision>1</cp:revision>`,
    `<dcterms:created xsi:type="dcterms:W3CDTF">${when}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${when}</dcterms:modified>`,
    '</cp:coreProperties>',
  ].join('');
}

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL_DIRECTORY = 0x06054b50;

/**
 * Sets every entry of a zip file to one modification time, in place. The zip writer inside the docx
 * library stamps each entry with the wall clock; with the report's own date instead, the same report
 * is the same file, byte for byte. Refuses a buffer that is not a zip file it can walk.
 */
export function stampZipEntries(zip: Buffer, stamp: Date): Buffer {
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0 || zip.readUInt32LE(eocd) !== END_OF_CENTRAL_DIRECTORY)
    throw new Error('the Word package is not a zip file: it has no end of central directory');
  const count = zip.readUInt16LE(eocd + 10);
  const { time, date } = dosDateTime(stamp);
  let at = zip.readUInt32LE(eocd + 16);
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(at) !== CENTRAL_HEADER) throw new Error(`the Word package's central directory is broken at entry ${i + 1} of ${count}`);
    zip.writeUInt16LE(time, at + 12);
    zip.writeUInt16LE(date, at + 14);
    const local = zip.readUInt32LE(at + 42);
    if (zip.readUInt32LE(local) !== LOCAL_HEADER) throw new Error(`the Word package's entry ${i + 1} of ${count} points at no file header`);
    zip.writeUInt16LE(time, local + 10);
    zip.writeUInt16LE(date, local + 12);
    at += 46 + zip.readUInt16LE(at + 28) + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return zip;
}

/** A date as MS-DOS packs it into a zip entry: two-second steps, years from 1980, in UTC so every machine agrees. */
function dosDateTime(stamp: Date): { time: number; date: number } {
  const year = Math.max(1980, stamp.getUTCFullYear());
  return {
    time: (stamp.getUTCHours() << 11) | (stamp.getUTCMinutes() << 5) | Math.floor(stamp.getUTCSeconds() / 2),
    date: ((year - 1980) << 9) | ((stamp.getUTCMonth() + 1) << 5) | stamp.getUTCDate(),
  };
}
