import { inflateSync } from 'node:zlib';
import { PNG } from 'pngjs';

/** The PNG signature every file starts with. */
const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** The byte pattern of one RGBA pixel: four bytes, the filters' "left" neighbour is four bytes back. */
const RGBA = 4;

/**
 * An opaque RGBA PNG (as the chart canvas encodes it) rewritten as an RGB PNG, with the same pixels.
 *
 * pdfkit decodes a PNG's alpha channel in JavaScript and stores it as a separate mask in every document
 * it embeds the image in; without the channel it copies the compressed rows as they are. The canvas's own
 * pixel readback keeps its buffer alive in @napi-rs/canvas 1.1 (2.6 MB a call), so the pixels are read
 * from its PNG. pngjs reads a chart in 25-70 ms, most of it converting pixel formats this file does not
 * need, and its converters run fifty times slower again under jest's module sandbox; the rows are unfiltered
 * here (the five filters of PNG, ISO/IEC 15948 section 9) in a few milliseconds, and pngjs writes the result.
 *
 * Only what the canvas writes is read: 8-bit RGBA, not interlaced. Anything else is refused by name
 * rather than misread. A pixel that is not opaque is refused too: dropping its alpha would change the picture.
 */
export function opaqueRgbPng(png: Buffer): Buffer {
  if (png.length < 33 || !png.subarray(0, 8).equals(SIGNATURE) || png.toString('latin1', 12, 16) !== 'IHDR') {
    throw new Error('the chart image is not a PNG: its signature or header chunk is missing');
  }
  const width = png.readUInt32BE(16);
  const height = png.readUInt32BE(20);
  const [depth, colourType, , , interlace] = png.subarray(24, 29);
  if (depth !== 8 || colourType !== 6 || interlace !== 0) {
    throw new Error(
      `the chart image is a PNG of bit depth ${depth}, colour type ${colourType}, interlace ${interlace}; only 8-bit RGBA (colour type 6), not interlaced, is read`,
    );
  }
  const compressed: Buffer[] = [];
  for (let at = 8; at + 8 <= png.length;) {
    const length = png.readUInt32BE(at);
    if (png.toString('latin1', at + 4, at + 8) === 'IDAT') compressed.push(png.subarray(at + 8, at + 8 + length));
    at += 12 + length;
  }
  let filtered: Buffer;
  try {
    filtered = inflateSync(Buffer.concat(compressed));
  } catch (error) {
    throw new Error(`the chart image's pixel data cannot be decompressed (${(error as Error).message}); the PNG is damaged or cut short`);
  }
  const stride = width * RGBA;
  if (filtered.length !== height * (stride + 1)) {
    throw new Error(`the chart image's rows hold ${filtered.length} bytes; ${width} by ${height} RGBA pixels need ${height * (stride + 1)}`);
  }
  const rgb = Buffer.allocUnsafe(width * height * 3);
  let above = new Uint8Array(stride);
  let row = new Uint8Array(stride);
  for (let y = 0; y < height; y++) {
    const start = y * (stride + 1);
    unfilter(filtered[start], filtered.subarray(start + 1, start + 1 + stride), above, row, y);
    for (let x = 0, to = y * width * 3; x < stride; x += RGBA, to += 3) {
      if (row[x + 3] !== 255) throw new Error(`the chart image's pixel ${x / RGBA} of row ${y} is not opaque; dropping its alpha would change it`);
      rgb[to] = row[x];
      rgb[to + 1] = row[x + 1];
      rgb[to + 2] = row[x + 2];
    }
    [above, row] = [row, above];
  }
  // pngjs's writer takes pixels in the format it writes (RGB in, RGB out) and only filters and compresses them.
  // Charts are large areas of one colour, which zlib compresses as well unfiltered as filtered (a stacked
  // chart: 41 KB unfiltered, 44 KB with "Up" rows), so no filter is spent; zlib's level 6 writes within 5% of
  // level 9's size in a fifth of the time.
  const image = { width, height, data: rgb } as unknown as PNG;
  return PNG.sync.write(image, { colorType: 2, inputColorType: 2, inputHasAlpha: false, filterType: 0, deflateLevel: 6, deflateStrategy: 0 });
}

/**
 * Undoes one row's filter into `row`, given the row above it (unfiltered; zeros above the first). The first
 * pixel of a row has no left neighbour (taken as zero), so each filter's loop starts after it.
 */
function unfilter(type: number, bytes: Uint8Array, above: Uint8Array, row: Uint8Array, y: number): void {
  const n = bytes.length;
  switch (type) {
    case 0:
      row.set(bytes);
      return;
    case 1:
      for (let i = 0; i < RGBA; i++) row[i] = bytes[i];
      for (let i = RGBA; i < n; i++) row[i] = (bytes[i] + row[i - RGBA]) & 0xff;
      return;
    case 2:
      for (let i = 0; i < n; i++) row[i] = (bytes[i] + above[i]) & 0xff;
      return;
    case 3:
      for (let i = 0; i < RGBA; i++) row[i] = (bytes[i] + (above[i] >> 1)) & 0xff;
      for (let i = RGBA; i < n; i++) row[i] = (bytes[i] + ((row[i - RGBA] + above[i]) >> 1)) & 0xff;
      return;
    case 4:
      // With no left or upper-left neighbour, the Paeth predictor is the byte above.
      for (let i = 0; i < RGBA; i++) row[i] = (bytes[i] + above[i]) & 0xff;
      for (let i = RGBA; i < n; i++) {
        const a = row[i - RGBA];
        const b = above[i];
        const c = above[i - RGBA];
        // The distances of a + b - c from a, b and c, as ISO/IEC 15948 section 9.4 defines the predictor.
        const pa = Math.abs(b - c);
        const pb = Math.abs(a - c);
        const pc = Math.abs(a + b - c - c);
        row[i] = (bytes[i] + (pa <= pb && pa <= pc ? a : pb <= pc ? b : c)) & 0xff;
      }
      return;
    default:
      throw new Error(`the chart image's row ${y} has filter type ${type}; PNG defines types 0 to 4`);
  }
}
