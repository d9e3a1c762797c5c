'use strict';
/** The markdown table of results/latest.md: scores per scope, then the survivors by file and the mutants set aside. */

function markdown(summaries, scopes) {
  const out = [
    '# Mutation testing results',
    '',
    'Written by `npm run mutate [scope...]` (StrykerJS, jest runner, one test process). Score = mutants detected',
    '(killed or timed out) / mutants counted; equivalent mutants are set aside by the rules in `mutate/equivalents.js` and listed below.',
    '',
  ];
  out.push(
    '| scope | what | mutants | static, not run | invalid | set aside as equivalent | counted | detected | survived | no coverage | score | threshold | run on | minutes |',
  );
  out.push('| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: |');
  for (const s of summaries) {
    const verdict = s.score >= s.threshold ? '' : ' (below)';
    out.push(
      `| ${s.scope} | ${scopes[s.scope]?.what ?? ''} | ${s.mutants} | ${s.notRun ?? 0} | ${s.invalid} | ${s.equivalent} | ${s.counted} | ${s.killed} | ${s.survived} | ${s.noCoverage} | ${s.score.toFixed(1)}%${verdict} | ${s.threshold}% | ${s.date.slice(0, 16).replace('T', ' ')} | ${s.minutes ?? ''} |`,
    );
  }
  for (const s of summaries.filter((s) => s.partial)) {
    out.push('', `Scope ${s.scope} was run on part of its files only: ${s.partial.map((f) => `\`${f}\``).join(', ')}.`);
  }
  for (const s of summaries) {
    out.push('', `## ${s.scope}: survivors by file`, '');
    const files = Object.entries(s.files).filter(([, f]) => f.counted > 0);
    out.push('| file | counted | detected | score | survivors |', '| --- | ---: | ---: | ---: | ---: |');
    for (const [file, f] of files)
      out.push(`| ${file} | ${f.counted} | ${f.killed} | ${((100 * f.killed) / f.counted).toFixed(1)}% | ${f.survivors.length} |`);
    for (const [file, f] of files.filter(([, f]) => f.survivors.length > 0)) {
      out.push('', `### ${file}`, '', '| line | mutator | status | original | replacement |', '| ---: | --- | --- | --- | --- |');
      for (const m of f.survivors) out.push(`| ${m.line} | ${m.mutator} | ${m.status} | ${cell(m.original)} | ${cell(m.replacement)} |`);
    }
    if (s.equivalents.length > 0) {
      const reasons = new Map();
      for (const e of s.equivalents) reasons.set(e.reason, (reasons.get(e.reason) ?? 0) + 1);
      out.push('', `### ${s.scope}: set aside as equivalent`, '', '| mutants | reason |', '| ---: | --- |');
      for (const [reason, count] of reasons) out.push(`| ${count} | ${cell(reason)} |`);
    }
  }
  return `${out.join('\n')}\n`;
}

function cell(text) {
  return `\`${String(text).replace(/\|/g, '\\|').replace(/`/g, "'")}\``;
}

module.exports = { markdown };
