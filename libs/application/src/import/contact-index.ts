import Database from 'better-sqlite3';
import { createHmac, randomBytes } from 'node:crypto';
import { EventStore } from '@coprod/event-store';
import { openSecretsDatabase } from '@coprod/privacy/sqlite/secrets-database';
import { PersonalDataProtector } from '../commands/personal-data-protector';

/** Which contact detail a digest was made from. */
export type ContactKind = 'email' | 'phone';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS contact_index_key (
  id   INTEGER PRIMARY KEY CHECK (id = 1),
  key  BLOB    NOT NULL
);
CREATE TABLE IF NOT EXISTS contact_index (
  kind            TEXT NOT NULL,
  digest          TEXT NOT NULL,
  participant_id  TEXT NOT NULL,
  PRIMARY KEY (kind, digest, participant_id)
);
CREATE INDEX IF NOT EXISTS contact_index_by_participant ON contact_index (participant_id);
CREATE TABLE IF NOT EXISTS contact_index_checkpoint (
  id        INTEGER PRIMARY KEY CHECK (id = 1),
  position  INTEGER NOT NULL
);
`;

/** Once a person's key is destroyed (erasure), their digests go with it, in the same transaction. */
const ERASURE_TRIGGER = `
CREATE TRIGGER IF NOT EXISTS contact_index_forget_erased AFTER INSERT ON destroyed_keys
BEGIN
  DELETE FROM contact_index WHERE participant_id = NEW.subject_id;
END;
`;

const PARTICIPANT_EVENTS = ['ParticipantRegistered', 'ParticipantDetailsUpdated', 'ParticipantErased'];

/** An e-mail address as people mean it: case and surrounding spaces do not matter. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** A phone number as its digits, with +44 or 0044 read as the UK's leading 0: `+44 7700 900123` is `07700900123`. */
export function normalisePhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  if (phone.trim().startsWith('+44') || digits.startsWith('0044')) return `0${digits.replace(/^(00)?44/, '')}`;
  return digits;
}

/**
 * A keyed blind index of participants' e-mail addresses and phone numbers, kept in the keys file
 * beside the keys it depends on: an import finds a person by the HMAC of their normalised contact
 * detail, so the plain value is never stored or compared. The index follows the log (registrations
 * and changes of details from every way in); an erasure removes the person's digests when their key
 * is destroyed, and again when the erasure is read from the log.
 */
export class ContactIndex {
  private readonly db: Database.Database;
  private readonly key: Buffer;

  constructor(file: string) {
    this.db = openSecretsDatabase(file);
    this.db.exec(SCHEMA);
    const hasKeyTable = this.db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'destroyed_keys'").get();
    if (hasKeyTable) {
      this.db.exec(ERASURE_TRIGGER);
      this.db.prepare('DELETE FROM contact_index WHERE participant_id IN (SELECT subject_id FROM destroyed_keys)').run();
    }
    this.key = this.db
      .transaction(() => {
        const row = this.db.prepare('SELECT key FROM contact_index_key WHERE id = 1').get() as { key: Buffer } | undefined;
        if (row) return row.key;
        const made = randomBytes(32);
        this.db.prepare('INSERT INTO contact_index_key (id, key) VALUES (1, ?)').run(made);
        return made;
      })
      .immediate();
  }

  /** The digest a contact detail is filed under; the plain value goes no further than this function. */
  digest(kind: ContactKind, value: string): string {
    const normal = kind === 'email' ? normaliseEmail(value) : normalisePhone(value);
    return createHmac('sha256', this.key).update(`${kind}\u0000${normal}`).digest('hex');
  }

  /** Every participant filed under a contact detail (more than one is an ambiguous match). */
  find(kind: ContactKind, value: string): string[] {
    const rows = this.db
      .prepare('SELECT participant_id FROM contact_index WHERE kind = ? AND digest = ? ORDER BY participant_id')
      .all(kind, this.digest(kind, value)) as { participant_id: string }[];
    return rows.map((r) => r.participant_id);
  }

  /** Files a person's current contact details, replacing what was filed for them before. */
  file(participantId: string, details: { email?: string; phone?: string }): void {
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM contact_index WHERE participant_id = ?').run(participantId);
      for (const kind of ['email', 'phone'] as const) {
        const value = details[kind];
        if (typeof value === 'string' && value.trim() !== '') {
          this.db
            .prepare('INSERT OR IGNORE INTO contact_index (kind, digest, participant_id) VALUES (?, ?, ?)')
            .run(kind, this.digest(kind, value), participantId);
        }
      }
    })();
  }

  /** Removes everything filed for a person. */
  forget(participantId: string): void {
    this.db.prepare('DELETE FROM contact_index WHERE participant_id = ?').run(participantId);
  }

  /** How many digests are filed for a person (for subject access and tests: never the values). */
  countFor(participantId: string): number {
    return (this.db.prepare('SELECT COUNT(*) AS n FROM contact_index WHERE participant_id = ?').get(participantId) as { n: number }).n;
  }

  /**
   * Brings the index up to date with the log: each registration or change of details since the last
   * call is opened with the person's key and filed; an erasure removes the person.
   */
  async catchUp(store: EventStore, protector: PersonalDataProtector): Promise<void> {
    const after =
      (this.db.prepare('SELECT position FROM contact_index_checkpoint WHERE id = 1').get() as { position: number } | undefined)?.position ?? 0;
    const events = await store.readAll({ after, types: PARTICIPANT_EVENTS });
    for (const event of events) {
      const participantId = String(event.data.participantId ?? '');
      if (event.type === 'ParticipantErased') {
        this.forget(participantId);
        continue;
      }
      const opened = await protector.open(event.data, event.id).catch(() => undefined);
      const fields = (opened?.personal as { fields?: { email?: unknown; phone?: unknown } } | undefined)?.fields;
      if (!fields) continue;
      this.file(participantId, {
        email: typeof fields.email === 'string' ? fields.email : undefined,
        phone: typeof fields.phone === 'string' ? fields.phone : undefined,
      });
    }
    const head = events.length > 0 ? events[events.length - 1].position : after;
    this.db
      .prepare('INSERT INTO contact_index_checkpoint (id, position) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET position = excluded.position')
      .run(head);
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
