import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isMap, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import { BoundedCache } from '../bounded-cache';
import type { ReportKind } from '../model/report-model';
import { DEFINITION_FILES, RETIRED_SECTION_IDS, SECTION_IDS, type ReportDefinition, type SectionDefinition } from './report-definition';

/** A definition file that cannot be used; names the file, the line and the field to fix. */
export class ReportDefinitionError extends Error {
  override readonly name = 'ReportDefinitionError';
  constructor(
    readonly file: string,
    readonly line: number,
    readonly field: string,
    problem: string,
  ) {
    super(`${file} line ${line}, ${field}: ${problem}`);
  }
}

type Path = (string | number)[];

function fieldName(path: Path): string {
  return path.reduce<string>((name, key) => (typeof key === 'number' ? `${name}[${key}]` : name ? `${name}.${key}` : key), '') || '(top level)';
}

class Reader {
  constructor(
    private readonly file: string,
    private readonly doc: Document,
    private readonly lines: LineCounter,
  ) {}

  fail(path: Path, problem: string): never {
    let node: unknown;
    for (let i = path.length; i >= 0 && !node; i--) node = path.slice(0, i).length ? this.doc.getIn(path.slice(0, i), true) : this.doc.contents;
    const offset = (node as Node | undefined)?.range?.[0] ?? 0;
    throw new ReportDefinitionError(this.file, this.lines.linePos(offset).line, fieldName(path), problem);
  }

  text(path: Path, required: boolean, hint: string): string | undefined {
    const value = this.doc.getIn(path);
    if (value === undefined || value === null) {
      if (required) this.fail(path, `is missing; ${hint}`);
      return undefined;
    }
    if (typeof value === 'number') return String(value);
    if (typeof value !== 'string' || value.trim() === '') this.fail(path, `must be non-empty text; ${hint}`);
    return value;
  }

  flag(path: Path): boolean | undefined {
    const value = this.doc.getIn(path);
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'boolean') this.fail(path, 'must be true or false');
    return value;
  }
}

const KNOWN_FIELDS = new Set(['id', 'heading', 'intro', 'omitIfEmpty', 'subsectionHeading', 'notRecorded']);

/** Parses and checks a report definition; `file` is only used to name it in errors. */
export function parseReportDefinition(source: string, file: string): ReportDefinition {
  const lines = new LineCounter();
  const doc = parseDocument(source, { lineCounter: lines, prettyErrors: false });
  if (doc.errors.length > 0) {
    const first = doc.errors[0];
    throw new ReportDefinitionError(file, lines.linePos(first.pos[0]).line, '(YAML syntax)', first.message.split('\n')[0]);
  }
  const r: Reader = new Reader(file, doc, lines);
  if (!isMap(doc.contents)) r.fail([], 'must be a mapping with kind, version and sections');
  const kind = r.text(['kind'], true, `give one of ${Object.keys(SECTION_IDS).join(', ')}`) as ReportKind;
  if (!(kind in SECTION_IDS)) r.fail(['kind'], `"${kind}" is not a report kind; give one of ${Object.keys(SECTION_IDS).join(', ')}`);
  const version = r.text(['version'], true, 'give the definition a version, e.g. 1, and raise it when wording changes')!;
  const title = r.text(['title'], false, 'give a title template such as "{title}"');
  const list = doc.get('sections', true);
  if (!isSeq(list) || list.items.length === 0) r.fail(['sections'], 'must be a list of at least one section');
  const known = SECTION_IDS[kind];
  const seen = new Set<string>();
  const sections = list.items.map((item, i): SectionDefinition => {
    if (!isMap(item)) r.fail(['sections', i], 'must be a mapping with id and heading');
    for (const pair of item.items) {
      const key = String((pair.key as { value?: unknown })?.value ?? pair.key);
      if (!KNOWN_FIELDS.has(key)) r.fail(['sections', i, key], `is not a section field; use ${[...KNOWN_FIELDS].join(', ')}`);
    }
    const id = r.text(['sections', i, 'id'], true, `give one of ${known.join(', ')}`)!;
    if (!known.includes(id) && !RETIRED_SECTION_IDS[kind]?.includes(id))
      r.fail(['sections', i, 'id'], `"${id}" is not a section of a ${kind} report; give one of ${known.join(', ')}`);
    if (seen.has(id)) r.fail(['sections', i, 'id'], `"${id}" is listed twice; list each section once`);
    seen.add(id);
    const section: SectionDefinition = { id, heading: r.text(['sections', i, 'heading'], true, 'give the heading readers see')! };
    const intro = r.text(['sections', i, 'intro'], false, 'give the wording to print, or remove the field');
    const omitIfEmpty = r.flag(['sections', i, 'omitIfEmpty']);
    const subsectionHeading = r.text(['sections', i, 'subsectionHeading'], false, 'give a template such as "Outcome {number}: {title}"');
    if (intro !== undefined) section.intro = intro.trim();
    if (omitIfEmpty !== undefined) section.omitIfEmpty = omitIfEmpty;
    if (subsectionHeading !== undefined) section.subsectionHeading = subsectionHeading;
    const notRecorded = r.text(['sections', i, 'notRecorded'], false, 'give the sentence printed when this part has not been recorded');
    if (notRecorded !== undefined) section.notRecorded = notRecorded.trim();
    return section;
  });
  const wording = readWording(r, doc);
  return { kind, version, ...(title !== undefined ? { title } : {}), sections, ...(wording ? { wording } : {}) };
}

