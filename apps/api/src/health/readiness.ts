import { Inject, Injectable } from '@nestjs/common';
import { statfsSync } from 'node:fs';
import { dirname } from 'node:path';
import { ConnectingEventStore, EVENT_STORE, EventStore, isStorageFull } from '@coprod/event-store';
import { APP_CONFIG, AppConfig, IntegrityWatch, READ_MODELS, ReadModels } from '@coprod/application';
import { confirmKeysBelongToRecord, KEY_STORE, KeyStore, SqliteKeyStore } from '@coprod/privacy';

/** One check's result in the @nestjs/terminus shape: `status` up or down, and what it found. */
export type CheckResult = { status: 'up' | 'down' } & Record<string, unknown>;

/** Why the service is not ready: which check, what happened, and what an operator does about it. */
export interface ReadinessProblem {
  check: string;
  type: string;
  title: string;
  detail: string;
}

export interface Readiness {
  ready: boolean;
  details: Record<string, CheckResult>;
  problems: ReadinessProblem[];
  store: string;
  headPosition?: number;
  readModelsPosition: number;
}

const PROBLEMS = 'https://coprod.example/problems';

/**
 * Whether the service can be trusted with traffic now: the store answers, the read models follow the
 * log closely from the file that is on disk, the keys file is the one this record's keys are in, the
 * disk has room, and the integrity chain verifies. Each failing check names its cause and what to do.
 */
