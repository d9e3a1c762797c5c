/** Page geometry, type scale and colours of the published PDF: calm, GOV.UK-like, AA contrast throughout. */
export const PAGE = {
  size: 'A4' as const,
  margins: { top: 78, bottom: 72, left: 64, right: 64 },
  /** Where the page furniture sits: the running header and the rule under it from the top edge, the page number from the bottom edge. */
  furniture: { header: 40, rule: 54, footer: 44 },
};

/** Registered font names; all are DejaVu TrueType files, embedded and subset. */
export const FONT = {
  regular: 'Body',
  bold: 'Body-Bold',
  italic: 'Body-Oblique',
  mono: 'Mono',
};

/** Where each registered font comes from. */
export const FONT_FILES: Record<string, string> = {
  [FONT.regular]: 'dejavu-fonts-ttf/ttf/DejaVuSans.ttf',
  [FONT.bold]: 'dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf',
  [FONT.italic]: 'dejavu-fonts-ttf/ttf/DejaVuSans-Oblique.ttf',
  [FONT.mono]: 'dejavu-fonts-ttf/ttf/DejaVuSansMono.ttf',
};

/** Type sizes in points. */
export const SIZE = {
  title: 26,
  subtitle: 14,
  h2: 17,
  h3: 13,
  body: 10.5,
  small: 9,
  figureValue: 20,
  furniture: 8.5,
};

/** Colours; every text colour is at least 4.5:1 on its background. */
export const COLOUR = {
  ink: '#0b0c0c',
  secondary: '#505a5f',
  brand: '#1d4f91',
  accent: '#00665e',
  tile: '#f3f2f1',
  rule: '#b1b4b6',
  onBrand: '#ffffff',
  notice: '#e8f1f8',
  /** "Not for publication" and other protective markings: 4.5:1 on white. */
  marking: '#d4351c',
};

/** Space between blocks, in points. */
export const GAP = 12;

/** Space added between the lines of a passage, in points, beyond the font's own line height. */
export const LINE_GAP = 2;

/**
 * The tighter spacing of a compact report (a committee section that drops into a council's paper): its
 * headings at the sizes a council template gives a report's sub-headings, less space between blocks.
 */
export const COMPACT = {
  /** Body text a little smaller, as a council template sets its report text. */
  body: 10,
  h2: 12.5,
  h3: 11.5,
  gap: 5,
  /** Space above a section heading, beyond the gap that ends the block before it. */
  beforeSection: 2,
  /** Space between a heading and what it heads. */
  afterHeading: 3,
  /** Lines a little closer: about 1.3 times the type size, as a word processor's usual spacing sets them. */
  lineGap: 1.5,
  /**
   * The margins of a council's report template (2 cm at the sides), not a publication's wider ones: the section
   * is pasted into a paper laid out that way, and the extra width and depth keep it to about two pages.
   */
  margins: { top: 50, bottom: 48, left: 57, right: 57 },
  /** The page furniture closer to the edges, as the margins are. */
  furniture: { header: 22, rule: 34, footer: 30 },
  /** Space above and below a table cell's text: the cells are set small, a rule between rows keeps them apart. */
  cellPadding: 2,
};
