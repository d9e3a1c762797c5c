/**
 * A domain event: a fact in the past tense. `type` is the stable persisted name; `data` is JSON.
 * `occurredAt` may be set when the fact happened at a known time other than the command's.
 */
export type Event<Type extends string = string, Data extends object = Record<string, unknown>> = Readonly<{
  type: Type;
  data: Readonly<Data>;
  occurredAt?: string;
}>;

/** An event as deciders see it when folding a stream: with its id and when it happened. */
export type Recorded<E extends Event> = E & Readonly<{ id: string; occurredAt: string; recordedAt: string }>;

/** Who is asking, and when: supplied by the edge (HTTP, CLI, import), never read from a clock here. */
export interface CommandMetadata {
  /** Unique per request; a repeated id returns the first result and records nothing new. */
  commandId: string;
  /** When the command is being handled (ISO 8601). */
  now: string;
  /** `participantId`: the participant record this person's account is linked to, if any (segregation of duties rests on it). */
  actor: { id: string; role: string; participantId?: string };
}

/** An imperative request to change the record. */
export type Command<Type extends string = string, Data extends object = Record<string, unknown>> = Readonly<{
  type: Type;
  data: Readonly<Data>;
  metadata: CommandMetadata;
}>;

/**
 * Personal data about one person, kept apart so it can be encrypted under that person's key and
 * destroyed on erasure. Domain logic never depends on what is inside `fields`.
 */
export interface PersonalData<Fields extends object = Record<string, string>> {
  subjectId: string;
  /** Present while the person's key exists; absent once they have been erased. */
  fields?: Fields;
  erased?: boolean;
}
