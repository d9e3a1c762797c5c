import { caseStudyFixture } from '../model/report-model.fixture';
import { escapeHtml, renderHtml } from './render-html';
import { provenanceNote } from './wording';
import { renderMarkdown } from './render-markdown';

describe('renderHtml', () => {
  const html = renderHtml(caseStudyFixture());

  it('declares the language and title, and starts with a skip link to main', () => {
    expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="en-GB">/);
    expect(html).toContain('<title>Community energy guidance: a co-production case study – West Berkshire Council</title>');
    expect(html.indexOf('href="#main"')).toBeLessThan(html.indexOf('<main id="main"'));
  });

  it('marks quotes with their own language and direction, and cites who said them', () => {
    expect(html).toContain(
      '<blockquote lang="cy" dir="ltr"><p>Mae&#39;r grŵp wedi newid y cynllun</p></blockquote><figcaption>— <cite>Group member, resident</cite>',
    );
    expect(html).toContain('<blockquote lang="pl" dir="ltr"><p>Zażółć gęślą jaźń</p>');
  });

  it('runs right-to-left words right to left, upright, and sets a named speaker apart in <bdi>', () => {
    const model = caseStudyFixture();
    model.sections[1].blocks.push(
      { kind: 'quote', quote: { text: 'ہماری بات سنی گئی', attribution: 'عائشہ خان, resident', speaker: 'عائشہ خان', lang: 'ur', outcomeIds: [] } },
      { kind: 'quote', quote: { text: 'We were heard', attribution: 'فاطمة الزهراء, carer', speaker: 'فاطمة الزهراء', lang: 'en', outcomeIds: [] } },
      { kind: 'quote', quote: { text: 'Wedi ein clywed', attribution: 'Siân Llŷr, resident', speaker: 'Siân Llŷr', lang: 'cy', outcomeIds: [] } },
    );
    const page = renderHtml(model);
    expect(page).toContain(
      '<blockquote lang="ur" dir="rtl" class="upright"><p>ہماری بات سنی گئی</p></blockquote><figcaption>— <cite><bdi dir="rtl" lang="ur">عائشہ خان</bdi>, resident</cite>',
    );
    expect(page).toContain('<cite><bdi dir="rtl" lang="und-Arab">فاطمة الزهراء</bdi>, carer</cite>');
    expect(page).toContain('<cite><bdi dir="ltr" lang="cy">Siân Llŷr</bdi>, resident</cite>');
  });

  it('embeds each chart inline with alternative text and its numbers as a table', () => {
    const charts = html.match(/<figure class="chart"[\s\S]*?<\/figure>/g) ?? [];
    expect(charts).toHaveLength(2);
    for (const chart of charts) {
      expect(chart).toMatch(/<img src="data:image\/png;base64,[A-Za-z0-9+/=]{1000,}"/);
      expect(chart).toMatch(/alt="[^"]{20,}"/);
      expect(chart).toContain('<th scope="col">');
      expect(chart).toContain('<th scope="row">');
    }
    expect(charts[0]).toContain('<td>77%</td>');
  });

  it('heads each chart with its title one level below the section it sits in, and labels the figure by that heading', () => {
    expect(html).toContain(
      '<figure class="chart" id="chart-hours-by-role" aria-labelledby="chart-hours-by-role-title">\n<h3 class="chart-title" id="chart-hours-by-role-title">Hours given, by role and stage</h3>',
    );
    // Outcome 4 is an h3, so its chart's title is an h4.
    expect(html).toContain(
      '<figure class="chart" id="chart-confidence" aria-labelledby="chart-confidence-title">\n<h4 class="chart-title" id="chart-confidence-title">Confidence working in partnership, before and after</h4>',
    );
    expect(html).not.toMatch(/<figure class="chart"[^>]*>\n<figcaption>/);
    const levels = [...html.matchAll(/<h([1-6])[ >]/g)].map((m) => Number(m[1]));
    expect(levels.every((level, i) => i === 0 || level <= levels[i - 1] + 1)).toBe(true);
    expect(levels).toContain(4);
  });

  it('ends a compact committee section with the short provenance note, as print does, and a full report with every fact', () => {
    const model = caseStudyFixture();
    model.layout = { coverPage: false, numberedParagraphs: true, compact: true };
    const section = renderHtml(model);
    const note = /<section class="provenance-note"[\s\S]*?<\/section>/.exec(section)?.[0] ?? '';
    expect(note).toContain(`<p class="note">${escapeHtml(provenanceNote(model.provenance))}</p>`);
    expect(note).toContain('To produce it again: coprod report case-study');
    expect(note).not.toContain('<dl');
    expect(section).not.toContain('class="provenance"');
    expect(html).toMatch(/<section class="provenance" [^>]*>[\s\S]*<dl class="facts">/);
    expect(html).not.toContain('class="provenance-note"');
  });

  it('shows the suppressed figure in words, never its number', () => {
    expect(html).toContain(
      '<p class="value">Not shown</p><p>carers who took part</p><p class="basis">suppressed (fewer than 5 people). Counted, not published</p>',
    );
  });

  it('escapes text that looks like markup', () => {
    const model = caseStudyFixture();
    model.title = 'Parks <script>alert(1)</script> & play';
    expect(renderHtml(model)).toContain('<h1>Parks &lt;script&gt;alert(1)&lt;/script&gt; &amp; play</h1>');
  });
});

