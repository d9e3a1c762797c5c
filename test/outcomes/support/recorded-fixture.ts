import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { StoredEvent } from '@coprod/event-store';

/**
 * A scenario's record, captured once from the real command path and committed, so that its figures can be
 * checked in milliseconds (by the `*.figures.unit.spec.ts` suites) without starting the application.
 * The end-to-end suite that records the scenario compares what it records with the fixture on every run
 * (`expectRecordMatchesFixture`), so the fixture cannot drift from the scenario it stands for.
 */
export interface RecordedFixture<Points> {
  /** Where the record stood at the moments the suites ask about (global positions). */
  points: Points;
  /** Every event of the store, in global order, exactly as stored. */
  events: StoredEvent[];
}

/** Run the end-to-end suite with this set to `1` to write the fixture anew from what the scenario records. */
export const WRITE_FIXTURES = 'COPROD_WRITE_OUTCOME_FIXTURES';

export const FIXTURES = join(__dirname, '..', 'fixtures');

export function readRecordedFixture<Points>(name: string): RecordedFixture<Points> {
  return JSON.parse(readFileSync(join(FIXTURES, name), 'utf8')) as RecordedFixture<Points>;
}

/**
 * What must be the same between two recordings of one scenario: every event's type, stream, revision, position,
 * data, when it happened, who recorded it and from where, in order. Event ids are random (and hashes,
 * `recordedAt` and sealed personal fields follow the clock or fresh keys), so ids are renamed in order of first
 * appearance wherever they occur (a correction names the event it corrects) and the others are left out.
 */
export function comparableRecord(events: readonly StoredEvent[]): unknown[] {
  const names = new Map<string, string>();
  for (const event of events) names.set(event.id, `event ${names.size + 1}`);
  const rename = (value: unknown): unknown => {
    if (typeof value === 'string') return names.get(value) ?? value;
    if (Array.isArray(value)) return value.map(rename);
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, rename(v)]));
    return value;
  };
  return events.map((event) => ({
    id: names.get(event.id),
    type: event.type,
    schemaVersion: event.schemaVersion,
    stream: event.stream,
    revision: event.revision,
    position: event.position,
    occurredAt: event.occurredAt,
    actor: event.actor,
    source: event.source,
    correlationId: rename(event.correlationId),
    causationId: rename(event.causationId),
    data: rename(withoutSealedFields(event.data)),
  }));
}

/** Personal fields are sealed under a fresh nonce each time: only that they are sealed, and how, is comparable. */
function withoutSealedFields(data: Record<string, unknown>): Record<string, unknown> {
  const personal = data.personal as { sealed?: { alg?: unknown } } | undefined;
  if (!personal || typeof personal !== 'object' || !personal.sealed) return data;
  return { ...data, personal: { ...personal, sealed: { alg: personal.sealed.alg } } };
}

/**
 * Asserts that a scenario recorded the very events its committed fixture holds (see `comparableRecord`), or,
 * with `COPROD_WRITE_OUTCOME_FIXTURES=1`, writes the fixture from what it recorded.
 */
export function expectRecordMatchesFixture<Points>(name: string, recorded: RecordedFixture<Points>): void {
  if (process.env[WRITE_FIXTURES] === '1') {
    // One event a line: compact, and a change to the scenario shows in a diff as the events it changed.
    const lines = recorded.events.map((event) => JSON.stringify(event)).join(',\n');
    writeFileSync(join(FIXTURES, name), `{"points":${JSON.stringify(recorded.points)},"events":[\n${lines}\n]}\n`);
  }
  const fixture = readRecordedFixture<Points>(name);
  expect(recorded.points).toEqual(fixture.points);
  expect(comparableRecord(recorded.events)).toEqual(comparableRecord(fixture.events));
}
