import { join, resolve } from 'node:path';

/** How the running service watches its own state: integrity checks, signed checkpoints, readiness bounds. */
export interface IntegritySettings {
  /** How often events recorded since the last verified point are verified (ms). */
  checkIntervalMs: number;
  /** How often the whole chain is verified again from the start (minutes; 0: only at start). */
  sweepMinutes: number;
  /** Where the last verified point is kept, outside the event file. */
  verifiedPointFile: string;
  /** The organisation's Ed25519 signing key (PEM); unset: no automatic checkpoints. */
  checkpointKeyFile: string | undefined;
  /** How often a checkpoint is signed while the record grows (seconds); the first is signed once the start-up check passes. */
  checkpointSeconds: number;
  /** Where signed checkpoints are written, outside the event file. */
  checkpointDir: string;
  /** Events the read models may lag behind the log before the service stops saying it is ready. */
  maxProjectionLag: number;
  /** Free bytes below which the data folder's disk counts as full. */
  minFreeBytes: number;
}

/** Reads the settings from the environment; every one has a working default. */
export function integritySettings(dataDir: string, env: NodeJS.ProcessEnv = process.env): IntegritySettings {
  return {
    checkIntervalMs: whole(env, 'COPROD_INTEGRITY_CHECK_MS', 2000, 1),
    sweepMinutes: whole(env, 'COPROD_INTEGRITY_SWEEP_MINUTES', 60, 0),
    verifiedPointFile: resolve(env.COPROD_INTEGRITY_STATE_FILE ?? join(dataDir, 'integrity-verified.json')),
    checkpointKeyFile: env.COPROD_CHECKPOINT_KEY ? resolve(env.COPROD_CHECKPOINT_KEY) : undefined,
    checkpointSeconds: whole(env, 'COPROD_CHECKPOINT_SECONDS', 3600, 1),
    checkpointDir: resolve(env.COPROD_CHECKPOINT_DIR ?? join(dataDir, 'checkpoints')),
    maxProjectionLag: whole(env, 'COPROD_MAX_PROJECTION_LAG', 1000, 0),
    minFreeBytes: whole(env, 'COPROD_MIN_FREE_BYTES', 16 * 1024 * 1024, 0),
  };
}

function whole(env: NodeJS.ProcessEnv, name: string, fallback: number, least: number): number {
  const text = env[name];
  if (text === undefined || text === '') return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < least) throw new Error(`${name} must be a whole number of at least ${least}, got "${text}"`);
  return value;
}
