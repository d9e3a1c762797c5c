import { escapeHtml } from '../render-html';

/**
 * The Word styles a report uses, all under Word's own built-in names and ids (Normal, Title, Heading1..4,
 * ListNumber, ListBullet, Quote, Caption, TableGrid). An officer who pastes the report into the council's
 * template, or attaches that template, gets the template's look: Word matches styles by these names.
 * Only what a plain document needs is set here, so nothing fights the template.
 */
export const STYLE = {
  title: 'Title',
  subtitle: 'Subtitle',
  heading: (level: number) => `Heading${Math.min(Math.max(level, 1), 4)}`,
  numbered: 'ListNumber',
  bullet: 'ListBullet',
  quote: 'Quote',
  caption: 'Caption',
  table: 'TableGrid',
} as const;

const FONT = 'Arial';
const INK = '0B0C0C';
const BRAND = '1D4F91';

/** A paragraph style: `props` is the paragraph's properties, `run` its text's. */
function paragraphStyle(id: string, name: string, props: string, run: string, extra = '<w:basedOn w:val="Normal"/><w:next w:val="Normal"/>'): string {
  return `<w:style w:type="paragraph" w:styleId="${id}"><w:name w:val="${name}"/>${extra}<w:uiPriority w:val="9"/><w:qFormat/><w:pPr>${props}</w:pPr><w:rPr>${run}</w:rPr></w:style>`;
}

const heading = (level: number, size: number, colour: string) =>
  paragraphStyle(
    `Heading${level}`,
    `heading ${level}`,
    `<w:keepNext/><w:keepLines/><w:spacing w:before="${level === 1 ? 360 : 240}" w:after="120"/><w:outlineLvl w:val="${level - 1}"/>`,
    `<w:b/><w:bCs/><w:color w:val="${colour}"/><w:sz w:val="${size}"/><w:szCs w:val="${size}"/>`,
  );

/**
 * The package's `word/styles.xml`: document defaults in the report's language (so Word checks the
 * spelling of the right language and a screen reader speaks it), then the built-in styles.
 */
export function stylesXml(lang: string): string {
  const l = escapeHtml(lang);
  return [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
    '<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">',
    `<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="${FONT}" w:hAnsi="${FONT}" w:eastAsia="${FONT}" w:cs="${FONT}"/><w:sz w:val="24"/><w:szCs w:val="24"/>`,
    `<w:lang w:val="${l}" w:eastAsia="${l}" w:bidi="${l}"/></w:rPr></w:rPrDefault>`,
    '<w:pPrDefault><w:pPr><w:spacing w:after="160" w:line="276" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>',
    `<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/><w:rPr><w:color w:val="${INK}"/></w:rPr></w:style>`,
    '<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/></w:style>',
    '<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:semiHidden/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/>',
    '<w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>',
    paragraphStyle('Title', 'Title', '<w:spacing w:after="120"/>', `<w:b/><w:bCs/><w:color w:val="${BRAND}"/><w:sz w:val="48"/><w:szCs w:val="48"/>`),
    paragraphStyle('Subtitle', 'Subtitle', '<w:spacing w:after="240"/>', '<w:color w:val="505A5F"/><w:sz w:val="28"/><w:szCs w:val="28"/>'),
    heading(1, 36, BRAND),
    heading(2, 30, INK),
    heading(3, 26, INK),
    heading(4, 24, INK),
    paragraphStyle('ListNumber', 'List Number', '<w:spacing w:after="160"/>', ''),
    paragraphStyle('ListBullet', 'List Bullet', '<w:spacing w:after="80"/>', ''),
    paragraphStyle('Quote', 'Quote', '<w:spacing w:before="120" w:after="60"/><w:ind w:left="567"/>', '<w:i/><w:iCs/>'),
    paragraphStyle(
      'Caption',
      'caption',
      '<w:keepNext/><w:spacing w:before="120" w:after="60"/>',
      '<w:b/><w:bCs/><w:sz w:val="22"/><w:szCs w:val="22"/>',
    ),
    paragraphStyle('Header', 'header', '', '<w:sz w:val="20"/><w:szCs w:val="20"/>'),
    paragraphStyle('Footer', 'footer', '', '<w:sz w:val="20"/><w:szCs w:val="20"/>'),
    '<w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/><w:basedOn w:val="TableNormal"/><w:uiPriority w:val="39"/><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>',
    '<w:tblPr><w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:left w:val="single" w:sz="4" w:space="0" w:color="auto"/>',
    '<w:bottom w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:right w:val="single" w:sz="4" w:space="0" w:color="auto"/>',
    '<w:insideH w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="auto"/></w:tblBorders></w:tblPr></w:style>',
    '</w:styles>',
  ].join('');
}
