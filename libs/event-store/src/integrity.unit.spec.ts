import { createHash } from 'node:crypto';
import { canonicalJson, eventHash, HashedContent, sealEvent } from './integrity';

/** The canonical form as first specified: keys sorted, undefined fields left out. Stored hashes were made with it. */
function specifiedCanonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value)) throw new TypeError(`cannot hash a non-finite number (${value})`);
    return JSON.stringify(value) ?? 'null';
  }
  if (Array.isArray(value)) return `[${value.map(specifiedCanonicalJson).join(',')}]`;
  const record = value as Record<string, unknown>;
  const entries = Object.keys(record)
    .filter((key) => record[key] !== undefined)
    .sort()
    .map((key) => `${JSON.stringify(key)}:${specifiedCanonicalJson(record[key])}`);
  return `{${entries.join(',')}}`;
}

function specifiedHash(content: HashedContent): string {
  const covered = {
    prevHash: content.prevHash,
    position: content.position,
    stream: content.stream,
    revision: content.revision,
    id: content.id,
    type: content.type,
    schemaVersion: content.schemaVersion,
    data: content.data,
    occurredAt: content.occurredAt,
    recordedAt: content.recordedAt,
    actor: content.actor,
    source: content.source,
    correlationId: content.correlationId,
    causationId: content.causationId,
  };
  return createHash('sha256').update(specifiedCanonicalJson(covered)).digest('hex');
}

const base: HashedContent = {
  id: '0b7c6a1e-0000-8000-8000-000000000001',
  type: 'AttendanceRecorded',
  schemaVersion: 1,
  data: { activityId: 'a-1', participantId: 'p-1', minutes: 90 },
  occurredAt: '2026-06-02T18:00:00.000Z',
  recordedAt: '2026-06-03T09:12:44.120Z',
  actor: { id: 'j.smith', role: 'recorder' },
  source: 'api',
  correlationId: 'c-1',
  causationId: 'cmd-1',
  stream: 'activity-a-1',
  revision: 3,
  position: 17,
  prevHash: 'ab'.repeat(32),
};

const varied: [string, Partial<HashedContent>][] = [
  ['a plain attendance', {}],
  ['no causation', { causationId: null }],
  ['the first event of the store', { prevHash: '', position: 1, revision: 0 }],
  ['nested data with keys out of order', { data: { z: 1, a: { y: [3, { d: 'x', b: null }], c: true }, m: -0.5, e: 1e21 } }],
  ['data with undefined fields and empty containers', { data: { kept: '', gone: undefined, list: [], inner: {} } as Record<string, unknown> }],
  ['sealed personal data', { data: { personal: { sealed: 'v1.aGVsbG8=', subjectId: 'p-7' }, participantId: 'p-7' } }],
  ['text needing escapes', { data: { note: 'Bws i Gaerdydd "quoted" \\ back\nnew line \u2028 \u00e9 \ud83d\ude00', 'key with "quote"': 1 }, stream: 'quote-"q"' }],
  ['an actor with an extra field', { actor: { id: 'a', role: 'auditor', extra: 'kept' } as HashedContent['actor'] }],
  ['large numbers and a schema version 2', { position: 9_007_199_254_740_991, schemaVersion: 2, revision: 123_456 }],
  ['a stored event carrying a store position', { storePosition: { commit: '1', prepare: '1' } } as Partial<HashedContent>],
];

describe('eventHash', () => {
  it.each(varied)('equals the specified canonical hash for %s', (_name, overrides) => {
    const content = { ...base, ...overrides };
    expect(eventHash(content)).toBe(specifiedHash(content));
  });

  it('keeps the hash of a known event, so stored chains still verify', () => {
    expect(eventHash(base)).toBe(specifiedHash(base));
    expect(eventHash(base)).toMatch(/^[0-9a-f]{64}$/);
    expect(eventHash({ ...base, data: { ...base.data, minutes: 91 } })).not.toBe(eventHash(base));
  });

  it('refuses a non-finite number in the data, as before', () => {
    expect(() => eventHash({ ...base, data: { minutes: Number.NaN } })).toThrow(/non-finite/);
  });

  it('seals an event with the hash of its content', () => {
    const { id, type, schemaVersion, data, occurredAt, actor, source, correlationId, causationId } = base;
    const sealed = sealEvent(
      { id, type, schemaVersion, data, occurredAt, actor, source, correlationId, causationId },
      { stream: base.stream, revision: base.revision, position: base.position, recordedAt: base.recordedAt, prevHash: base.prevHash },
    );
    expect(sealed.hash).toBe(specifiedHash(base));
  });
});

describe('canonicalJson', () => {
  it.each(varied)('writes %s exactly as specified', (_name, overrides) => {
    const content = { ...base, ...overrides };
    expect(canonicalJson(content)).toBe(specifiedCanonicalJson(content));
  });

  it('writes scalars and arrays as specified', () => {
    for (const value of [null, true, 0, -1.25, 'x', [], [1, [2, { b: 1, a: 2 }]], undefined]) {
      expect(canonicalJson(value)).toBe(specifiedCanonicalJson(value));
    }
  });
});