@Injectable()
export class ReadinessCheck {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_MODELS) private readonly readModels: ReadModels,
    @Inject(KEY_STORE) private readonly keys: KeyStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly integrity: IntegrityWatch,
  ) {}

  /** Runs every check; throws only what the store throws when it cannot be reached at all. */
  async check(): Promise<Readiness> {
    const details: Record<string, CheckResult> = {};
    const problems: ReadinessProblem[] = [];
    const down = (check: string, slug: string, title: string, detail: string, found: Record<string, unknown>) => {
      details[check] = { status: 'down', ...found, problem: detail };
      problems.push({ check, type: `${PROBLEMS}/${slug}`, title, detail });
    };
    let head: number;
    try {
      head = await this.store.headPosition();
      details.store = { status: 'up', description: this.store.description, headPosition: head };
    } catch (error) {
      // A full disk can stop even reads (SQLite must grow its shared-memory file): say so, not "unreachable".
      if (!isStorageFull(error)) throw error;
      head = this.readModels.runtime.currentPosition();
      down(
        'store',
        'storage-full',
        'Disk full',
        `the event store cannot be read while its disk is full (${(error as Error).message}); free space on that disk and the service resumes by itself`,
        { description: this.store.description },
      );
    }
    // A check that cannot even read its file for want of disk space says so; the disk check names the disk.
    const guarded = async (check: string, run: () => unknown) => {
      try {
        await run();
      } catch (error) {
        if (!isStorageFull(error)) throw error;
        down(
          check,
          'storage-full',
          'Disk full',
          `${check} cannot be checked while the disk is full (${(error as Error).message}); free space and the service resumes by itself`,
          {},
        );
      }
    };
    await guarded('readModels', () => this.checkReadModels(head, details, down));
    await guarded('keys', () => this.checkKeys(details, down));
    this.checkDisk(details, down);
    this.checkIntegrity(details, down);
    return {
      ready: problems.length === 0,
      details,
      problems,
      store: this.store.description,
      headPosition: details.store.status === 'up' ? head : undefined,
      readModelsPosition: this.readModels.runtime.currentPosition(),
    };
  }

  /** Which store the service records to, as an operator would recognise it. */
  storeDescription(): string {
    return this.store.description;
  }

  /** Where the connection to a configured server stands, for an unreachable store's answer. */
  connection() {
    return this.store instanceof ConnectingEventStore ? this.store.status() : undefined;
  }

  private async checkReadModels(head: number, details: Record<string, CheckResult>, down: Down): Promise<void> {
    const file = await this.readModels.fileStatus();
    const runtime = this.readModels.runtime.status();
    const lag = head - runtime.position;
    const found = {
      file: this.config.readModelsFile,
      fileState: file.state,
      state: runtime.state,
      position: runtime.position,
      lag,
      maxLag: this.integrity.settings.maxProjectionLag,
    };
    if (file.state !== 'ok' || file.recovering) {
      return down(
        'readModels',
        'read-models-file-lost',
        'Read-model file lost',
        `${file.recovering ?? `the read-model file ${this.config.readModelsFile} is ${file.state}`}; nothing needs doing unless this lasts: the service rebuilds it by itself`,
        found,
      );
    }
    if (runtime.state !== 'following') {
      const when = runtime.nextAttemptAt ? `; trying again at ${runtime.nextAttemptAt} (attempt ${runtime.failedAttempts + 1})` : '';
      return down(
        'readModels',
        'projection-stopped',
        'Projection stopped',
        `the read models stopped at position ${runtime.position} of ${head}: ${runtime.failure ?? 'they are not following the log'}${when}; free disk space or release the locked file and they resume by themselves`,
        { ...found, failedAttempts: runtime.failedAttempts },
      );
    }
    if (lag > this.integrity.settings.maxProjectionLag) {
      return down(
        'readModels',
        'projection-lagging',
        'Projection lagging',
        `the read models are ${lag} events behind the log (more than the ${this.integrity.settings.maxProjectionLag} allowed by COPROD_MAX_PROJECTION_LAG); they are catching up, answers may miss recent events meanwhile`,
        found,
      );
    }
    details.readModels = { status: 'up', ...found };
  }

  private async checkKeys(details: Record<string, CheckResult>, down: Down): Promise<void> {
    if (!(this.keys instanceof SqliteKeyStore)) return;
    const found = { file: this.config.keysFile };
    const lost = this.keys.fileProblem();
    const restore = 'restore the keys file from the backup taken with the events and restart the service; until then no personal data is recorded';
    if (lost) return down('keys', 'keys-file-lost', 'Keys file lost', `${lost}; ${restore}`, found);
    const foreign = await confirmKeysBelongToRecord(this.keys, this.store);
    if (foreign) return down('keys', 'keys-file-foreign', 'Keys file belongs to another record', `${foreign}; ${restore}`, found);
    details.keys = { status: 'up', ...found, checkValue: this.keys.recordBinding()?.checkValue };
  }

  private checkDisk(details: Record<string, CheckResult>, down: Down): void {
    const folders = [...new Set([this.config.eventsFile, this.config.readModelsFile, this.config.keysFile].map((file) => dirname(file)))];
    const minFreeBytes = this.integrity.settings.minFreeBytes;
    for (const folder of folders) {
      let freeBytes: number;
      try {
        const fs = statfsSync(folder);
        freeBytes = fs.bavail * fs.bsize;
      } catch {
        continue;
      }
      if (freeBytes < minFreeBytes) {
        return down(
          'disk',
          'storage-full',
          'Disk full',
          `the disk holding ${folder} has ${freeBytes} bytes free (less than the ${minFreeBytes} of COPROD_MIN_FREE_BYTES): writes are refused with 507; free space there and the service resumes by itself`,
          { folder, freeBytes, minFreeBytes },
        );
      }
      details.disk = { status: 'up', folder, freeBytes, minFreeBytes };
    }
  }

  private checkIntegrity(details: Record<string, CheckResult>, down: Down): void {
    const status = this.integrity.status();
    const found = {
      state: status.state,
      verifiedTo: status.verifiedTo.position,
      lastSweepAt: status.lastSweepAt,
      lastCheckpoint: status.lastCheckpoint?.position,
      checkpointProblem: status.checkpointProblem,
    };
    if (status.failure) {
      return down(
        'integrity',
        'integrity-failed',
        'Integrity check failed',
        `integrity check failed at position ${status.failure.position}: ${status.failure.problem}; writes are refused: restore the record from a backup that verifies (coprod verify) and restart the service`,
        found,
      );
    }
    if (status.state === 'checking')
      return down(
        'integrity',
        'integrity-checking',
        'Integrity being checked',
        'the integrity chain is being verified since the service started; it is ready once that is done',
        found,
      );
    details.integrity = { status: 'up', ...found };
  }
}

type Down = (check: string, slug: string, title: string, detail: string, found: Record<string, unknown>) => void;
