'use strict';
/** The results table: each issue case's figures beside the peer or limit, the ratio and the target. */

/** Builds the rows from each step's figures (`r['writes-32'].commandsPerSecond` and so on). */
function rows(r, scale) {
  const v = (step, figure) => r[step]?.figures?.[figure]?.value;
  const peak = (step) => r[step]?.peakRssMb;
  const others = (step) => (v(step, 'events') ?? 0) - (v('prepare', 'demoEvents') ?? 0);
  const higher = (ours, ref) => (ours !== undefined && ref ? ours / ref : undefined);
  const lower = (ours, ref) => (ours && ref !== undefined ? ref / ours : undefined);
  const cmd32 = v('writes-32', 'commandsPerSecond');
  const raw = v('raw-insert', 'rowsPerSecond');
  const bulk = v('bulk-import', 'eventsPerSecond');
  const rebuild = v('rebuild', 'eventsPerSecond');
  const ourWarm = v('report', 'warmMs');
  const chromeWarm = v('chromium', 'warmMs');
  const ourPeak = peak('report');
  const chromePeak = v('chromium', 'browserPeakRssMb');
  const [qSmall, qLarge] = [v('scaling-small', 'outcomeQueryMs'), v('scaling-large', 'outcomeQueryMs')];
  const [pSmall, pLarge] = [v('scaling-small', 'reportMs'), v('scaling-large', 'reportMs')];
  const httpCmd = v('http', 'commandsPerSecond');
  const httpCmdP99 = v('http', 'commandsP99Ms');
  const httpQP99 = v('http', 'queriesP99Ms');
  const apiRss = v('api-memory', 'rssMb');
  const all = (...checks) => (checks.some((c) => c === undefined) ? undefined : checks.every(Boolean));
  const atLeast = (x, min) => (x === undefined ? undefined : x >= min);
  const atMost = (x, max) => (x === undefined ? undefined : x <= max);
  return [
    { case: 1, figure: 'durable commands/s, 1 writer', ours: [v('writes-1', 'commandsPerSecond'), '/s'], ref: ['Emmett SQLite, 1 writer', v('emmett-1', 'commandsPerSecond'), '/s'], ratio: higher(v('writes-1', 'commandsPerSecond'), v('emmett-1', 'commandsPerSecond')), target: '-', peak: [peak('writes-1'), peak('emmett-1')] },
    { case: 1, figure: 'durable commands/s, 1 writer, against one fsync each', ours: [v('writes-1', 'commandsPerSecond'), '/s'], ref: ['fsync rate (limit)', v('fsync', 'fsyncPerSecond'), '/s'], ratio: higher(v('writes-1', 'commandsPerSecond'), v('fsync', 'fsyncPerSecond')), target: '-', peak: [peak('writes-1'), peak('fsync')] },
    { case: 1, figure: 'durable commands/s, 32 writers', ours: [cmd32, '/s'], ref: ['Emmett SQLite, 32 writers', v('emmett-32', 'commandsPerSecond'), '/s'], ratio: higher(cmd32, v('emmett-32', 'commandsPerSecond')), target: '>= 3,000/s and >= 20x peer', met: all(atLeast(cmd32, 3000), atLeast(higher(cmd32, v('emmett-32', 'commandsPerSecond')), 20)), peak: [peak('writes-32'), peak('emmett-32')] },
    { case: 1, figure: 'durable commands/s, 32 writers, against raw inserts', ours: [cmd32, '/s'], ref: ['better-sqlite3, one transaction (limit)', raw, ' rows/s'], ratio: higher(cmd32, raw), target: '-', peak: [peak('writes-32'), peak('raw-insert')] },
    { case: 2, figure: 'HTTP commands/s at 1,500/s offered, evenly spaced', ours: [httpCmd, '/s'], ref: ['offered rate', 1500, '/s'], ratio: higher(httpCmd, 1500), target: '1,500/s with p99 < 50 ms', met: all(atLeast(httpCmd, 1500 * 0.97), atMost(httpCmdP99, 50)), peak: [peak('http')] },
    { case: 2, figure: 'HTTP command latency p50 / p99', ours: [v('http', 'commandsP50Ms'), ' ms', httpCmdP99], ref: ['-'], target: 'p99 < 50 ms', met: atMost(httpCmdP99, 50) },
    { case: 2, figure: 'HTTP commands: highest offered rate served with p99 < 50 ms', ours: [v('http', 'commandsSustainedPerSecond'), '/s'], ref: ['target rate', 1500, '/s'], ratio: higher(v('http', 'commandsSustainedPerSecond'), 1500), target: '-' },
    { case: 2, figure: 'HTTP outcome queries/s at 500/s offered, evenly spaced', ours: [v('http', 'queriesPerSecond'), '/s'], ref: ['offered rate', 500, '/s'], ratio: higher(v('http', 'queriesPerSecond'), 500), target: '-' },
    { case: 2, figure: 'HTTP outcome query latency p50 / p99', ours: [v('http', 'queriesP50Ms'), ' ms', httpQP99], ref: ['-'], target: 'p99 < 20 ms', met: atMost(httpQP99, 20) },
    { case: 3, figure: `bulk import events/s (${fmt(v('bulk-import', 'events'))} events)`, ours: [bulk, '/s'], ref: ['better-sqlite3, one transaction (limit)', raw, ' rows/s'], ratio: higher(bulk, raw), target: '>= 100,000/s and >= 40% of limit', met: all(atLeast(bulk, 100_000), atLeast(higher(bulk, raw), 0.4)), peak: [peak('bulk-import'), peak('raw-insert')] },
    { case: 3, figure: `register imported from CSV through the command path, rows/s (${fmt(v('import', 'rows'))} rows)`, ours: [v('import', 'rowsPerSecond'), '/s'], ref: ['bulk append of the same events', v('import', 'bulkEventsPerSecond'), '/s'], ratio: higher(v('import', 'rowsPerSecond'), v('import', 'bulkEventsPerSecond')), target: '-', peak: [peak('import')] },
    { case: 4, figure: `rebuild of every read model, events/s (${fmt(v('store-large', 'events'))} events)`, ours: [rebuild, '/s'], ref: ['-'], target: '>= 150,000/s', met: atLeast(rebuild, 150_000), peak: [peak('rebuild')] },
    { case: 5, figure: 'case-study report, warm median', ours: [ourWarm, ' ms'], ref: ['Chromium printing the HTML twin', chromeWarm, ' ms'], ratio: lower(ourWarm, chromeWarm), ratioWord: 'x faster', target: '<= 150 ms and >= 3x faster', met: all(atMost(ourWarm, 150), atLeast(lower(ourWarm, chromeWarm), 3)) },
    { case: 5, figure: 'case-study report, warm median after a change (new session recorded before each)', ours: [v('report', 'warmChangedMs'), ' ms'], ref: ['Chromium printing the HTML twin', chromeWarm, ' ms'], ratio: lower(v('report', 'warmChangedMs'), chromeWarm), ratioWord: 'x faster', target: '-' },
    { case: 5, figure: 'case-study report, cold (first in a fresh process)', ours: [v('report', 'coldMs'), ' ms'], ref: ['Chromium launch and first print', v('chromium', 'coldMs'), ' ms'], ratio: lower(v('report', 'coldMs'), v('chromium', 'coldMs')), ratioWord: 'x faster', target: '-' },
    { case: 5, figure: 'case-study report quoting 31 people in 31 languages and 15 scripts, warm median', ours: [v('report-scripts', 'everyScriptWarmMs'), ' ms'], ref: ['same report, 31 Latin-script quotes', v('report-scripts', 'latinQuotesWarmMs'), ' ms'], ratio: higher(v('report-scripts', 'everyScriptWarmMs'), v('report-scripts', 'latinQuotesWarmMs')), ratioWord: 'x of Latin-only', target: '<= 1.5x Latin-only', met: atMost(higher(v('report-scripts', 'everyScriptWarmMs'), v('report-scripts', 'latinQuotesWarmMs')), 1.5), peak: [peak('report-scripts')] },
    { case: 5, figure: 'case-study report quoting every script, first in its process (script fonts read)', ours: [v('report-scripts', 'everyScriptColdMs'), ' ms'], ref: ['same report, warm', v('report-scripts', 'everyScriptWarmMs'), ' ms'], ratio: higher(v('report-scripts', 'everyScriptColdMs'), v('report-scripts', 'everyScriptWarmMs')), ratioWord: 'x of warm', target: '-' },
    { case: 5, figure: 'case-study report, peak memory', ours: [ourPeak, ' MB'], ref: ['Chromium process tree', chromePeak, ' MB'], ratio: higher(ourPeak, chromePeak), ratioWord: 'x of peer', target: '<= 1/3 of Chromium', met: atMost(higher(ourPeak, chromePeak), 1 / 3) },
    { case: 6, figure: `outcome query, ${fmt(others('scaling-large'))} vs ${fmt(others('scaling-small'))} other events`, ours: [qLarge, ' ms'], ref: ['same query, smaller store', qSmall, ' ms'], ratio: higher(qLarge, qSmall), ratioWord: 'x slower', target: '<= 1.2x slower', met: atMost(higher(qLarge, qSmall), 1.2), peak: [peak('scaling-large'), peak('scaling-small')] },
    { case: 6, figure: `case-study report, ${fmt(others('scaling-large'))} vs ${fmt(others('scaling-small'))} other events`, ours: [pLarge, ' ms'], ref: ['same report, smaller store', pSmall, ' ms'], ratio: higher(pLarge, pSmall), ratioWord: 'x slower', target: '<= 1.2x slower', met: atMost(higher(pLarge, pSmall), 1.2) },
    { case: 6, figure: `API resident memory, ${fmt(v('store-large', 'events'))} events loaded`, ours: [apiRss, ' MB'], ref: ['limit', 300, ' MB'], ratio: higher(apiRss, 300), ratioWord: 'x of limit', target: '<= 300 MB', met: atMost(apiRss, 300), peak: [v('api-memory', 'peakRssMb')] },
    { case: 7, figure: 'web: project page p50 / p95, 20 people at once', ours: [v('web', 'projectPageP50Ms'), ' ms', v('web', 'projectPageP95Ms')], ref: ['the same figures as JSON, p95', v('web', 'outcomesJsonP95Ms'), ' ms'], ratio: v('web', 'pageToJsonP95Ratio'), ratioWord: 'x of JSON', target: 'p95 < 100 ms and <= 1.5x JSON', met: all(atMost(v('web', 'projectPageP95Ms'), 100), atMost(v('web', 'pageToJsonP95Ratio'), 1.5)), peak: [peak('web')] },
    { case: 7, figure: 'web: a register of 12 submitted through the page, p50 / p95, 20 people at once', ours: [v('web', 'registerPageP50Ms'), ' ms', v('web', 'registerPageP95Ms')], ref: ['the same 12 attendances as JSON commands, p95', v('web', 'registerJsonP95Ms'), ' ms'], ratio: v('web', 'registerPageToJsonP95Ratio'), ratioWord: 'x of JSON', target: 'p95 < 100 ms and <= 1.5x JSON', met: all(atMost(v('web', 'registerPageP95Ms'), 100), atMost(v('web', 'registerPageToJsonP95Ratio'), 1.5)) },
    { case: 8, figure: `soak: mixed reads and writes at ${fmt(v('soak', 'soakPerSecond'))}/s served, p50 / p99`, ours: [v('soak', 'soakP50Ms'), ' ms', v('soak', 'soakP99Ms')], ref: ['p99 first third / last third', v('soak', 'soakP99FirstThirdMs'), ` / ${fmt(v('soak', 'soakP99LastThirdMs'))} ms`], ratio: higher(v('soak', 'soakP99LastThirdMs'), v('soak', 'soakP99FirstThirdMs')), ratioWord: 'x of first third', target: 'flat: last third p99 <= 1.5x first, no failure', met: all(atMost(higher(v('soak', 'soakP99LastThirdMs'), Math.max(1, v('soak', 'soakP99FirstThirdMs') ?? 0)), 1.5), atMost(v('soak', 'soakFailed'), 0)), peak: [peak('soak')] },
    { case: 8, figure: 'soak: API resident memory at start / end; /health p99', ours: [v('soak', 'rssStartMb'), ' MB', v('soak', 'rssEndMb')], ref: ['/health p99', v('soak', 'soakHealthP99Ms'), ' ms'], target: '-' },
    { case: 8, figure: `overload at ${fmt(v('soak', 'overloadPerSecond'))}/s (twice the sustainable rate): shed with 503 and Retry-After`, ours: [v('soak', 'overloadShedShare'), ' %'], ref: ['p99 of the rest; /health p99', v('soak', 'overloadP99OfRestMs'), ` ms; ${fmt(v('soak', 'overloadHealthP99Ms'))} ms`], target: 'rest p99 < 500 ms, no other failure', met: all(atMost(v('soak', 'overloadP99OfRestMs'), 500), atMost(v('soak', 'overloadOtherFailures'), 0)) },
  ].map((row) => ({ ...row, scale }));
}

