import { randomBytes } from 'node:crypto';
import { assertSubjectId, KeyDestroyedError, KeyStore, SUBJECT_KEY_BYTES } from './key-store.port';

/** Keys held in this process only: for tests and throw-away demos, never for real records. */
export class InMemoryKeyStore implements KeyStore {
  private readonly keys = new Map<string, Buffer>();
  private readonly destroyed = new Map<string, string>();

  constructor(private readonly clock: () => Date = () => new Date()) {}

  async getOrCreateKey(subjectId: string): Promise<Buffer> {
    assertSubjectId(subjectId);
    const destroyedAt = this.destroyed.get(subjectId);
    if (destroyedAt) throw new KeyDestroyedError(subjectId, destroyedAt);
    let key = this.keys.get(subjectId);
    if (!key) {
      key = randomBytes(SUBJECT_KEY_BYTES);
      this.keys.set(subjectId, key);
    }
    return Buffer.from(key);
  }

  async getKey(subjectId: string): Promise<Buffer | undefined> {
    const key = this.keys.get(subjectId);
    return key ? Buffer.from(key) : undefined;
  }

  async destroyKey(subjectId: string): Promise<boolean> {
    assertSubjectId(subjectId);
    const key = this.keys.get(subjectId);
    key?.fill(0);
    this.keys.delete(subjectId);
    if (!this.destroyed.has(subjectId)) this.destroyed.set(subjectId, this.clock().toISOString());
    return key !== undefined;
  }

  async isDestroyed(subjectId: string): Promise<boolean> {
    return this.destroyed.has(subjectId);
  }

  async close(): Promise<void> {
    this.keys.clear();
  }
}
