import { InMemoryKeyStore } from '../keys/in-memory-key-store.fixture';
import { PersonalDataCipher } from './personal-data-cipher';
import { openPersonalData, sealPersonalData } from './seal-personal-data';
import { isSealedPersonalData } from './sealed-personal-data';

describe('sealPersonalData and openPersonalData', () => {
  let keys: InMemoryKeyStore;
  let cipher: PersonalDataCipher;

  beforeEach(() => {
    keys = new InMemoryKeyStore();
    cipher = new PersonalDataCipher(keys);
  });

  const data = {
    participantId: 'participant-1',
    role: 'carer',
    personal: { subjectId: 'participant-1', fields: { name: 'Jane Doe' } },
    attendees: [
      { minutes: 90, personal: { subjectId: 'participant-2', fields: { name: 'Sam Roe' } } },
      { minutes: 60 },
    ],
    quote: { words: { personal: { subjectId: 'participant-1', fields: { text: 'They listened.' } } } },
  };

  it('seals every personal value, at any depth, and leaves everything else as it was', async () => {
    const sealed = await sealPersonalData(data, 'event-1', cipher);
    expect(isSealedPersonalData(sealed.personal)).toBe(true);
    expect(isSealedPersonalData(sealed.attendees[0].personal)).toBe(true);
    expect(isSealedPersonalData(sealed.quote.words.personal)).toBe(true);
    expect(sealed.participantId).toBe('participant-1');
    expect(sealed.attendees[1]).toEqual({ minutes: 60 });
    expect(JSON.stringify(sealed)).not.toMatch(/Jane|Sam Roe|listened/);
    expect(data.personal.fields.name).toBe('Jane Doe');
  });

  it('opens what it sealed, for the same event only', async () => {
    const sealed = await sealPersonalData(data, 'event-1', cipher);
    expect(await openPersonalData(sealed, 'event-1', cipher)).toEqual(data);
    await expect(openPersonalData(sealed, 'event-2', cipher)).rejects.toThrow(/event-2/);
  });

  it('keeps already sealed values, so sealing twice changes nothing', async () => {
    const once = await sealPersonalData(data, 'event-1', cipher);
    expect(await sealPersonalData(once, 'event-1', cipher)).toEqual(once);
  });

  it('opens an erased person as erased while others stay readable', async () => {
    const sealed = await sealPersonalData(data, 'event-1', cipher);
    await keys.destroyKey('participant-1');
    const opened = await openPersonalData(sealed, 'event-1', cipher);
    expect(opened.personal).toEqual({ subjectId: 'participant-1', erased: true });
    expect(opened.quote.words.personal).toEqual({ subjectId: 'participant-1', erased: true });
    expect(opened.attendees[0].personal).toEqual({ subjectId: 'participant-2', fields: { name: 'Sam Roe' } });
  });

  it('refuses to store anything under personal that is not personal data, naming where it was', async () => {
    await expect(sealPersonalData({ personal: 'Jane Doe' }, 'event-1', cipher)).rejects.toThrow(
      /event event-1: data.personal must be personal data/,
    );
    await expect(
      sealPersonalData({ people: [{ personal: { subjectId: 'p', erased: true } }] }, 'event-1', cipher),
    ).rejects.toThrow(/data.people\[0\].personal/);
  });
});
