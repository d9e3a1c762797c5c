import { Inject, Injectable } from '@nestjs/common';
import { PERSONAL_DATA_PROTECTOR, PersonalDataProtector, READ_MODELS, ReadModels } from '@coprod/application';
import { Fact, participantDecider, ParticipantDetails, ParticipantEvent, ParticipantFact, participantFacts, QuoteEvent, QuoteFact, quoteFacts, streamName } from '@coprod/domain';
import { EVENT_STORE, EventStore, StoredEvent } from '@coprod/event-store';

const PAGE = 1000;
const PARTICIPANT_EVENTS = Object.keys(participantFacts.eventTypes);
const DETAILS_EVENTS = new Set(['ParticipantRegistered', 'ParticipantDetailsUpdated']);

/** A person as the pages list them: what figures count, and their name when the reader may see it. */
export interface Person extends ParticipantFact {
  registeredAt: string;
  /** Their name, only when asked for by someone allowed to read personal details. */
  name?: string;
}

/** One person's record: their profile, their details when opened, their quotes and the projects they took part in. */
export interface PersonRecord {
  person: Person;
  details?: ParticipantDetails;
  quotes: (QuoteFact & { projectId: string; words?: string })[];
  projectIds: string[];
}

/**
 * The people registered in the record, read from the log's participant events; their details are
 * opened with each person's own key, and only when the page's reader may see them.
 */
@Injectable()
export class PeopleDirectory {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(PERSONAL_DATA_PROTECTOR) private readonly protector: PersonalDataProtector,
    @Inject(READ_MODELS) private readonly readModels: ReadModels,
  ) {}

  /** Everyone registered, erased people included (they are counted, never named). */
  async everyone(withNames: boolean): Promise<Person[]> {
    const facts = participantFacts.empty();
    const registeredAt = new Map<string, string>();
    const latestDetails = new Map<string, StoredEvent>();
    for (let after = 0; ; ) {
      const page = await this.store.readAll({ after, maxCount: PAGE, types: PARTICIPANT_EVENTS });
      for (const event of page) {
        participantFacts.apply(facts, asFact<ParticipantEvent>(event));
        const id = String((event.data as { participantId?: unknown }).participantId);
        if (event.type === 'ParticipantRegistered') registeredAt.set(id, event.occurredAt);
        if (DETAILS_EVENTS.has(event.type)) latestDetails.set(id, event);
      }
      if (page.length < PAGE) break;
      after = page[page.length - 1].position;
    }
    const people = [...facts.participants.values()].map((fact) => ({ ...fact, registeredAt: registeredAt.get(fact.participantId) ?? '' }));
    if (!withNames) return people;
    return Promise.all(
      people.map(async (person) => {
        const event = latestDetails.get(person.participantId);
        const details = person.erased || !event ? undefined : await this.opened(event);
        return details ? { ...person, name: details.name } : person;
      }),
    );
  }

  /** One person's record, or undefined when nobody is registered with that id. */
  async person(participantId: string, withDetails: boolean): Promise<PersonRecord | undefined> {
    const events = await this.store.readStream(streamName(participantDecider, participantId));
    if (!events.some((event) => event.type === 'ParticipantRegistered')) return undefined;
    const facts = participantFacts.empty();
    for (const event of events) if (PARTICIPANT_EVENTS.includes(event.type)) participantFacts.apply(facts, asFact<ParticipantEvent>(event));
    const fact = facts.participants.get(participantId)!;
    const latest = [...events].reverse().find((event) => DETAILS_EVENTS.has(event.type));
    const details = withDetails && !fact.erased && latest ? await this.opened(latest) : undefined;
    const person: Person = { ...fact, registeredAt: events[0].occurredAt, ...(details ? { name: details.name } : {}) };

    const rows = this.readModels.reader.participantRecord(participantId);
    const quotes = quoteFacts.empty();
    const projectOfQuote = new Map<string, string>();
    const sealedWords = new Map<string, { data: Record<string, unknown>; eventId: string }>();
    for (const row of rows) {
      if (!(row.type in quoteFacts.eventTypes)) continue;
      quoteFacts.apply(quotes, { eventId: row.eventId, type: row.type, position: row.position, occurredAt: row.occurredAt, data: row.data } as unknown as Fact<QuoteEvent>);
      if (row.type === 'QuoteCaptured') {
        projectOfQuote.set(String(row.data.quoteId), String(row.data.projectId));
        sealedWords.set(String(row.data.quoteId), { data: row.data, eventId: row.eventId });
      }
    }
    const quoteList = await Promise.all(
      [...quotes.quotes.values()].map(async (quote) => {
        const sealed = sealedWords.get(quote.quoteId);
        const words = withDetails && !fact.erased && sealed ? await this.words(sealed.data, sealed.eventId) : undefined;
        return { ...quote, projectId: projectOfQuote.get(quote.quoteId) ?? '', ...(words ? { words } : {}) };
      }),
    );
    const projectIds = [...new Set(rows.map((row) => row.projectId).filter((id): id is string => id !== null))];
    return { person, ...(details ? { details } : {}), quotes: quoteList, projectIds };
  }

  /** The names of some people, by id, for someone allowed to read personal details; erased people have none. */
  async names(participantIds: readonly string[]): Promise<Map<string, string>> {
    const names = new Map<string, string>();
    await Promise.all(
      [...new Set(participantIds)].map(async (id) => {
        const events = await this.store.readStream(streamName(participantDecider, id));
        if (events.some((event) => event.type === 'ParticipantErased')) return;
        const latest = [...events].reverse().find((event) => DETAILS_EVENTS.has(event.type));
        const details = latest ? await this.opened(latest) : undefined;
        if (details) names.set(id, details.name);
      }),
    );
    return names;
  }

  private async opened(event: StoredEvent): Promise<ParticipantDetails | undefined> {
    const data = await this.protector.open(event.data as Record<string, unknown>, event.id);
    return (data.personal as { fields?: ParticipantDetails } | undefined)?.fields;
  }

  private async words(data: Record<string, unknown>, eventId: string): Promise<string | undefined> {
    const opened = await this.protector.open(data, eventId);
    return (opened.personal as { fields?: { words?: string } } | undefined)?.fields?.words;
  }
}

function asFact<E extends ParticipantEvent | QuoteEvent>(event: StoredEvent): Fact<E> {
  return { eventId: event.id, type: event.type, position: event.position, occurredAt: event.occurredAt, data: event.data } as unknown as Fact<E>;
}