function fmt(value, digits) {
  if (value === undefined || value === null || Number.isNaN(value)) return 'n/a';
  const places = digits ?? (Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : 2);
  return value.toLocaleString('en-GB', { minimumFractionDigits: places, maximumFractionDigits: places });
}

function cells(row) {
  const [value, unit = '', second] = row.ours;
  const ours = second === undefined ? `${fmt(value)}${unit}` : `${fmt(value)} / ${fmt(second)}${unit}`;
  const [label, refValue, refUnit = ''] = row.ref;
  const ref = refValue === undefined && label === '-' ? '-' : `${label}: ${fmt(refValue)}${refUnit}`;
  const ratio = row.ratio === undefined ? '-' : `${fmt(row.ratio)}${row.ratioWord ? ` ${row.ratioWord}` : 'x'}`;
  const met = row.met === undefined ? (row.target === '-' ? '-' : 'n/a') : row.met ? 'yes' : 'NO';
  const peak = (row.peak ?? []).map((p) => fmt(p, 0)).join(' / ') || '-';
  return [String(row.case), row.figure, ours, ref, ratio, row.target, met, peak];
}

const HEADER = ['case', 'figure', 'ours', 'peer or limit', 'ratio', 'target', 'met?', 'peak MB (ours / peer)'];

/** The table as Markdown. */
function markdown(tableRows) {
  const lines = [HEADER, HEADER.map(() => '---'), ...tableRows.map(cells)];
  return lines.map((cols) => `| ${cols.join(' | ')} |`).join('\n');
}

module.exports = { rows, markdown, fmt };
