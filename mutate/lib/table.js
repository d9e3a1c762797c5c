'use strict';
/**
 * The markdown of results/latest.md: scores per scope, which of each scope's files they rest on (and which
 * were not run, or changed since), then the survivors by file and the mutants set aside with their reasons.
 */

function markdown(views, scopes) {
  const out = [
    '# Mutation testing results',
    '',
    'Written by `npm run mutate [scope...]` (StrykerJS, jest runner, one test process). Score = mutants detected',
    '(killed or timed out) / mutants counted; equivalent mutants are set aside by the rules in `mutate/equivalents.js` and listed below.',
    "A scope's results are put together file by file from its runs (the latest run of each file wins); the score is for the files",
    'run whose code has not changed since, and the files not counted are listed under the table.',
    '',
  ];
  out.push(
    '| scope | what | files run | mutants | static, not run | invalid | set aside as equivalent | counted | detected | survived | no coverage | score | threshold | run on | minutes |',
  );
  out.push('| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: |');
  for (const v of views) {
    const verdict = v.score === null ? '' : v.score >= v.threshold ? '' : ' (below)';
    const minutes = v.runs.some((r) => r.minutes === null) ? '' : String(Number(v.runs.reduce((sum, r) => sum + r.minutes, 0).toFixed(1)));
    out.push(
      `| ${v.scope} | ${scopes[v.scope]?.what ?? ''} | ${v.current.length} of ${v.inScope} | ${v.mutants} | ${v.notRun} | ${v.invalid} | ${v.equivalent} | ${v.counted} | ${v.killed} | ${v.survived} | ${v.noCoverage} | ${v.score === null ? 'none' : `${v.score.toFixed(1)}%`}${verdict} | ${v.threshold}% | ${dates(v.runs)} | ${minutes} |`,
    );
  }
  for (const v of views) {
    for (const { file, tests } of v.fewerTests) {
      out.push('', `Scope ${v.scope}: \`${file}\` was run against ${list(tests)} only, not every test of the scope: its score is a lower bound.`);
    }
    if (v.notYetRun.length + v.changed.length + v.gone.length === 0) continue;
    out.push('', `Scope ${v.scope}: the score is for ${v.current.length} of its ${v.inScope} files only.`);
    if (v.notYetRun.length > 0) out.push(`Not yet run: ${list(v.notYetRun)}.`);
    if (v.changed.length > 0) out.push(`Changed since they were run, so not counted until run again: ${list(v.changed)}.`);
    if (v.gone.length > 0) out.push(`Run before, no longer in the scope: ${list(v.gone)}.`);
  }
  for (const v of views) {
    out.push('', `## ${v.scope}: survivors by file`, '');
    const files = v.current.filter(([, f]) => f.counted > 0);
    out.push('| file | run on | counted | detected | score | survivors |', '| --- | --- | ---: | ---: | ---: | ---: |');
    for (const [file, f] of files)
      out.push(`| ${file} | ${day(f.date)} | ${f.counted} | ${f.killed} | ${((100 * f.killed) / f.counted).toFixed(1)}% | ${f.survivors.length} |`);
    for (const [file, f] of files.filter(([, f]) => f.survivors.length > 0)) {
      out.push('', `### ${file}`, '', '| line | mutator | status | original | replacement |', '| ---: | --- | --- | --- | --- |');
      for (const m of f.survivors) out.push(`| ${m.line} | ${m.mutator} | ${m.status} | ${cell(m.original)} | ${cell(m.replacement)} |`);
    }
    const reasons = new Map();
    for (const [, f] of v.current) for (const e of f.equivalents) reasons.set(e.reason, (reasons.get(e.reason) ?? 0) + 1);
    if (reasons.size > 0) {
      out.push('', `### ${v.scope}: set aside as equivalent`, '', '| mutants | reason |', '| ---: | --- |');
      for (const [reason, count] of reasons) out.push(`| ${count} | ${cell(reason)} |`);
    }
  }
  return `${out.join('\n')}\n`;
}

/** The day and minute of a run, or the first and last of several. */
function dates(runs) {
  const sorted = runs.map((r) => day(r.date)).sort();
  if (sorted.length === 0) return '';
  return sorted[0] === sorted[sorted.length - 1] ? sorted[0] : `${sorted[0]} to ${sorted[sorted.length - 1]}`;
}

function day(iso) {
  return iso.slice(0, 16).replace('T', ' ');
}

function list(files) {
  return files.map((f) => `\`${f}\``).join(', ');
}

function cell(text) {
  return `\`${String(text).replace(/\|/g, '\\|').replace(/`/g, "'")}\``;
}

module.exports = { markdown };
