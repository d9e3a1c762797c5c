'use strict';
/**
 * Turns a StrykerJS report (mutation-testing-report-schema 2) into one scope's summary: its score with the
 * equivalent mutants set aside (each named with the rule and reason that set it aside), and the mutants
 * that survived, by file, with the line, the mutator and the replacement, so a reader can find each one.
 */
const fs = require('node:fs');
const path = require('node:path');
const { EQUIVALENTS, insideExhaustivenessGuard } = require('../equivalents');

const DETECTED = new Set(['Killed', 'Timeout']);
const UNDETECTED = new Set(['Survived', 'NoCoverage']);

function summarise(name, scope, report, root) {
  const summary = {
    scope: name,
    date: new Date().toISOString(),
    mutants: 0,
    killed: 0,
    survived: 0,
    noCoverage: 0,
    equivalent: 0,
    notRun: 0,
    invalid: 0,
  };
  const files = {};
  const equivalents = [];
  for (const [file, result] of Object.entries(report.files)) {
    const relative = file.startsWith(root) ? file.slice(root.length + 1) : file;
    const lines = result.source.split('\n');
    const row = { killed: 0, counted: 0, sha256: sourceHash(result.source), survivors: [] };
    for (const mutant of result.mutants) {
      summary.mutants++;
      if (mutant.status === 'Ignored') {
        // Static mutants when they are not run (see MUTATE_STATIC in run.js).
        summary.notRun++;
        continue;
      }
      if (!DETECTED.has(mutant.status) && !UNDETECTED.has(mutant.status)) {
        // A mutant that does not compile or crashes the runner tests nothing.
        summary.invalid++;
        continue;
      }
      const original = textAt(lines, mutant.location);
      const rule = equivalenceOf(relative, mutant, original, lines);
      if (rule) {
        summary.equivalent++;
        equivalents.push({
          file: relative,
          line: mutant.location.start.line,
          mutator: mutant.mutatorName,
          reason: rule.reason,
          detected: DETECTED.has(mutant.status),
        });
        continue;
      }
      row.counted++;
      if (DETECTED.has(mutant.status)) {
        row.killed++;
        summary.killed++;
        continue;
      }
      if (mutant.status === 'Survived') summary.survived++;
      else summary.noCoverage++;
      row.survivors.push({
        line: mutant.location.start.line,
        mutator: mutant.mutatorName,
        status: mutant.status,
        original: oneLine(original),
        replacement: oneLine(mutant.replacement ?? ''),
      });
    }
    row.survivors.sort((a, b) => a.line - b.line);
    files[relative] = row;
  }
  summary.counted = summary.killed + summary.survived + summary.noCoverage;
  summary.score = summary.counted === 0 ? 100 : (100 * summary.killed) / summary.counted;
  summary.threshold = scope.threshold;
  summary.files = files;
  summary.equivalents = equivalents;
  return summary;
}

/**
 * Applies the equivalence rules as they stand now to a kept summary's survivors, so a rule added after a
 * run (with its reason) shows in the table without running every mutant again. Only survivors in files
 * unchanged since the run can be judged: the rule reads the line the survivor was found on.
 */
function reapply(summary, root, unchanged) {
  for (const [file, row] of Object.entries(summary.files)) {
    if (!unchanged(file)) continue;
    const lines = fs.readFileSync(path.join(root, file), 'utf8').split('\n');
    row.survivors = row.survivors.filter((survivor) => {
      const guard = survivor.original.startsWith('default:') && /:\s*never\b/.test(survivor.original);
      const rule = guard
        ? { reason: 'inside an exhaustiveness guard (`default:` over a `never`): unreachable while the types hold' }
        : EQUIVALENTS.find(
            (r) =>
              r.file.test(file) &&
              (!r.mutator || r.mutator === survivor.mutator) &&
              (!r.original || survivor.original.includes(r.original)) &&
              (!r.line || lines[survivor.line - 1].includes(r.line)),
          );
      if (!rule) return true;
      summary.equivalent++;
      summary[survivor.status === 'Survived' ? 'survived' : 'noCoverage']--;
      summary.counted--;
      row.counted--;
      summary.equivalents.push({ file, line: survivor.line, mutator: survivor.mutator, reason: rule.reason, detected: false });
      return false;
    });
  }
  summary.score = summary.counted === 0 ? 100 : (100 * summary.killed) / summary.counted;
  return summary;
}

function equivalenceOf(file, mutant, original, lines) {
  if (insideExhaustivenessGuard(lines, mutant.location)) {
    return { reason: 'inside an exhaustiveness guard (`default:` over a `never`): unreachable while the types hold' };
  }
  return EQUIVALENTS.find(
    (rule) =>
      rule.file.test(file) &&
      (!rule.mutator || rule.mutator === mutant.mutatorName) &&
      (!rule.original || flat(original).includes(rule.original)) &&
      (!rule.replacement || (mutant.replacement ?? '').includes(rule.replacement)) &&
      (!rule.line || lines[mutant.location.start.line - 1].includes(rule.line)),
  );
}

/** Names the version of a file a run mutated, so later rules are applied only to the same code. */
function sourceHash(source) {
  return require('node:crypto').createHash('sha256').update(source).digest('hex');
}

/** The source text a mutant replaces (locations are 1-based lines, 1-based columns in schema 2). */
function textAt(lines, { start, end }) {
  if (start.line === end.line) return lines[start.line - 1].slice(start.column - 1, end.column - 1);
  const middle = lines.slice(start.line, end.line - 1);
  return [lines[start.line - 1].slice(start.column - 1), ...middle, lines[end.line - 1].slice(0, end.column - 1)].join('\n');
}

/** Source text with every run of white space as one space: rules name code as it reads, whatever its layout. */
function flat(text) {
  return text.replace(/\s+/g, ' ').trim();
}

function oneLine(text) {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 70 ? `${flat.slice(0, 67)}...` : flat;
}

module.exports = { summarise, reapply, sourceHash };
