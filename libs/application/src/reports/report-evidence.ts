import { Inject, Injectable, Logger } from '@nestjs/common';
import { EVENT_STORE, EventStore } from '@coprod/event-store';
import { PersonalDataCipher } from '@coprod/privacy/cipher/personal-data-cipher';
import { openPersonalData } from '@coprod/privacy/cipher/seal-personal-data';
import { RecordRow } from '@coprod/projections';
import type { ProjectEvidence } from '@coprod/reporting/builders';
import { resolveClocks } from '../queries/clocks';
import { ProjectOutcomes, ProjectOutcomesService } from '../queries/project-outcomes.service';
import { storyWordsForHistory, withOpenStory } from '../privacy/story-words';
import { READ_MODELS, ReadModels } from '../read-models/read-models';

/** A project's evidence for a report, with the chain head as known at the report's `knownAt`. */
export interface GatheredEvidence {
  evidence: ProjectEvidence;
  chainHead: { position: number; hash: string };
}

type Opened = { personal?: { fields?: Record<string, string>; erased?: true } };

/**
 * Gathers what a report needs from the record: the project's outcomes under both clocks, the chain
 * head as known then, and the personal data a report may show, opened with each person's key. Only
 * words of quotes still consented and names of speakers who asked to be named are opened.
 */
@Injectable()
export class ReportEvidence {
  private readonly logger = new Logger('ReportEvidence');

  constructor(
    @Inject(READ_MODELS) private readonly readModels: ReadModels,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly outcomes: ProjectOutcomesService,
    private readonly cipher: PersonalDataCipher,
  ) {}

  /** Waits until the read models hold everything stored, so a report never misses a recorded event. */
  async catchUp(): Promise<void> {
    await this.readModels.runtime.waitFor(await this.store.headPosition(), 30_000);
  }

  /** The stored event at `position`, or undefined for position 0. */
  async eventAt(position: number) {
    if (position < 1) return undefined;
    const [event] = await this.store.readAll({ after: position - 1, upTo: position, maxCount: 1 });
    return event;
  }

  /**
   * The default "as of" when none is asked for: the latest moment the project's own record (and the
   * chain head) speaks of up to `knownAtPosition`, so the answer depends on the record, never on the
   * clock of the day it is produced, and costs what the project holds, not what the store holds.
   */
  defaultAsOf(projectId: string, knownAtPosition: number, headRecordedAt: string | undefined): string {
    const moments = headRecordedAt ? [headRecordedAt] : [];
    for (const row of this.readModels.reader.projectRecord(projectId, knownAtPosition)) moments.push(row.occurredAt, row.recordedAt);
    return moments.sort().pop() ?? '1970-01-01T00:00:00.000Z';
  }

  /** The position `knownAt` resolves to. */
  knownAtPosition(knownAt: string | undefined): number {
    return resolveClocks(this.readModels.reader, '', '1970-01-01', knownAt).knownAtPosition;
  }

  /**
   * A project's evidence under both clocks, with the words and names a report may show opened. The
   * answer is always asked as of a stated moment (the default one when none is asked for), so its
   * provenance digest is the one the report's command to produce it again gives.
   */
  async project(projectId: string, frameworkId: string | undefined, asOf: string | undefined, knownAt: string | undefined): Promise<GatheredEvidence> {
    const knownAtPosition = this.knownAtPosition(knownAt);
    const head = await this.eventAt(knownAtPosition);
    const stated = asOf || this.defaultAsOf(projectId, knownAtPosition, head?.recordedAt);
    const result = this.outcomes.compute({ projectId, frameworkId, asOf: stated, knownAt, now: stated });
    const { clocks } = result;
    const evidence: ProjectEvidence = {
      projectId,
      framework: result.framework,
      // The story's sealed words, opened here like a quote's: erased or unreadable words leave the part missing.
      facts: await withOpenStory(
        result.facts,
        async (data, eventId) => (await this.openOrHide({ personal: data.personal }, eventId, 'the words of a story version')) as Record<string, unknown>,
      ),
      summary: result.summary,
      clocks: { asOf: clocks.asOf, knownAtPosition: clocks.knownAtPosition, knownAt: clocks.knownAt },
      range: {
        firstPosition: clocks.firstPositionIncluded,
        lastPosition: clocks.lastPositionIncluded,
        eventCount: clocks.eventCount,
        lastEventHash: clocks.lastEventHash,
        provenanceDigest: clocks.provenanceDigest,
        lastRecordedAt: lastShaping(result)?.recordedAt ?? head?.recordedAt ?? clocks.asOf,
      },
      words: await this.openWords(result),
      names: await this.openNames(result),
    };
    return { evidence, chainHead: { position: head?.position ?? 0, hash: head?.hash ?? '' } };
  }

  /** A history's events with each story version's words opened, or marked erased; the integrity of each was checked on the data as stored. */
  async withStoryWords<E extends { type: string; eventId: string; data: Record<string, unknown> }>(events: E[]): Promise<E[]> {
    const open = (data: Record<string, unknown>, eventId: string) => openPersonalData(data, eventId, this.cipher);
    return Promise.all(events.map(async (event) => ({ ...event, data: await storyWordsForHistory(event.type, event.data, event.eventId, open) })));
  }

  private async openWords(result: ProjectOutcomes): Promise<Map<string, string>> {
    const words = new Map<string, string>();
    for (const quote of result.facts.quotes.values()) {
      if (quote.withdrawn || result.facts.participants.get(quote.participantId)?.erased) continue;
      const opened = await this.openOrHide({ personal: quote.personal }, quote.eventIds[0], `the words of quote ${quote.quoteId}`);
      const text = opened.personal?.fields?.words;
      if (typeof text === 'string') words.set(quote.quoteId, text);
    }
    return words;
  }

  private async openNames(result: ProjectOutcomes): Promise<Map<string, string>> {
    const names = new Map<string, string>();
    const speakers = new Set(
      [...result.facts.quotes.values()].filter((q) => q.attribution === 'named' && !q.withdrawn).map((q) => q.participantId),
    );
    for (const participantId of speakers) {
      if (result.facts.participants.get(participantId)?.erased) continue;
      const details = this.readModels.reader
        .participantRecord(participantId, result.clocks.knownAtPosition)
        .filter((row) => row.type === 'ParticipantRegistered' || row.type === 'ParticipantDetailsUpdated')
        .pop();
      if (!details) continue;
      const opened = await this.openOrHide({ personal: details.data.personal }, details.eventId, `the name of participant ${participantId}`);
      const name = opened.personal?.fields?.name;
      if (typeof name === 'string' && name.trim()) names.set(participantId, name.trim());
    }
    return names;
  }

  /**
   * Opens one person's sealed data; a key that cannot be read (damaged, wrapped under another master
   * key, missing) hides that person's words with a logged problem instead of failing the whole report.
   */
  private async openOrHide(data: { personal: unknown }, eventId: string, what: string): Promise<Opened> {
    try {
      return (await openPersonalData(data, eventId, this.cipher)) as Opened;
    } catch (error) {
      this.logger.error(`${what} (event ${eventId}) cannot be opened and is left out of the report: ${(error as Error).message}`);
      return {};
    }
  }
}

/** The last event that shaped an answer: an included one, or a correction or consent change applied to it. */
function lastShaping({ rows, appliedChanges }: ProjectOutcomes): RecordRow | undefined {
  const included = rows[rows.length - 1];
  const applied = appliedChanges[appliedChanges.length - 1];
  return !applied || (included && included.position > applied.position) ? included : applied;
}
