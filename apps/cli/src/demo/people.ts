import { Format, ParticipantRole } from '@coprod/domain';
import { ACTORS } from './actors';
import { instant } from './demo-clock';
import { DemoActor, DemoSource } from './demo-step';
import { Sitting, Timeline } from './timeline';

/** An invented participant of the demo record. */
interface DemoPerson {
  id: string;
  role: ParticipantRole;
  name: string;
  groups: string[];
  formats: Format[];
  /** Day they were registered (just before their first session). */
  joined: string;
  /** How their registration reached the council: a spreadsheet import, a paper form or the web. */
  via?: DemoSource;
  email?: string;
  phone?: string;
  postcode?: string;
  accessNeeds?: string;
}

// Contact details are unreachable on purpose: example.org and example.com are reserved for
// documentation (RFC 2606) and Ofcom keeps 07700 900000 to 900999 for drama.
const COMMUNITY_ENERGY: DemoPerson[] = [
  { id: 'part-001', role: 'resident', name: 'Margaret Holloway', groups: ['older_people', 'rural_residents'], formats: ['paper', 'phone'], joined: '2026-01-14', via: 'import', phone: '07700 900101', postcode: 'RG20', accessNeeds: 'Large-print papers posted a week ahead' },
  { id: 'part-002', role: 'resident', name: 'Siân Llewellyn', groups: ['rural_residents'], formats: ['in_person', 'online'], joined: '2026-01-14', via: 'import', email: 'sian.llewellyn@example.org', postcode: 'RG17' },
  { id: 'part-003', role: 'resident', name: 'Paweł Wójcik', groups: ['low_income'], formats: ['online', 'phone'], joined: '2026-01-14', via: 'import', email: 'pawel.wojcik@example.com', postcode: 'RG14' },
  { id: 'part-004', role: 'community_organisation_rep', name: 'Dev Chauhan', groups: [], formats: ['online', 'in_person'], joined: '2026-01-14', via: 'import', email: 'dev.chauhan@example.org' },
  { id: 'part-005', role: 'councillor', name: 'Cllr Helen Ashdown', groups: [], formats: ['in_person', 'hybrid'], joined: '2026-01-14', via: 'import', email: 'helen.ashdown@example.org' },
  { id: 'part-006', role: 'council_officer', name: 'Owen Pritchard', groups: [], formats: ['in_person', 'online'], joined: '2026-01-14', via: 'import', email: 'owen.pritchard@example.org' },
  { id: 'part-007', role: 'resident', name: 'Abena Mensah', groups: ['ethnic_minorities', 'young_people'], formats: ['online'], joined: '2026-01-14', via: 'import', email: 'abena.mensah@example.com', postcode: 'RG14' },
  { id: 'part-008', role: 'resident', name: 'Graham Tull', groups: ['older_people', 'digitally_excluded'], formats: ['paper', 'phone'], joined: '2026-01-14', via: 'import', phone: '07700 900108', postcode: 'RG7' },
  { id: 'part-009', role: 'carer', name: 'Kerry Ashworth', groups: ['carers', 'low_income'], formats: ['hybrid', 'phone'], joined: '2026-01-14', via: 'import', phone: '07700 900109', postcode: 'RG19' },
  { id: 'part-010', role: 'resident', name: 'Liam Doyle', groups: ['young_people'], formats: ['online'], joined: '2026-03-09', via: 'paper', email: 'liam.doyle@example.com', postcode: 'RG18' },
  { id: 'part-011', role: 'council_officer', name: 'Priya Raman', groups: [], formats: ['online', 'in_person'], joined: '2026-01-14', via: 'import', email: 'priya.raman@example.org' },
  { id: 'part-012', role: 'community_organisation_rep', name: 'Rhiannon Bowen', groups: [], formats: ['in_person'], joined: '2026-03-09', via: 'paper', email: 'rhiannon.bowen@example.org' },
];

