import { renderChartImage } from '../charts/chart-image';
import { chartDescription, chartTable } from '../charts/chart-format';
import type { ChartSpec, Figure, QuoteBlock, ReportBlock, ReportModel, ReportSection, TableSpec } from '../model/report-model';
import { HTML_STYLE } from './html-style';
import { hasItalicStyle, nameLanguage, passageDirection, textDirection } from './text/scripts';
import { figureBasis, figureValue, provenanceNote, provenanceRows, splitProvenance } from './wording';

/** C0 controls but tab, newline and carriage return, DEL and C1 controls, which HTML does not allow in a document. */
const CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;

/** Escapes text for HTML content and attribute values, dropping control characters HTML does not allow. */
export function escapeHtml(text: string): string {
  return text.replace(CONTROLS, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}
const e = escapeHtml;

function sectionAnchor(section: ReportSection): string {
  return `section-${section.id.replace(/[^A-Za-z0-9_-]/g, '-')}`;
}

function basisLine(figure: Figure, model: ReportModel): string {
  const basis = [figureBasis(figure, model), figure.note].filter(Boolean).join('. ');
  return basis ? `<p class="basis">${e(basis)}</p>` : '';
}

/** A table in a box of its own that scrolls sideways on a narrow screen, so the page never does. */
function table(spec: TableSpec): string {
  const head = spec.columns.map((c) => `<th scope="col">${e(c)}</th>`).join('');
  const body = spec.rows
    .map(
      (row) => `<tr>${row.map((cell, i) => (i === 0 && spec.rowHeaders ? `<th scope="row">${e(cell)}</th>` : `<td>${e(cell)}</td>`)).join('')}</tr>`,
    )
    .join('\n');
  return (
    `<div class="table-box" role="region" aria-label="${e(spec.caption)}" tabindex="0">` +
    `<table><caption>${e(spec.caption)}</caption><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table></div>`
  );
}

/**
 * A chart under its title, which is a heading one level below the section's (`level`), so a reader moving
 * from heading to heading reaches every chart and no level is skipped; the figure is labelled by that heading.
 */
function chart(spec: ChartSpec, level: number): string {
  const image = renderChartImage(spec);
  const src = `data:${image.mimeType};base64,${image.data.toString('base64')}`;
  const id = `chart-${spec.id.replace(/[^A-Za-z0-9_-]/g, '-')}`;
  return [
    `<figure class="chart" id="${id}" aria-labelledby="${id}-title">`,
    `<h${level} class="chart-title" id="${id}-title">${e(spec.title)}</h${level}>`,
    `<img src="${src}" width="${image.width}" height="${image.height}" alt="${e(chartDescription(spec, 'in the table below'))}">`,
    table(chartTable(spec)),
    `</figure>`,
  ].join('\n');
}

/** A participant's words with their language and direction, and the speaker's name set apart in `<bdi>`. */
function quote(q: QuoteBlock, model: ReportModel): string {
  const context = q.context ? `<p class="context">${e(q.context)}</p>` : '';
  const upright = hasItalicStyle(q.text) ? '' : ' class="upright"';
  const words = `<blockquote lang="${e(q.lang)}" dir="${passageDirection(q.text, q.lang)}"${upright}><p>${e(q.text)}</p></blockquote>`;
  return `<figure class="quote">${words}<figcaption>— <cite>${attribution(q, model)}</cite></figcaption>${context}</figure>`;
}

function attribution(q: QuoteBlock, model: ReportModel): string {
  const at = q.speaker ? q.attribution.indexOf(q.speaker) : -1;
  if (!q.speaker || at < 0) return e(q.attribution);
  const lang = nameLanguage(q.speaker, q.lang, model.lang);
  const name = `<bdi dir="${textDirection(q.speaker) ?? 'ltr'}"${lang ? ` lang="${e(lang)}"` : ''}>${e(q.speaker)}</bdi>`;
  return `${e(q.attribution.slice(0, at))}${name}${e(q.attribution.slice(at + q.speaker.length))}`;
}

/** The next paragraph number where the report numbers its paragraphs (committee papers); null where it does not. */
type Numbering = { next: number } | null;

/** One block of a section whose heading is at `level`. */
function block(b: ReportBlock, model: ReportModel, level: number, numbering: Numbering = null): string {
  switch (b.kind) {
    case 'paragraph':
      return numbering ? `<p class="numbered"><span class="number">${numbering.next++}.</span> ${e(b.text)}</p>` : `<p>${e(b.text)}</p>`;
    case 'key_figures':
      return `<ul class="key-figures">${b.figures
        .map((f) => `<li><p class="value">${e(figureValue(f))}</p><p>${e(f.label)}</p>${basisLine(f, model)}</li>`)
        .join('\n')}</ul>`;
    case 'figure':
      return `<p><strong>${e(b.figure.label)}: ${e(figureValue(b.figure))}</strong></p>${basisLine(b.figure, model)}`;
    case 'chart':
      return chart(b.chart, level + 1);
    case 'table':
      return table(b.table);
    case 'quote':
      return quote(b.quote, model);
    case 'list':
      return `<ul>${b.items.map((i) => `<li>${e(i)}</li>`).join('')}</ul>`;
    case 'notice':
      return `<div class="notice"><p>${e(b.text)}</p></div>`;
  }
}

function section(s: ReportSection, model: ReportModel, level: 2 | 3, numbering: Numbering = null): string {
  const id = sectionAnchor(s);
  return [
    `<section aria-labelledby="${id}">`,
    `<h${level} id="${id}">${e(s.heading)}</h${level}>`,
    ...s.blocks.map((b) => block(b, model, level, numbering)),
    ...(s.subsections ?? []).map((sub) => section(sub, model, 3, numbering)),
    `</section>`,
  ].join('\n');
}

function facts(rows: [string, string][], mono: boolean): string {
  return `<dl class="facts">${rows.map(([k, v]) => `<dt>${e(k)}</dt><dd${mono ? ' class="mono"' : ''}>${e(v)}</dd>`).join('')}</dl>`;
}

/**
 * The record behind the report: every fact needed to rebuild it, as a list of its own; in a compact report (a
 * committee section that drops into the council's paper) the same short closing note as the PDF, Markdown and
 * Word versions: dates in words, the digest and the command that produces it again.
 */
function provenanceSection(provenance: ReportSection, model: ReportModel): string {
  const id = sectionAnchor(provenance);
  const compact = model.layout?.compact === true;
  return [
    `<section class="${compact ? 'provenance-note' : 'provenance'}" aria-labelledby="${id}">`,
    `<h2 id="${id}">${e(provenance.heading)}</h2>`,
    ...provenance.blocks.map((b) => block(b, model, 2)),
    compact ? `<p class="note">${e(provenanceNote(model.provenance))}</p>` : facts(provenanceRows(model.provenance), true),
    `</section>`,
  ].join('\n');
}

/** Renders a report model as one self-contained, accessible HTML document (charts inline as data URIs). */
export function renderHtml(model: ReportModel): string {
  const { sections, provenance } = splitProvenance(model);
  const all = [...sections, provenance];
  const contents = all.map((s) => `<li><a href="#${sectionAnchor(s)}">${e(s.heading)}</a></li>`).join('');
  const numbering: Numbering = model.layout?.numberedParagraphs ? { next: 1 } : null;
  const marking = model.layout?.marking ? `<p class="marking">${e(model.layout.marking)}</p>` : '';
  return `<!DOCTYPE html>
<html lang="${e(model.lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="author" content="${e(model.publisher)}">
<meta name="generator" content="coprod">
<title>${e(model.title)} – ${e(model.publisher)}</title>
<style>${HTML_STYLE}</style>
</head>
<body>
<a class="skip-link" href="#main">Skip to main content</a>
<header class="masthead">${e(model.publisher)}</header>
<main id="main" tabindex="-1">
${marking}
<h1>${e(model.title)}</h1>
${model.subtitle ? `<p class="subtitle">${e(model.subtitle)}</p>` : ''}
${
  model.cover.length
    ? facts(
        model.cover.map((c) => [c.label, c.value]),
        false,
      )
    : ''
}
<nav class="contents" aria-label="Contents"><h2 id="contents">Contents</h2><ol>${contents}</ol></nav>
${sections.map((s) => section(s, model, 2, numbering)).join('\n')}
${provenanceSection(provenance, model)}
</main>
<footer class="page-footer"><p>${e(model.publisher)}. Produced ${e(model.provenance.generatedAt)} from events ${model.provenance.firstPosition} to ${model.provenance.lastPosition}.</p></footer>
</body>
</html>
`;
}
