import Database from 'better-sqlite3';
import { Projection } from './projection';

interface Row {
  projection: string;
  version: number;
  position: number;
}

/**
 * The checkpoints table: how far each read model in the file has got, and at which version. Several
 * processes may project into one file, so this (not any process's memory) is the truth about the tables.
 */
export class StoredCheckpoints {
  private readonly all: Database.Statement;
  private readonly upsert: Database.Statement;
  private readonly removeAll: Database.Statement;

  constructor(db: Database.Database) {
    this.all = db.prepare('SELECT projection, version, position FROM checkpoints');
    this.upsert = db.prepare('INSERT OR REPLACE INTO checkpoints (projection, version, position) VALUES (?, ?, ?)');
    this.removeAll = db.prepare('DELETE FROM checkpoints');
  }

  /** Version of each read model the file has a checkpoint for. */
  versions(): Map<string, number> {
    return new Map(this.rows().map((r) => [r.projection, r.version]));
  }

  /**
   * Position each projection has reached in the file (0 when it has no checkpoint yet). Throws when the
   * file holds a projection at another version: its tables have another shape than this process writes.
   */
  positionsOf(projections: readonly Projection[]): number[] {
    const stored = new Map(this.rows().map((r) => [r.projection, r]));
    return projections.map((projection) => {
      const row = stored.get(projection.name);
      if (!row) return 0;
      if (row.version !== projection.version) {
        throw new Error(
          `read model ${projection.name} in this file is at version ${row.version} but this process projects version ${projection.version}: ` +
            'another coprod version shares the data folder; run one version against it',
        );
      }
      return row.position;
    });
  }

  /** Position every projection has reached in the file; 0 while any has no checkpoint or another version. */
  reachedBy(projections: readonly Projection[]): number {
    const stored = new Map(this.rows().map((r) => [r.projection, r]));
    let reached = Number.MAX_SAFE_INTEGER;
    for (const projection of projections) {
      const row = stored.get(projection.name);
      reached = Math.min(reached, row && row.version === projection.version ? row.position : 0);
    }
    return projections.length === 0 ? 0 : reached;
  }

  save(projection: Projection, position: number): void {
    this.upsert.run(projection.name, projection.version, position);
  }

  clear(): void {
    this.removeAll.run();
  }

  private rows(): Row[] {
    return this.all.all() as Row[];
  }
}
