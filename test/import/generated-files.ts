import { ImportKind, KIND_COLUMNS, pence } from '@coprod/application/import';
import { PROJECT, SESSION } from './import-world';

const ROLES = ['resident', 'carer', 'person_drawing_on_care', 'resident', 'community_organisation_rep', 'council_officer'];
const GROUPS = ['low_income', 'carers', 'young_people', ''];
const CAPACITIES = ['member', 'member', 'chair', 'co_facilitator'];
const FORMATS = ['in_person', 'paper', 'phone', 'online'];
const CATEGORIES = ['travel', 'care_cover', 'recognition_payment', 'voucher'];

/** The id of the n-th generated person. */
export const personId = (n: number): string => `part-g-${String(n).padStart(4, '0')}`;
export const personEmail = (n: number): string => `Person.${n}@Example.org`;
export const personPhone = (n: number): string => `07700 8${String(n).padStart(5, '0')}`;

/** The cells of the n-th generated row of a kind (1-based), varied so every figure has something to count. */
export function generatedRow(kind: ImportKind, n: number): Record<string, string> {
  switch (kind) {
    case 'participants':
      return {
        participant_id: personId(n),
        name: `Person ${n}`,
        email: personEmail(n),
        phone: personPhone(n),
        role: ROLES[n % ROLES.length],
        seldom_heard_groups: GROUPS[n % GROUPS.length],
        preferred_formats: FORMATS[n % FORMATS.length],
      };
    case 'register':
      // A third by id, a third by e-mail (written differently from how it was registered), a third by phone.
      return {
        ...(n % 3 === 0
          ? { participant_id: personId(n) }
          : n % 3 === 1
            ? { email: `  ${personEmail(n).toLowerCase()} ` }
            : { phone: `+44 7700 8${String(n).padStart(5, '0')}` }),
        minutes: String(60 + (n % 5) * 30),
        capacity: CAPACITIES[n % CAPACITIES.length],
        format: FORMATS[n % FORMATS.length],
      };
    case 'survey':
      return {
        participant_id: personId(n),
        response_id: `svy-g-${n}`,
        phase: n % 2 === 0 ? 'pre' : 'post',
        responded_on: n % 2 === 0 ? '2026-02-01' : '2026-05-01',
        confidence_in_partnership: String(1 + (n % 5)),
        skills_and_knowledge: String(1 + ((n * 3) % 5)),
        sense_of_influence: n % 7 === 0 ? '' : String(1 + ((n * 2) % 5)),
      };
    case 'expenses':
      return {
        claim_id: `exp-g-${n}`,
        participant_id: personId(n),
        category: CATEGORIES[n % CATEGORIES.length],
        amount: `£${1 + (n % 40)}.${String(n % 100).padStart(2, '0')}`,
        description: `Claim ${n}`,
        claimed_on: '2026-03-11',
      };
  }
}

/** A CSV of `count` generated rows of a kind, with the kind's full header row. */
export function generatedCsv(kind: ImportKind, count: number): string {
  const columns = KIND_COLUMNS[kind].map((c) => c.name);
  const lines = [columns.join(',')];
  for (let n = 1; n <= count; n += 1) {
    const row = generatedRow(kind, n);
    lines.push(columns.map((c) => csvCell(row[c] ?? '')).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}

function csvCell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** The command one person would send for the n-th generated row, one at a time, as over the API. */
export function oneCommand(kind: ImportKind, n: number): [string, Record<string, unknown>] {
  const row = generatedRow(kind, n);
  switch (kind) {
    case 'participants':
      return [
        'RegisterParticipant',
        {
          participantId: row.participant_id,
          role: row.role,
          seldomHeardGroups: row.seldom_heard_groups ? [row.seldom_heard_groups] : [],
          preferredFormats: [row.preferred_formats],
          personal: { subjectId: row.participant_id, fields: { name: row.name, email: row.email, phone: row.phone } },
        },
      ];
    case 'register':
      return [
        'RecordAttendance',
        { activityId: SESSION, participantId: personId(n), minutes: Number(row.minutes), capacity: row.capacity, format: row.format },
      ];
    case 'survey': {
      const answers = Object.fromEntries(
        ['confidence_in_partnership', 'skills_and_knowledge', 'sense_of_influence'].filter((k) => row[k]).map((k) => [k, Number(row[k])]),
      );
      return [
        'RecordSurveyResponse',
        {
          projectId: PROJECT,
          participantId: row.participant_id,
          responseId: row.response_id,
          phase: row.phase,
          answers,
          respondedOn: row.responded_on,
        },
      ];
    }
    case 'expenses':
      return [
        'ClaimExpense',
        {
          claimId: row.claim_id,
          projectId: PROJECT,
          participantId: row.participant_id,
          activityId: null,
          category: row.category,
          amountPence: pence(row.amount),
          description: row.description,
          claimedOn: row.claimed_on,
        },
      ];
  }
}
