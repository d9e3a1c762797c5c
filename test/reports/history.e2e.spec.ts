import Database from 'better-sqlite3';
import { join } from 'node:path';
import { DemoApi, startDemoApi } from './demo-api';
import { pdfInfo, pdfText, pdfWords, structureTypes } from './pdf-tools';

describe('audit history reports, read from the record index and checked against the event store', () => {
  let demo: DemoApi;

  beforeAll(async () => {
    demo = await startDemoApi();
  }, 180_000);
  afterAll(() => demo.api.close());

  it('lists every event of a project with who recorded it and when, links the correction to what it corrects, and finds the chain intact', async () => {
    const report = await demo.reports.auditHistory('project', 'p-energy', {}, 'md');
    const md = report.body.toString('utf8');
    const corrected = /\| (\d+) \| AttendanceRecorded \|[^\n]*Corrected by the event at position (\d+)\./.exec(md);
    expect(corrected).not.toBeNull();
    const [, target, correction] = corrected!;
    expect(md).toContain(
      `| position ${correction} | AttendanceRecorded at position ${target} | Amended | The sign-in sheet was typed up as the full 180 minutes`,
    );
    expect(md).toContain('**Integrity over this range: Intact**');
    expect(md).toMatch(/\| 1 \| ProjectRegistered \| 2026-01-12 09:30 \/ \d{4}-\d{2}-\d{2} \d{2}:\d{2} \| officer\.rhys, evaluation_lead, api \|/);
    expect(report.model.provenance.eventCount).toBeGreaterThan(150);
  });

  it('is laid out for auditors: landscape pages, the header row on every page of events, THead and TBody, no word broken in the headers', async () => {
    const pdf = (await demo.reports.auditHistory('project', 'p-energy', {}, 'pdf')).body;
    expect(pdfInfo(pdf)['Page size']).toMatch(/^841\.89 x 595\.28 pts/);
    const words = pdfWords(pdf);
    const column = words.find((w, i) => w.text === 'Event' && words[i - 1]?.text === 'Position')!.xMin;
    const eventPages = [...new Set(words.filter((w) => Math.abs(w.xMin - column) < 1 && /^[A-Z][a-z]+[A-Z]\w+$/.test(w.text)).map((w) => w.page))];
    expect(eventPages.length).toBeGreaterThan(3);
    for (const page of eventPages) {
      const onPage = words.filter((w) => w.page === page).map((w) => w.text);
      expect(onPage).toEqual(expect.arrayContaining(['Position', 'Event', 'Happened', 'Recorded', 'What']));
    }
    expect(words.some((w) => w.text === 'Positio')).toBe(false);
    expect(structureTypes(pdf)).toEqual(expect.arrayContaining(['THead', 'TBody']));
  });

  it('gives each event one or two lines, a dozen or more events to a page, every event name and time whole', async () => {
    const report = await demo.reports.auditHistory('project', 'p-energy', {}, 'pdf');
    const rows = report.model.sections.find((s) => s.id === 'events')!.blocks.flatMap((b) => (b.kind === 'table' ? b.table.rows : []));
    const words = pdfWords(report.body);
    // Each event's row starts at its position, printed alone at the left of the table.
    const left = Math.min(...words.filter((w) => w.text === 'Position').map((w) => w.xMin));
    const starts = words.filter((w) => Math.abs(w.xMin - left) < 1 && /^\d+$/.test(w.text) && rows.some((r) => r[0] === w.text));
    expect(starts.map((w) => w.text)).toEqual(rows.map((r) => r[0]));
    const lineHeight = 11;
    starts.forEach((start, i) => {
      // A third line would start within three lines of the row's top; what follows the last row of the table lies further down.
      const next = Math.min(starts[i + 1]?.page === start.page ? starts[i + 1].yMin : Infinity, start.yMin + 3 * lineHeight + 2);
      const lines = new Set(
        words
          .filter((w) => w.page === start.page && w.yMin >= start.yMin - 1 && w.yMin < next - 1 && w.yMax < 530)
          .map((w) => Math.round(w.yMin / lineHeight)),
      );
      expect({ position: start.text, lines: lines.size <= 2 }).toEqual({ position: start.text, lines: true });
    });
    const perPage = [...new Set(starts.map((w) => w.page))].map((page) => starts.filter((w) => w.page === page).length);
    expect(Math.max(...perPage)).toBeGreaterThanOrEqual(12);
    expect(perPage.slice(1, -1).every((n) => n >= 12)).toBe(true);
    // No event name or time is broken over two lines: each is found whole, as often as the table holds it.
    const column = words.find((w, i) => w.text === 'Event' && words[i - 1]?.text === 'Position')!.xMin;
    const names = words.filter((w) => Math.abs(w.xMin - column) < 1).map((w) => w.text);
    for (const type of new Set(rows.map((r) => r[1])))
      expect({ type, count: names.filter((t) => t === type).length }).toEqual({ type, count: rows.filter((r) => r[1] === type).length });
    const text = words.map((w) => w.text).join(' ');
    for (const happened of rows.map((r) => r[2].split(' /')[0])) expect(text).toContain(happened);
  });

  it('names the part of the story each long story text belongs to, and what kind of contribution each summary is', async () => {
    const report = await demo.reports.auditHistory('project', 'p-energy', {}, 'md');
    const rows = report.model.sections.find((s) => s.id === 'events')!.blocks.flatMap((b) => (b.kind === 'table' ? b.table.rows : []));
    const story = rows.filter((r) => r[1] === 'ProjectStoryRecorded').map((r) => r[4]);
    expect(story.map((summary) => /^part: (\w+); text: \S+ \S+ \S+/.exec(summary)?.[1])).toEqual([
      'background',
      'reach',
      'lessons',
      'next_steps',
      'thanks',
      'contact',
    ]);
    const contributions = rows.filter((r) => r[1] === 'ContributionRecorded' && r[4].includes('summary: ')).map((r) => r[4]);
    expect(contributions.length).toBeGreaterThan(0);
    for (const summary of contributions) expect(summary).toMatch(/^kind: \w+; summary: \S+ \S+ \S+/);
  });

  it('never shows personal data: names, contact details and quote words stay sealed', async () => {
    const text = pdfText((await demo.reports.auditHistory('project', 'p-energy', {}, 'pdf')).body);
    expect(text).toContain('personal data sealed, not shown');
    expect(text).not.toContain('Siân Llewellyn');
    expect(text).not.toContain('sian.llewellyn@example.org');
    expect(text).not.toContain('I chaired a council meeting');
  });

  it('follows an expense claim from claim to payment, with the amendment, in pounds', async () => {
    const md = (await demo.reports.auditHistory('claim', 'exp-energy-02', {}, 'md')).body.toString('utf8');
    for (const type of ['ExpenseClaimed', 'ExpenseClaimAmended', 'ExpenseApproved', 'ExpensePaid']) expect(md).toContain(`| ${type} |`);
    expect(md).toContain('amount pence: £24.00');
    expect(md).toContain('amount pence: £36.00');
  });

  it('answers over HTTP as HTML, and refuses an unknown claim (404) and an unknown kind (400)', async () => {
    const html = await demo.api.http().get('/api/history/participant/part-002/report').set('Accept', 'text/html').expect(200);
    expect(html.headers['content-type']).toMatch(/^text\/html/);
    expect(html.text).toContain('Audit history of participant part-002');
    await demo.api.http().get('/api/history/claim/exp-nowhere/report').set('Accept', 'text/html').expect(404);
    const bad = await demo.api.http().get('/api/history/widget/x/report').set('Accept', 'text/html').expect(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(['kind']);
  });

  it('names the event whose stored content was changed behind the record’s back', async () => {
    const db = new Database(join(demo.api.dataDir, 'events.db'));
    let position: number;
    try {
      const row = db.prepare("SELECT position, data FROM events WHERE type = 'ExpensePaid' AND stream = 'expense-exp-energy-02'").get() as {
        position: number;
        data: string;
      };
      position = row.position;
      const data = JSON.parse(row.data) as Record<string, unknown>;
      db.prepare('UPDATE events SET data = ? WHERE position = ?').run(JSON.stringify({ ...data, amountPence: 36000 }), position);
    } finally {
      db.close();
    }
    const pdf = (await demo.reports.auditHistory('claim', 'exp-energy-02', {}, 'pdf')).body;
    expect(pdfInfo(pdf).Tagged).toBe('yes');
    const text = pdfText(pdf);
    expect(text).toContain('Integrity over this range: Broken at 1 event');
    expect(text).toContain(`Position ${position} (ExpensePaid): its content no longer matches its hash`);
  });
});
