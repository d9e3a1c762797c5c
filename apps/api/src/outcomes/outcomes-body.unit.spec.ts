import { ProjectOutcomes } from '@coprod/application';
import { jsonAround, outcomesBody, outcomesReply } from './outcomes-body';

const sent = (outcomes: ProjectOutcomes) => outcomesReply(outcomes).body.toString('utf8');

/** An answer with the members the HTTP body reads; the rest of an answer never reaches the body. */
function answer(asOf: string, project: { title: string } | undefined, summary = { suppressionThreshold: 5, outcomes: [{ id: 'o1', title: 'Influence "over" decisions' }], indicators: { x: { value: 1.5, n: null } } }) {
  return {
    projectId: 'p-1',
    facts: { project: project ? { ...project, aim: 'An aim', serviceArea: 'Environment', stage: 'co_design', improvementSought: 'é and \u2028' } : undefined },
    framework: { id: 'west-berkshire', name: 'Working Together', version: '2022.1', outcomes: [] },
    clocks: { asOf, knownAtPosition: 12, knownAt: 'position 12', firstPositionIncluded: 1, lastPositionIncluded: 12, eventCount: 9, lastEventHash: 'ab' },
    summary,
    rows: [],
  } as unknown as ProjectOutcomes;
}

describe('the JSON of an outcome answer', () => {
  it('is exactly the JSON of its body, with or without a project', () => {
    for (const outcomes of [answer('2026-06-01T00:00:00.000Z', { title: 'Energy' }), answer('2026-06-01T00:00:00.000Z', undefined)]) {
      expect(sent(outcomes)).toBe(JSON.stringify(outcomesBody(outcomes)));
    }
  });

  it('carries the moment of asking when an answer is shared between two questions', () => {
    const first = answer('2026-06-01T00:00:00.000Z', { title: 'Energy' });
    const later = { ...first, clocks: { ...first.clocks, asOf: '2026-06-02T00:00:00.000Z' } };
    expect(JSON.parse(sent(first)).clocks.asOf).toBe('2026-06-01T00:00:00.000Z');
    expect(sent(later)).toBe(JSON.stringify(outcomesBody(later)));
  });

  it('is named by an entity tag that changes when the body does, and only then', () => {
    const first = answer('2026-06-01T00:00:00.000Z', { title: 'Energy' });
    const same = { ...first, clocks: { ...first.clocks } };
    const later = { ...first, clocks: { ...first.clocks, asOf: '2026-06-02T00:00:00.000Z' } };
    const other = answer('2026-06-01T00:00:00.000Z', { title: 'Energy (revised)' });
    expect(outcomesReply(same).etag).toBe(outcomesReply(first).etag);
    expect(outcomesReply(later).etag).not.toBe(outcomesReply(first).etag);
    expect(outcomesReply(other).etag).not.toBe(outcomesReply(first).etag);
    expect(outcomesReply(first).etag).toMatch(new RegExp(`^W/"${outcomesReply(first).body.length.toString(16)}-[A-Za-z0-9+/]{27}"$`));
  });

  it('leaves out members whose value JSON leaves out, wherever they stand', () => {
    const body = { first: undefined, clocks: { asOf: 'x' }, middle: 1, last: undefined };
    const { head, tail } = jsonAround(body, 'clocks');
    expect(`${head}${JSON.stringify(body.clocks)}${tail}`).toBe(JSON.stringify(body));
    const leading = { clocks: 1, next: 'two' };
    const around = jsonAround(leading, 'clocks');
    expect(`${around.head}1${around.tail}`).toBe(JSON.stringify(leading));
  });
});
