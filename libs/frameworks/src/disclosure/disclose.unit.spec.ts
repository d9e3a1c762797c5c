import { roleNoun } from '../indicators/labels';
import { recoverable, sumRelation } from './linear-audit';
import { discloseRoleTable, speakerRole } from './role-table';
import { DEFAULT_SENSITIVITY, sensitivityOverridesSchema, sensitivityPolicy } from './sensitivity';
import { describeProtection } from './disclose';

const cell = (min = 0) => ({ value: 0, min, max: Infinity, integer: true });

describe('what a reader can work out from published numbers', () => {
  it('solves a total less the cells shown', () => {
    const known = new Map([
      ['total', 5],
      ['a', 3],
    ]);
    expect(recoverable(new Map([['b', cell(1)]]), [sumRelation('total', ['a', 'b'])], (id) => known.get(id))).toEqual([
      { id: 'b', value: 2, by: 'equations' },
    ]);
  });

  it('pins two hidden cells that must each be at least 1 and add up to 2', () => {
    const known = new Map([
      ['total', 4],
      ['a', 1],
      ['b', 1],
    ]);
    const found = recoverable(
      new Map([
        ['c', cell(1)],
        ['d', cell(1)],
      ]),
      [sumRelation('total', ['a', 'b', 'c', 'd'])],
      (id) => known.get(id),
    );
    expect(found.map((f) => [f.id, f.value, f.by])).toEqual([
      ['c', 1, 'bounds'],
      ['d', 1, 'bounds'],
    ]);
  });

  it('cannot pin two hidden cells that add up to 5, nor cells linked across two tables with a free one', () => {
    const known = new Map([
      ['total', 7],
      ['a', 2],
      ['hours', 10],
    ]);
    const relations = [sumRelation('total', ['a', 'b', 'c']), sumRelation('hours', ['hb', 'hc'])];
    expect(
      recoverable(
        new Map([
          ['b', cell(1)],
          ['c', cell(1)],
          ['hb', cell(1)],
          ['hc', cell(1)],
        ]),
        relations,
        (id) => known.get(id),
      ),
    ).toEqual([]);
  });

  it('solves exactly with fractions: a mean of a known number of pairs is a sum', () => {
    // 3 pairs with a mean of 4/3 and a pooled sum of 7 over 3 + 2 pairs: the other group's sum is 3.
    const known = new Map([
      ['pooled', 7],
      ['residents', 4],
    ]);
    expect(
      recoverable(new Map([['staff', { value: 0, min: -8, max: 8, integer: true }]]), [sumRelation('pooled', ['residents', 'staff'])], (id) =>
        known.get(id),
      ),
    ).toEqual([{ id: 'staff', value: 3, by: 'equations' }]);
  });
});

describe('a table of people by role for one output (the committee extract)', () => {
  it('"4 people, 2 of them residents": the small protected role is merged, never listed as "not shown" to be counted back', () => {
    const table = discloseRoleTable(['resident', 'carer', 'council_officer', 'councillor'], 5);
    expect(table.rows.map((r) => [r.key, r.value])).toEqual([
      ['resident', 1],
      ['council_officer', 1],
      ['councillor', 1],
      ['not_shown_separately', 1],
    ]);
    expect([...table.shownRoles].sort()).toEqual(['council_officer', 'councillor', 'resident']);
  });

  it('5 people who draw on care and support and 1 community representative: the quote is not attributed to the hidden group', () => {
    const roles = [...Array(5).fill('person_drawing_on_care'), 'community_organisation_rep'];
    const table = discloseRoleTable(roles, 5);
    expect(table.rows.map((r) => [r.key, r.value])).toEqual([
      ['person_drawing_on_care', 5],
      ['not_shown_separately', 1],
    ]);
    expect(roleNoun(speakerRole('community_organisation_rep', table.shownRoles))).toBe('resident or community member');
    expect(roleNoun(speakerRole('person_drawing_on_care', table.shownRoles))).toBe('person who draws on care and support');
  });

  it('a council that protects no role sees every role, as its framework file says', () => {
    const overrides = sensitivityOverridesSchema.parse({ role: { protected: false, reason: 'Our groups agreed to be named by role.' } });
    const table = discloseRoleTable(['resident', 'carer', 'council_officer'], 5, sensitivityPolicy(overrides));
    expect(table.rows.map((r) => [r.key, r.value])).toEqual([
      ['resident', 1],
      ['carer', 1],
      ['council_officer', 1],
    ]);
  });
});

describe('the account of what was protected, for the method section', () => {
  it('names each protected dimension with its reason, the threshold, and what is shown as it is', () => {
    const { sentences, protectedDimensions } = describeProtection(DEFAULT_SENSITIVITY, 5);
    expect(protectedDimensions.map((d) => d.dimension)).toEqual([
      'role',
      'seldom_heard_group',
      'survey_mean',
      'expense_category',
      'expense_per_person',
    ]);
    expect(sentences[0]).toMatch(
      /^Figures about role, seldom heard group, survey mean, expense category, expense per person are protected: a group of fewer than 5 people is not shown/,
    );
    expect(sentences.join(' ')).toContain(
      'Shown as they are: role group, attendance format, sessions attended, session stage, session format, decision level, decision maker, and totals.',
    );
  });

  it('refuses an override that gives no reason or names no known dimension', () => {
    expect(() => sensitivityOverridesSchema.parse({ role: { protected: false, reason: '' } })).toThrow(/say why/);
    expect(() => sensitivityOverridesSchema.parse({ shoe_size: { protected: true, reason: 'x' } })).toThrow(/not a known dimension/);
  });
});

describe("a framework file's disclosure section", () => {
  it('is read with the framework and changes which categories are protected', () => {
    const { frameworkSchema } = jest.requireActual('../framework/framework.schema') as typeof import('../framework/framework.schema');
    const base = { id: 'test-council', name: 'Test', version: '1', publisher: 'Test Council', source: 'Test', definition: 'Co-production.' };
    const outcomes = [{ id: 'o', number: 1, title: 'O', indicators: ['people_involved_by_role'], quoteKind: 'a quote' }];
    const framework = frameworkSchema.parse({
      ...base,
      outcomes,
      disclosure: { dimensions: { role: { protected: true, publicCategories: ['carer'], reason: 'Carers in this council asked to be counted.' } } },
    });
    const policy = sensitivityPolicy(framework.disclosure?.dimensions);
    expect(
      discloseRoleTable(['carer', 'family_member', 'resident', 'resident', 'resident', 'resident', 'resident'], 5, policy).rows.map((r) => r.key),
    ).toEqual(['resident', 'carer', 'not_shown_separately']);
    expect(() => frameworkSchema.parse({ ...base, outcomes, disclosure: { dimensions: { role: { protected: 'yes' } } } })).toThrow();
  });
});