/** The optional `wording` mapping: named sentences and labels, each non-empty text. */
function readWording(r: Reader, doc: Document): Record<string, string> | undefined {
  const node = doc.get('wording', true);
  if (node === undefined || node === null) return undefined;
  if (!isMap(node)) r.fail(['wording'], 'must be a mapping of names to wording, e.g. published: "Published on {date}"');
  const wording: Record<string, string> = {};
  for (const pair of node.items) {
    const key = String((pair.key as { value?: unknown })?.value ?? pair.key);
    wording[key] = r.text(['wording', key], true, 'give the wording to print, or remove the line')!.trim();
  }
  return wording;
}

/*
 * A definition is read for every report, so an edit applies to the next one without a restart. Reading
 * the file is cheap but parsing its YAML is not, so the parse of each file's current text is kept.
 */
const parsed = new BoundedCache<{ source: string; definition: ReportDefinition }>(64);

function frozen(definition: ReportDefinition): ReportDefinition {
  definition.sections.forEach((section) => Object.freeze(section));
  Object.freeze(definition.sections);
  if (definition.wording) Object.freeze(definition.wording);
  return Object.freeze(definition);
}

/** Reads `file` and parses it as a report definition (the same text is parsed once; the result is frozen). */
export function loadReportDefinition(file: string): ReportDefinition {
  let source: string;
  try {
    source = readFileSync(file, 'utf8');
  } catch (error) {
    throw new Error(`cannot read report definition ${file} (${(error as Error).message}); check the path and that the file exists`);
  }
  const kept = parsed.get(file);
  if (kept?.source === source) return kept.definition;
  const definition = frozen(parseReportDefinition(source, file));
  parsed.set(file, { source, definition });
  return definition;
}

/** Loads the definition of `kind` from a `reports/` folder, checking the file is for that kind. */
export function loadDefinitionFor(kind: ReportKind, reportsDir: string): ReportDefinition {
  const file = join(reportsDir, DEFINITION_FILES[kind]);
  const definition = loadReportDefinition(file);
  if (definition.kind !== kind) {
    throw new ReportDefinitionError(file, 1, 'kind', `is "${definition.kind}" but this file defines ${kind} reports; set kind: ${kind}`);
  }
  return definition;
}
