import type { Provenance } from '../model/report-model';

/** The pictures an Easy Read idea can carry: icons of the openly licensed Lucide set (ISC licence), by name. */
export const EASY_READ_ICONS = [
  'file-text',
  'target',
  'users',
  'house',
  'calendar',
  'clock',
  'phone',
  'message-circle',
  'circle-check',
  'circle-x',
  'lightbulb',
  'mail',
  'signpost',
] as const;

/** The name of one icon an idea is drawn with. */
export type EasyReadIcon = (typeof EASY_READ_ICONS)[number];

/** One idea: one short sentence, with the picture at its left and the words that describe the picture. */
export interface EasyReadIdea {
  icon: EasyReadIcon;
  /** What the picture shows, for anyone who cannot see it. */
  alt: string;
  text: string;
}

/** A headed group of ideas. */
export interface EasyReadSection {
  id: string;
  heading: string;
  ideas: EasyReadIdea[];
}

/**
 * An Easy Read summary of a case study, for the public: one idea per line, short sentences, a picture
 * beside each idea. It carries no quote and no personal data, only figures the public case study may
 * show, so it needs no consent beyond the public one. Renderers never compute figures or read the clock.
 */
export interface EasyReadModel {
  kind: 'easy_read';
  title: string;
  lang: string;
  publisher: string;
  sections: EasyReadSection[];
  provenance: Provenance;
}
