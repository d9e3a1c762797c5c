'use strict';
/**
 * Turns a StrykerJS report (mutation-testing-report-schema 2) into one run's results, file by file: each
 * file's counts with the equivalent mutants set aside (each named with the rule and reason that set it
 * aside), the mutants that survived with the line, the mutator and the replacement so a reader can find
 * each one, and the SHA-256 of the code that was mutated. Keeping everything per file is what lets runs
 * narrowed to a few files be put together into a whole scope (see results.js).
 */
const fs = require('node:fs');
const path = require('node:path');
const { EQUIVALENTS, insideExhaustivenessGuard } = require('../equivalents');

const DETECTED = new Set(['Killed', 'Timeout']);
const UNDETECTED = new Set(['Survived', 'NoCoverage']);
const GUARD_REASON = 'inside an exhaustiveness guard (`default:` over a `never`): unreachable while the types hold';

/** An empty row for a file: a file with no mutant (types only, say) still counts as run. */
function emptyRow(sha256) {
  return {
    sha256,
    mutants: 0,
    notRun: 0,
    invalid: 0,
    equivalent: 0,
    counted: 0,
    killed: 0,
    survived: 0,
    noCoverage: 0,
    survivors: [],
    equivalents: [],
  };
}

/**
 * One run's results: `hashes` names every file the run was asked to mutate (with the SHA-256 of the code
 * it read), so files without a mutant are recorded as run too.
 */
function summarise(name, report, root, hashes) {
  const files = {};
  for (const [file, sha256] of Object.entries(hashes)) files[file] = emptyRow(sha256);
  for (const [file, result] of Object.entries(report.files)) {
    const relative = file.startsWith(root) ? file.slice(root.length + 1) : file;
    const lines = result.source.split('\n');
    const row = emptyRow(sourceHash(result.source));
    for (const mutant of result.mutants) {
      row.mutants++;
      if (mutant.status === 'Ignored') {
        // Static mutants when they are not run (see MUTATE_STATIC in run.js).
        row.notRun++;
        continue;
      }
      if (!DETECTED.has(mutant.status) && !UNDETECTED.has(mutant.status)) {
        // A mutant that does not compile or crashes the runner tests nothing.
        row.invalid++;
        continue;
      }
      const original = textAt(lines, mutant.location);
      const rule = equivalenceOf(relative, mutant, original, lines);
      if (rule) {
        row.equivalent++;
        row.equivalents.push({
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
        continue;
      }
      row[mutant.status === 'Survived' ? 'survived' : 'noCoverage']++;
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
  return { scope: name, date: new Date().toISOString(), files };
}

/**
 * Applies the equivalence rules as they stand now to a kept file's survivors, so a rule added after a run
 * (with its reason) shows in the table without running every mutant again. Call it only for a file whose
 * code is still the code that was mutated: the rule reads the line the survivor was found on.
 */
function reapply(file, row, root) {
  const lines = fs.readFileSync(path.join(root, file), 'utf8').split('\n');
  row.survivors = row.survivors.filter((survivor) => {
    const guard = survivor.original.startsWith('default:') && /:\s*never\b/.test(survivor.original);
    const rule = guard
      ? { reason: GUARD_REASON }
      : EQUIVALENTS.find(
          (r) =>
            r.file.test(file) &&
            (!r.mutator || r.mutator === survivor.mutator) &&
            originalMatches(r, survivor.original) &&
            (!r.replacement || survivor.replacement.includes(r.replacement)) &&
            (!r.line || lines[survivor.line - 1].includes(r.line)),
        );
    if (!rule) return true;
    row.equivalent++;
    row[survivor.status === 'Survived' ? 'survived' : 'noCoverage']--;
    row.counted--;
    row.equivalents.push({ line: survivor.line, mutator: survivor.mutator, reason: rule.reason, detected: false });
    return false;
  });
  return row;
}

function equivalenceOf(file, mutant, original, lines) {
  if (insideExhaustivenessGuard(lines, mutant.location)) return { reason: GUARD_REASON };
  return EQUIVALENTS.find(
    (rule) =>
      rule.file.test(file) &&
      (!rule.mutator || rule.mutator === mutant.mutatorName) &&
      originalMatches(rule, flat(original)) &&
      (!rule.replacement || (mutant.replacement ?? '').includes(rule.replacement)) &&
      (!rule.line || lines[mutant.location.start.line - 1].includes(rule.line)),
  );
}

/** A rule's `original` is a fragment of the replaced code, or a pattern the whole of it must match. */
function originalMatches(rule, original) {
  if (!rule.original) return true;
  return rule.original instanceof RegExp ? rule.original.test(original) : original.includes(rule.original);
}

/** Names the version of a file a run mutated, so kept results are used only for the same code. */
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

module.exports = { summarise, reapply, sourceHash, emptyRow };