const RECOVERY_COLLEGE: DemoPerson[] = [
  { id: 'part-013', role: 'person_drawing_on_care', name: 'Małgorzata Wiśniewska', groups: ['non_english_speakers', 'ethnic_minorities'], formats: ['in_person', 'paper'], joined: '2026-01-19', email: 'm.wisniewska@example.com', postcode: 'SS1', accessNeeds: 'Polish interpreter for long meetings' },
  { id: 'part-014', role: 'person_drawing_on_care', name: 'Darren Hollis', groups: ['low_income'], formats: ['in_person'], joined: '2026-01-19', phone: '07700 900114', postcode: 'SS2' },
  { id: 'part-015', role: 'person_drawing_on_care', name: 'Chloe Fenwick', groups: ['young_people'], formats: ['online', 'in_person'], joined: '2026-01-19', email: 'chloe.fenwick@example.com', postcode: 'SS0' },
  { id: 'part-016', role: 'person_drawing_on_care', name: 'Patrick Doyle', groups: ['older_people', 'digitally_excluded'], formats: ['phone', 'paper'], joined: '2026-01-19', via: 'paper', phone: '07700 900116', postcode: 'SS3' },
  { id: 'part-017', role: 'person_drawing_on_care', name: 'Yasmin Haddad', groups: ['ethnic_minorities'], formats: ['in_person', 'online'], joined: '2026-01-19', email: 'yasmin.haddad@example.com', postcode: 'SS1' },
  { id: 'part-018', role: 'person_drawing_on_care', name: 'Samuel Okafor', groups: ['ethnic_minorities', 'young_people'], formats: ['online'], joined: '2026-01-19', email: 'samuel.okafor@example.com', postcode: 'SS2' },
  { id: 'part-019', role: 'carer', name: 'Lorraine Betts', groups: ['carers', 'older_people'], formats: ['phone', 'in_person'], joined: '2026-01-19', phone: '07700 900119', postcode: 'SS9' },
  { id: 'part-020', role: 'family_member', name: 'Nadia Rahman', groups: ['ethnic_minorities'], formats: ['online', 'hybrid'], joined: '2026-02-02', email: 'nadia.rahman@example.com', postcode: 'SS1' },
  { id: 'part-021', role: 'person_drawing_on_care', name: 'Craig Mullins', groups: ['disabled_people', 'low_income'], formats: ['in_person'], joined: '2026-02-02', via: 'paper', postcode: 'SS2', accessNeeds: 'Step-free access; uses a wheelchair' },
  { id: 'part-022', role: 'community_organisation_rep', name: 'Ruth Abbott', groups: [], formats: ['in_person', 'online'], joined: '2026-01-19', email: 'ruth.abbott@example.org' },
  { id: 'part-023', role: 'community_organisation_rep', name: 'Imran Saleem', groups: ['ethnic_minorities'], formats: ['in_person', 'online'], joined: '2026-01-19', email: 'imran.saleem@example.org' },
  { id: 'part-024', role: 'council_officer', name: 'Joanne Pike', groups: [], formats: ['online', 'hybrid'], joined: '2026-01-19', email: 'joanne.pike@example.org' },
  { id: 'part-025', role: 'person_drawing_on_care', name: 'Agnieszka Dąbrowska', groups: ['non_english_speakers'], formats: ['in_person', 'paper'], joined: '2026-02-02', via: 'paper', postcode: 'SS0' },
  { id: 'part-026', role: 'councillor', name: 'Cllr Martin Hale', groups: [], formats: ['in_person'], joined: '2026-02-02', email: 'martin.hale@example.org' },
];

const MASCOT_GROUP: DemoPerson[] = [
  { id: 'part-027', role: 'resident', name: 'Kayleigh Morris', groups: ['low_income', 'young_people'], formats: ['in_person', 'online'], joined: '2026-02-05', email: 'kayleigh.morris@example.com', postcode: 'SS2' },
  { id: 'part-028', role: 'resident', name: 'Fatima Begum', groups: ['ethnic_minorities', 'non_english_speakers'], formats: ['in_person', 'phone'], joined: '2026-02-05', phone: '07700 900128', postcode: 'SS1' },
  { id: 'part-029', role: 'resident', name: 'Jade Sutton', groups: ['young_people', 'low_income'], formats: ['online'], joined: '2026-02-05', email: 'jade.sutton@example.com', postcode: 'SS3' },
  { id: 'part-030', role: 'family_member', name: 'Tom Barker', groups: ['older_people'], formats: ['in_person', 'paper'], joined: '2026-02-05', via: 'paper', postcode: 'SS9' },
  { id: 'part-031', role: 'family_member', name: 'Gethin Parry', groups: [], formats: ['online', 'in_person'], joined: '2026-02-05', email: 'gethin.parry@example.com', postcode: 'SS0' },
  { id: 'part-032', role: 'community_organisation_rep', name: 'Louise Grant', groups: [], formats: ['in_person', 'online'], joined: '2026-02-05', email: 'louise.grant@example.org' },
  { id: 'part-033', role: 'council_officer', name: 'Ben Adeyemi', groups: ['ethnic_minorities'], formats: ['online', 'in_person'], joined: '2026-02-05', email: 'ben.adeyemi@example.org' },
  { id: 'part-034', role: 'resident', name: 'Aleksandra Zielińska', groups: ['non_english_speakers', 'low_income'], formats: ['in_person'], joined: '2026-02-05', email: 'ola.zielinska@example.com', postcode: 'SS1' },
  { id: 'part-035', role: 'resident', name: 'Shannon Cole', groups: ['people_with_learning_disabilities'], formats: ['in_person', 'paper'], joined: '2026-02-05', via: 'paper', postcode: 'SS2', accessNeeds: 'Easy Read papers and a supporter' },
];

