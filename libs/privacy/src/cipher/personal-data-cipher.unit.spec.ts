import { InMemoryKeyStore } from '../keys/in-memory-key-store.fixture';
import { MissingSubjectKeyError, PersonalDataCipher, PersonalDataTamperedError } from './personal-data-cipher';
import { SealedPersonalData } from './sealed-personal-data';

describe('PersonalDataCipher', () => {
  let keys: InMemoryKeyStore;
  let cipher: PersonalDataCipher;
  const jane = { subjectId: 'participant-1', fields: { name: 'Jane Doe', email: 'jane@example.org' } };

  beforeEach(() => {
    keys = new InMemoryKeyStore();
    cipher = new PersonalDataCipher(keys);
  });

  it('seals fields into a JSON-safe form that hides them and opens them again', async () => {
    const sealed = await cipher.encrypt(jane, { eventId: 'event-1' });
    expect(sealed.subjectId).toBe('participant-1');
    expect(sealed.sealed.alg).toBe('A256GCM');
    expect(Buffer.from(sealed.sealed.nonce, 'base64')).toHaveLength(12);
    expect(JSON.stringify(sealed)).not.toMatch(/Jane|jane@/);
    expect(JSON.parse(JSON.stringify(sealed))).toEqual(sealed);
    expect(await cipher.decrypt(sealed, { eventId: 'event-1' })).toEqual(jane);
  });

  it('uses a fresh nonce each time, so the same fields never seal the same way twice', async () => {
    const a = await cipher.encrypt(jane, { eventId: 'event-1' });
    const b = await cipher.encrypt(jane, { eventId: 'event-1' });
    expect(a.sealed.nonce).not.toBe(b.sealed.nonce);
    expect(a.sealed.ciphertext).not.toBe(b.sealed.ciphertext);
  });

  it('refuses ciphertext moved to another event, naming that event', async () => {
    const sealed = await cipher.encrypt(jane, { eventId: 'event-1' });
    await expect(cipher.decrypt(sealed, { eventId: 'event-2' })).rejects.toThrow(PersonalDataTamperedError);
    await expect(cipher.decrypt(sealed, { eventId: 'event-2' })).rejects.toThrow(/in event event-2 does not decrypt/);
  });

  it('refuses ciphertext relabelled as another subject', async () => {
    const sealed = await cipher.encrypt(jane, { eventId: 'event-1' });
    await keys.getOrCreateKey('participant-2');
    const relabelled: SealedPersonalData = { ...sealed, subjectId: 'participant-2' };
    await expect(cipher.decrypt(relabelled, { eventId: 'event-1' })).rejects.toThrow(PersonalDataTamperedError);
  });

  it('refuses tampered ciphertext or tag with an error naming the event', async () => {
    const sealed = await cipher.encrypt(jane, { eventId: 'event-7' });
    const bytes = Buffer.from(sealed.sealed.ciphertext, 'base64');
    bytes[0] ^= 0x01;
    const tampered = { ...sealed, sealed: { ...sealed.sealed, ciphertext: bytes.toString('base64') } };
    await expect(cipher.decrypt(tampered, { eventId: 'event-7' })).rejects.toThrow(/event event-7/);
    const shortTag = { ...sealed, sealed: { ...sealed.sealed, tag: 'AAAA' } };
    await expect(cipher.decrypt(shortTag, { eventId: 'event-7' })).rejects.toThrow(PersonalDataTamperedError);
  });

  it('reports an erased subject once their key is destroyed, and refuses to seal for them again', async () => {
    const sealed = await cipher.encrypt(jane, { eventId: 'event-1' });
    await keys.destroyKey('participant-1');
    expect(await cipher.decrypt(sealed, { eventId: 'event-1' })).toEqual({ subjectId: 'participant-1', erased: true });
    await expect(cipher.encrypt(jane, { eventId: 'event-2' })).rejects.toThrow(/was erased on/);
  });

  it('tells a missing key apart from an erasure: the keys file does not belong to these events', async () => {
    const sealed = await cipher.encrypt(jane, { eventId: 'event-1' });
    const otherKeys = new PersonalDataCipher(new InMemoryKeyStore());
    await expect(otherKeys.decrypt(sealed, { eventId: 'event-1' })).rejects.toThrow(MissingSubjectKeyError);
  });

  it('refuses to seal data with no fields or without an event id', async () => {
    await expect(cipher.encrypt({ subjectId: 'participant-1', erased: true }, { eventId: 'e' })).rejects.toThrow(
      /no fields to seal/,
    );
    await expect(cipher.encrypt(jane, { eventId: '' })).rejects.toThrow(/pass \{ eventId \}/);
  });
});
