import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mammoth from 'mammoth';
import { FrameworkRegistry, OutcomeFrameworkView, ProjectFacts, summariseOutcomes } from '@coprod/frameworks';
import { reportDefinition } from '@coprod/application';
import { renderDocx, renderHtml, renderMarkdown, renderPdf, ReportModel } from '@coprod/reporting';
import { buildCaseStudy, buildCommitteeExtract, ProjectEvidence } from '@coprod/reporting/builders';

/** The formats a council publishes a report in, each read back as its reader gets it. */
export const TEXT_FORMATS = ['md', 'html', 'docx', 'pdf'] as const;
export type TextFormat = (typeof TEXT_FORMATS)[number];

/** One published output as text: one line per paragraph, heading, list item or table row (cells joined by " | "). */
export interface RenderedOutput {
  /** e.g. `case study (pdf)`, `committee d1 (md)`. */
  name: string;
  lines: string[];
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', '#39': "'" };

function decode(text: string): string {
  return text
    .replace(/&(#x?[0-9a-f]+|\w+);/gi, (whole, name: string) => {
      if (name.startsWith('#x')) return String.fromCodePoint(parseInt(name.slice(2), 16));
      if (name.startsWith('#') && name !== '#39') return String.fromCodePoint(Number(name.slice(1)));
      return ENTITIES[name] ?? whole;
    })
    .replace(/\s+/g, ' ')
    .trim();
}

/** HTML as lines: each table row one line of cells, each block (heading, paragraph, list item, caption, quote) one line. */
export function htmlLines(html: string): string[] {
  const body = html
    .replace(/<(script|style|head)[\s\S]*?<\/\1>/gi, '')
    // A cell is one piece of text, whatever paragraphs Word put inside it.
    .replace(/<(t[hd])\b[^>]*>([\s\S]*?)<\/\1>/gi, (_, tag: string, inner: string) => `<${tag}>${inner.replace(/<[^>]+>/g, ' ')}</${tag}>`)
    // Alt text is published too (a screen reader reads it): keep it as its own line.
    .replace(/<img[^>]*\balt="([^"]*)"[^>]*>/gi, '\n$1\n')
    .replace(/<\/t[hd]>\s*<t[hd][^>]*>/gi, ' | ')
    .replace(/<\/?(tr|p|h[1-6]|li|caption|figcaption|blockquote|div|section|table|thead|tbody|ul|ol|dt|dd|footer|header|br)\b[^>]*>/gi, '\n');
  return body
    .split('\n')
    .map((line) => decode(line.replace(/<[^>]+>/g, '')))
    .filter(Boolean);
}

/** Markdown as lines: table rows become cells joined by " | ", emphasis and escapes are dropped. */
export function markdownLines(markdown: string): string[] {
  return markdown
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !/^\|?\s*-{3,}/.test(line))
    .map((line) =>
      (line.startsWith('|') ? line.replace(/^\|\s*/, '').replace(/\s*\|$/, '') : line)
        .replace(/\\([.\-*_#|()[\]])/g, '$1')
        .replace(/^[>#\-*]+\s*/, '')
        .replace(/[*_]{1,2}([^*_]+)[*_]{1,2}/g, '$1')
        .trim(),
    )
    .filter(Boolean);
}

/** A PDF as lines in reading order, read back with `pdftotext -layout` (columns two or more spaces apart become cells), then its images' alternative text. */
export function pdfLines(pdf: Buffer): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'coprod-attack-'));
  try {
    const file = join(dir, 'report.pdf');
    writeFileSync(file, pdf);
    const text = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    // A chart is an image: its numbers are published in its alternative text, which a screen reader reads out.
    const json = JSON.parse(execFileSync('qpdf', ['--json', file], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 })) as {
      qpdf: [unknown, Record<string, { value?: Record<string, unknown> }>];
    };
    const alt = Object.values(json.qpdf[1]).flatMap((o) =>
      typeof o.value?.['/Alt'] === 'string' ? [String(o.value['/Alt']).replace(/^u:/, '')] : [],
    );
    return [
      ...text
        .split(/\n|\f/)
        .map((line) => line.replace(/[\u202A-\u202C]/g, '').trim())
        .filter(Boolean)
        .map((line) => line.split(/\s{2,}/).join(' | ')),
      ...alt,
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A report model in one format, read back as text lines. */
export async function readBack(model: ReportModel, format: TextFormat): Promise<string[]> {
  switch (format) {
    case 'md':
      return markdownLines(renderMarkdown(model));
    case 'html':
      return htmlLines(renderHtml(model));
    case 'docx':
      return htmlLines((await mammoth.convertToHtml({ buffer: await renderDocx(model) })).value);
    case 'pdf':
      return pdfLines(await renderPdf(model));
  }
}

const registry = FrameworkRegistry.load();

/** Words for every quote of a generated record, which holds none of its own: enough to see each quote and its attribution. */
function wordsOf(facts: ProjectFacts): Map<string, string> {
  return new Map([...facts.quotes.keys()].map((id) => [id, `What was said, quote ${id}.`]));
}

/**
 * The evidence a report is built from, for facts folded in memory: the figures under disclosure control
 * at `threshold`, and every quote's words (the generated record has no personal data to open).
 */
export function evidenceOf(facts: ProjectFacts, threshold: number, words: ReadonlyMap<string, string> = wordsOf(facts)): ProjectEvidence {
  const framework = registry.default();
  const summary = summariseOutcomes(facts, { suppressionThreshold: threshold, framework: framework as unknown as OutcomeFrameworkView });
  const at = '2026-06-30T00:00:00.000Z';
  return {
    projectId: facts.project?.projectId ?? 'p',
    framework,
    facts,
    summary,
    clocks: { asOf: at, knownAtPosition: 1000, knownAt: 'position 1000' },
    range: { firstPosition: 1, lastPosition: 1000, eventCount: 1000, lastEventHash: '0'.repeat(64), lastRecordedAt: at },
    words,
    names: new Map(),
  };
}

/** Every public output of a project in the given formats: the case study and the committee section of each decision. */
export async function publicOutputs(evidence: ProjectEvidence, threshold: number, formats: readonly TextFormat[]): Promise<RenderedOutput[]> {
  const setting = (kind: 'case_study' | 'committee_extract') => ({
    publisher: 'West Berkshire Council',
    suppressionThreshold: threshold,
    chainHead: { position: 1000, hash: '0'.repeat(64) },
    storeDescription: 'the embedded event store',
    definition: reportDefinition(kind),
    regenerateCommand: 'coprod report',
  });
  const models: [string, ReportModel][] = [['case study', buildCaseStudy({ evidence, audience: 'public', setting: setting('case_study') })]];
  for (const decisionId of evidence.facts.decisions.keys())
    models.push([`committee ${decisionId}`, buildCommitteeExtract({ evidence, decisionId, setting: setting('committee_extract') })]);
  const outputs: RenderedOutput[] = [];
  for (const [name, model] of models)
    for (const format of formats) outputs.push({ name: `${name} (${format})`, lines: await readBack(model, format) });
  return outputs;
}