describe('renderMarkdown', () => {
  const markdown = renderMarkdown(caseStudyFixture());

  it('heads each chart with its title one level below the section it sits in', () => {
    const lines = markdown.split('\n');
    expect(lines).toContain('### Hours given, by role and stage');
    expect(lines).toContain('#### Confidence working in partnership, before and after');
    expect(markdown).toContain('**Hours given, by role and stage: the numbers**');
  });

  it('heads the report, its sections and outcomes in order', () => {
    const headings = markdown.split('\n').filter((l) => l.startsWith('#'));
    expect(headings.slice(0, 4)).toEqual([
      '# Community energy guidance: a co-production case study',
      '## At a glance',
      '## Outcomes',
      '### Outcome 1: Residents have increased influence over decisions',
    ]);
    expect(headings[headings.length - 1]).toBe('## Where these figures come from');
  });

  it('writes figures with their n, quotes with attribution and charts as tables', () => {
    expect(markdown).toContain('- **£1,284.60** expenses paid to participants (n = 14)');
    expect(markdown).toContain('- **Not shown** carers who took part (suppressed (fewer than 5 people); Counted, not published)');
    expect(markdown).toContain('> “Zażółć gęślą jaźń”\n>\n> — Participant, role only');
    expect(markdown).toContain('| Residents | 187.5 | 125.0 |');
  });

  it('sets right-to-left words and names in Unicode isolates, and leaves other text as it is', () => {
    const model = caseStudyFixture();
    model.sections[1].blocks.push(
      {
        kind: 'quote',
        quote: { text: 'لقد استمعوا إلينا', attribution: 'فاطمة الزهراء, carer', speaker: 'فاطمة الزهراء', lang: 'ar', outcomeIds: [] },
      },
      { kind: 'quote', quote: { text: 'Wedi ein clywed', attribution: 'Siân Llŷr, resident', speaker: 'Siân Llŷr', lang: 'cy', outcomeIds: [] } },
    );
    const text = renderMarkdown(model);
    expect(text).toContain('> “\u2067لقد استمعوا إلينا\u2069”\n>\n> — \u2068فاطمة الزهراء\u2069, carer');
    expect(text).toContain('> “Wedi ein clywed”\n>\n> — Siân Llŷr, resident');
  });

  it('escapes pipes inside table cells', () => {
    const model = caseStudyFixture();
    model.provenance.storeDescription = 'a|b';
    expect(renderMarkdown(model)).toContain('| Event store | a\\|b |');
  });
});