const SERVICE_USER_VOICE: DemoPerson[] = [
  { id: 'part-036', role: 'person_drawing_on_care', name: 'Eileen Marsh', groups: ['older_people', 'disabled_people'], formats: ['phone', 'paper'], joined: '2026-03-09', phone: '07700 900136', postcode: 'RG18', accessNeeds: 'Hearing loop; papers by post' },
  { id: 'part-037', role: 'person_drawing_on_care', name: 'Dafydd Morgan', groups: ['disabled_people'], formats: ['in_person', 'online'], joined: '2026-03-09', email: 'dafydd.morgan@example.com', postcode: 'RG14' },
  { id: 'part-038', role: 'carer', name: 'Sunita Patel', groups: ['carers', 'ethnic_minorities'], formats: ['online', 'hybrid'], joined: '2026-03-09', email: 'sunita.patel@example.com', postcode: 'RG19' },
  { id: 'part-039', role: 'person_drawing_on_care', name: 'Kevin Doherty', groups: ['people_with_learning_disabilities'], formats: ['in_person'], joined: '2026-03-09', via: 'paper', postcode: 'RG14', accessNeeds: 'Easy Read papers; support worker attends' },
  { id: 'part-040', role: 'family_member', name: 'Brenda Ashton', groups: ['older_people'], formats: ['paper', 'phone'], joined: '2026-03-09', via: 'paper', phone: '07700 900140', postcode: 'RG7' },
  { id: 'part-041', role: 'person_drawing_on_care', name: 'Ahmed Yusuf', groups: ['ethnic_minorities', 'non_english_speakers'], formats: ['phone'], joined: '2026-04-07', phone: '07700 900141', postcode: 'RG14', accessNeeds: 'Somali interpreter on the phone' },
  { id: 'part-042', role: 'community_organisation_rep', name: 'Claire Whitmore', groups: [], formats: ['in_person', 'online'], joined: '2026-03-09', email: 'claire.whitmore@example.org' },
  { id: 'part-043', role: 'community_organisation_rep', name: 'Mark Tremlett', groups: [], formats: ['online', 'hybrid'], joined: '2026-03-09', email: 'mark.tremlett@example.org' },
  { id: 'part-044', role: 'council_officer', name: 'Hannah Greaves', groups: [], formats: ['in_person', 'online'], joined: '2026-03-09', email: 'hannah.greaves@example.org' },
  { id: 'part-045', role: 'council_officer', name: 'Stuart Bell', groups: [], formats: ['in_person', 'hybrid'], joined: '2026-03-09', email: 'stuart.bell@example.org' },
  { id: 'part-046', role: 'councillor', name: 'Cllr Janet Fairley', groups: ['older_people'], formats: ['in_person', 'hybrid'], joined: '2026-03-09', email: 'janet.fairley@example.org' },
  { id: 'part-047', role: 'person_drawing_on_care', name: 'Bogdan Szymański', groups: ['older_people', 'non_english_speakers', 'digitally_excluded'], formats: ['phone', 'in_person'], joined: '2026-04-07', phone: '07700 900147', postcode: 'RG18' },
  { id: 'part-048', role: 'carer', name: 'Lowri Evans', groups: ['carers', 'rural_residents', 'digitally_excluded'], formats: ['phone', 'paper'], joined: '2026-04-07', phone: '07700 900148', postcode: 'RG20' },
  { id: 'part-049', role: 'carer', name: 'Ruby Clarke', groups: ['carers', 'young_people'], formats: ['online', 'phone'], joined: '2026-05-11', email: 'ruby.clarke@example.com', postcode: 'RG14' },
  { id: 'part-050', role: 'person_drawing_on_care', name: 'Gwenllïan Prys', groups: ['disabled_people', 'rural_residents'], formats: ['hybrid', 'online'], joined: '2026-05-11', email: 'gwenllian.prys@example.com', postcode: 'RG17', accessNeeds: 'Screen reader: documents as accessible Word or HTML' },
];

/** Each council's recorder registers its own people. */
const BY_RECORDER: { recorder: DemoActor; people: DemoPerson[] }[] = [
  { recorder: ACTORS.amara, people: [...COMMUNITY_ENERGY, ...SERVICE_USER_VOICE] },
  { recorder: ACTORS.kofi, people: [...RECOVERY_COLLEGE, ...MASCOT_GROUP] },
];

/** When in the morning each channel's registrations are typed in, so a day's sittings never overlap. */
const SITTING_TIME: Record<DemoSource, string> = { import: '08:00', paper: '08:20', api: '08:40', cli: '08:50' };

/** Registers every participant on the day they joined, grouped into one sitting per day, recorder and channel. */
export function registerPeople(timeline: Timeline): void {
  const sittings = new Map<string, Sitting>();
  for (const { recorder, people } of BY_RECORDER) {
    for (const person of people) {
      const source = person.via ?? 'api';
      const key = `${person.joined}|${recorder.id}|${source}`;
      const sitting = sittings.get(key) ?? timeline.from(instant(`${person.joined} ${SITTING_TIME[source]}`), recorder, source);
      sittings.set(key, sitting);
      register(sitting, person);
    }
  }
}

function register(sitting: Sitting, person: DemoPerson): void {
  const { name, email, phone, postcode, accessNeeds } = person;
  sitting.record('RegisterParticipant', {
    participantId: person.id,
    role: person.role,
    seldomHeardGroups: [...person.groups],
    preferredFormats: [...person.formats],
    personal: { subjectId: person.id, fields: { name, ...defined({ email, phone, postcode, accessNeeds }) } },
  });
}

function defined<T extends Record<string, string | undefined>>(fields: T): Partial<Record<keyof T, string>> {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as Partial<Record<keyof T, string>>;
}
