import { randomUUID } from 'node:crypto';
import { ImportKind, ImportOutcome, ImportTarget } from '@coprod/application/import';

/** An uploaded file between its check and its confirmation, held by this process only. */
export interface PendingImport {
  token: string;
  actorId: string;
  projectId: string;
  kind: ImportKind;
  fileName: string;
  bytes: Buffer;
  mapping?: string;
  target: ImportTarget;
  source: 'import' | 'paper';
  heldUntil: number;
  outcome?: ImportOutcome;
}

const HOLD_MINUTES = 30;
const MAX_HELD = 50;

/**
 * Files waiting for their "confirm and import": kept in memory (never on disk or in the session
 * store, since they hold people's details), for one person, for 30 minutes; the file is checked again
 * when it is confirmed, against the record as it then stands.
 */
export class PendingImports {
  private readonly held = new Map<string, PendingImport>();

  hold(pending: Omit<PendingImport, 'token' | 'heldUntil'>): PendingImport {
    this.sweep();
    if (this.held.size >= MAX_HELD) this.held.delete(this.held.keys().next().value as string);
    const entry: PendingImport = { ...pending, token: randomUUID(), heldUntil: Date.now() + HOLD_MINUTES * 60_000 };
    this.held.set(entry.token, entry);
    return entry;
  }

  /** The file held under a token, for the person who uploaded it and the project it was uploaded to. */
  find(token: string, actorId: string, projectId: string): PendingImport | undefined {
    this.sweep();
    const entry = this.held.get(token);
    return entry && entry.actorId === actorId && entry.projectId === projectId ? entry : undefined;
  }

  /** Once recorded, the file is let go; only what it recorded is kept, to show. */
  recorded(entry: PendingImport, outcome: ImportOutcome): void {
    entry.outcome = outcome;
    entry.bytes = Buffer.alloc(0);
    entry.mapping = undefined;
  }

  private sweep(): void {
    const now = Date.now();
    for (const [token, entry] of this.held) if (entry.heldUntil < now) this.held.delete(token);
  }
}
