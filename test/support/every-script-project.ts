import { ApiHarness, energyProject } from './api-harness';
import { CorpusEntry, EVERY_SCRIPT_CORPUS } from './every-script-corpus';

/** The project the corpus is recorded in, its participant and quote ids following the corpus order. */
export const CORPUS_PROJECT = 'p-voices';

export const corpusParticipant = (index: number) => `part-${index + 1}`;
export const corpusQuote = (index: number) => `q-${index + 1}`;

/**
 * Records the corpus over HTTP through the real command path: a project, one resident per phrase
 * registered under the name as they write it, and each phrase captured as their quote, in its language,
 * with consent to publish it under their name.
 */
export async function recordEveryScriptProject(api: ApiHarness, corpus: readonly CorpusEntry[] = EVERY_SCRIPT_CORPUS): Promise<void> {
  await api.command('RegisterProject', { ...energyProject, projectId: CORPUS_PROJECT, title: 'Voices in every script' }).expect(201);
  for (const [index, entry] of corpus.entries()) {
    const participantId = corpusParticipant(index);
    await api
      .command('RegisterParticipant', {
        participantId,
        role: 'resident',
        seldomHeardGroups: [],
        preferredFormats: ['in_person'],
        personal: { subjectId: participantId, fields: { name: entry.name } },
      })
      .expect(201);
    await api
      .command('CaptureQuote', {
        quoteId: corpusQuote(index),
        projectId: CORPUS_PROJECT,
        participantId,
        activityId: null,
        decisionId: null,
        context: `Said in ${entry.language} at the open meeting`,
        outcomeIds: ['increased_influence'],
        attribution: 'named',
        allowedUses: ['public', 'committee_papers', 'internal_evaluation'],
        language: entry.lang,
        capturedOn: `2026-03-${String(10 + (index % 18)).padStart(2, '0')}T19:30:00.000Z`,
        personal: { subjectId: participantId, fields: { words: entry.phrase } },
      })
      .expect(201);
  }
}
