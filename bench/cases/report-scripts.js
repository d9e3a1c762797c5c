'use strict';
/**
 * Case 5, quotes in every script: two projects of the same shape, each with 31 named, consented quotes,
 * one in Latin-script languages only and one in the 31 languages of the every-script corpus (15 scripts,
 * right-to-left and Indic among them), recorded through the command path. Their case studies are built
 * as PDFs in turn, after a warm-up of each, so both medians come from the same process and the same
 * minutes. Cold is the first multi-script report of the process: it reads the script fonts.
 */
const { openApplication } = require('../lib/application');
const { caseStudyReport } = require('../lib/report');
const { product } = require('../lib/register');
const { runCase, median, msSince, workFolder, RUNS } = require('../lib/measure');
const { copyTemplate } = require('../lib/stores');

const ACTOR = { id: 'officer.bench', role: 'evaluation_lead' };

/** The corpus, and the same number of quotes drawn from its Latin-script entries. */
function quoteSets() {
  const { EVERY_SCRIPT_CORPUS } = product('test/support/every-script-corpus');
  const latin = EVERY_SCRIPT_CORPUS.filter((entry) => /^[\p{Script=Latin}\p{P}\s]+$/u.test(entry.phrase));
  return {
    latin: EVERY_SCRIPT_CORPUS.map((_, i) => latin[i % latin.length]),
    scripts: EVERY_SCRIPT_CORPUS,
  };
}

/** Records a project with one named resident and one public quote per entry. */
async function recordProject(ctx, projectId, entries) {
  let n = 0;
  const send = async (type, data) => {
    n += 1;
    const commandId = `${projectId}-${n}`;
    return ctx.execute({ type, data, metadata: { commandId, now: '2026-06-01T10:00:00.000Z', actor: ACTOR } });
  };
  await send('RegisterProject', {
    projectId,
    title: `Voices (${projectId})`,
    serviceArea: 'Environment',
    aim: 'Hear every community in the words it speaks',
    frameworkId: 'west-berkshire',
    improvementSought: 'Residents see their words in the council’s reports',
    openToNewMembers: true,
  });
  let position = 0;
  for (const [i, entry] of entries.entries()) {
    const participantId = `${projectId}-part-${i + 1}`;
    await send('RegisterParticipant', {
      participantId,
      role: 'resident',
      seldomHeardGroups: [],
      preferredFormats: ['in_person'],
      personal: { subjectId: participantId, fields: { name: entry.name } },
    });
    const result = await send('CaptureQuote', {
      quoteId: `${projectId}-q-${i + 1}`,
      projectId,
      participantId,
      activityId: null,
      decisionId: null,
      context: `Said in ${entry.language} at the open meeting`,
      outcomeIds: ['increased_influence'],
      attribution: 'named',
      allowedUses: ['public'],
      language: entry.lang,
      capturedOn: '2026-05-20T19:30:00.000Z',
      personal: { subjectId: participantId, fields: { words: entry.phrase } },
    });
    position = Math.max(position, result.position);
  }
  await ctx.readModels.runtime.waitFor(position, 120_000);
}

runCase(async () => {
  const ctx = await openApplication(copyTemplate(workFolder('report-scripts')));
  const sets = quoteSets();
  await recordProject(ctx, 'p-bench-latin', sets.latin);
  await recordProject(ctx, 'p-bench-scripts', sets.scripts);
  const report = caseStudyReport(ctx);
  const latinFirst = await report('p-bench-latin');
  let start = process.hrtime.bigint();
  const scriptsFirst = await report('p-bench-scripts');
  const cold = msSince(start);
  const latin = [];
  const scripts = [];
  for (let run = 0; run < Math.max(RUNS, 5); run += 1) {
    start = process.hrtime.bigint();
    await report('p-bench-latin');
    latin.push(msSince(start));
    start = process.hrtime.bigint();
    await report('p-bench-scripts');
    scripts.push(msSince(start));
  }
  await ctx.close();
  return {
    latinQuotesWarmMs: { value: median(latin), unit: 'ms', runs: latin, note: `${sets.latin.length} quotes in Latin-script languages` },
    everyScriptWarmMs: { value: median(scripts), unit: 'ms', runs: scripts, note: `${sets.scripts.length} quotes in ${sets.scripts.length} languages` },
    everyScriptColdMs: { value: cold, unit: 'ms', note: 'first multi-script report of the process, fonts read' },
    latinQuotesPdfBytes: { value: latinFirst.length, unit: 'bytes' },
    everyScriptPdfBytes: { value: scriptsFirst.length, unit: 'bytes' },
  };
});
