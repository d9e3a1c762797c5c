import { resolve, join } from 'node:path';
import { CouncilDisclosure, loadCouncilDisclosureFile } from '@coprod/frameworks/disclosure/council-file';
import { ACCESS_ROLES, isAccessRole } from '@coprod/privacy/access/permissions';

/** Everything the running product is configured with, read once from the environment. */
export interface AppConfig {
  dataDir: string;
  eventsFile: string;
  readModelsFile: string;
  keysFile: string;
  eventStoreConnectionString: string | undefined;
  port: number;
  host: string;
  /** The identity recorded on events written by the CLI, and by the API when `auth` is `local`. */
  localActor: { id: string; role: string; participantId?: string } | undefined;
  /** How the API knows who is asking: bearer tokens, or the local identity (loopback only). */
  auth: 'tokens' | 'local';
  requireTokens: boolean;
  frameworkDirs: string[];
  populationFile: string | undefined;
  suppressionThreshold: number;
  /** The council's disclosure settings (`COPROD_DISCLOSURE_FILE`), laid over every framework's; validated at start. */
  disclosure: { file: string; settings: CouncilDisclosure } | undefined;
  publisher: string;
  /** The web interface's sessions: their file, how long an idle one lasts, and whether its cookie is sent over TLS only. */
  web: { sessionsFile: string; idleMinutes: number; secureCookies: boolean };
  /**
   * When the API sheds load (503 with Retry-After) rather than queueing: more than `maxInFlight`
   * requests being answered at once, more than `maxQueuedCommands` commands waiting for the writer,
   * or requests waiting more than `maxLagMs` before the busy process can read them.
   */
  loadShedding: { maxInFlight: number; maxQueuedCommands: number; maxLagMs: number; retryAfterSeconds: number };
  /** How long a newly issued access token lasts unless its issuer says otherwise, in days. */
  tokenLifetimeDays: number;
  /** The log of who read personal data, when and through which route (an auditor reads it). */
  accessLogFile: string;
}

/** Reads configuration; every setting has a working default for the embedded store. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const dataDir = resolve(env.COPROD_DATA_DIR ?? 'data');
  const envThreshold = Number(env.COPROD_SUPPRESSION_THRESHOLD ?? 5);
  if (!Number.isInteger(envThreshold) || envThreshold < 1) {
    throw new Error(`COPROD_SUPPRESSION_THRESHOLD must be a whole number of at least 1, got "${env.COPROD_SUPPRESSION_THRESHOLD}"`);
  }
  const disclosure = councilDisclosure(env);
  const threshold = disclosureThreshold(env, envThreshold, disclosure);
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, got "${env.PORT}"`);
  const auth = env.COPROD_AUTH ?? 'tokens';
  if (auth !== 'tokens' && auth !== 'local') throw new Error(`COPROD_AUTH must be tokens or local, got "${env.COPROD_AUTH}"`);
  const requireTokens = auth === 'tokens';
  const idleMinutes = Number(env.COPROD_IDLE_MINUTES ?? 30);
  if (!Number.isInteger(idleMinutes) || idleMinutes < 1) throw new Error(`COPROD_IDLE_MINUTES must be a whole number of minutes, got "${env.COPROD_IDLE_MINUTES}"`);
  return {
    dataDir,
    loadShedding: {
      maxInFlight: wholeNumber(env, 'COPROD_MAX_IN_FLIGHT', 128),
      maxQueuedCommands: wholeNumber(env, 'COPROD_MAX_QUEUED_COMMANDS', 256),
      maxLagMs: wholeNumber(env, 'COPROD_MAX_LAG_MS', 1000),
      retryAfterSeconds: wholeNumber(env, 'COPROD_RETRY_AFTER_SECONDS', 1),
    },
    tokenLifetimeDays: wholeNumber(env, 'COPROD_TOKEN_DAYS', 90),
    accessLogFile: resolve(env.COPROD_ACCESS_LOG_FILE ?? join(dataDir, 'access-log.db')),
    eventsFile: resolve(env.COPROD_EVENTS_FILE ?? join(dataDir, 'events.db')),
    readModelsFile: resolve(env.COPROD_READ_MODELS_FILE ?? join(dataDir, 'read-models.db')),
    keysFile: resolve(env.COPROD_KEYS_FILE ?? join(dataDir, 'keys.db')),
    eventStoreConnectionString: env.EVENTSTORE_CONNECTION_STRING || undefined,
    port,
    host: env.HOST ?? '127.0.0.1',
    localActor: {
      id: env.COPROD_ACTOR ?? 'local.officer',
      role: localActorRole(env),
      ...(env.COPROD_ACTOR_PARTICIPANT ? { participantId: env.COPROD_ACTOR_PARTICIPANT } : {}),
    },
    auth,
    requireTokens,
    frameworkDirs: (env.COPROD_FRAMEWORKS_DIR ?? '').split(':').filter(Boolean).map((dir) => resolve(dir)),
    populationFile: env.COPROD_POPULATION_FILE ? resolve(env.COPROD_POPULATION_FILE) : undefined,
    suppressionThreshold: threshold,
    disclosure,
    publisher: env.COPROD_PUBLISHER ?? 'West Berkshire Council',
    web: {
      sessionsFile: resolve(env.COPROD_SESSIONS_FILE ?? join(dataDir, 'sessions.db')),
      idleMinutes,
      secureCookies: env.COPROD_SECURE_COOKIES === 'true',
    },
  };
}

/** The council's disclosure settings file, read and validated now so that a bad file stops the start with its problems named. */
function councilDisclosure(env: NodeJS.ProcessEnv): AppConfig['disclosure'] {
  if (!env.COPROD_DISCLOSURE_FILE) return undefined;
  const file = resolve(env.COPROD_DISCLOSURE_FILE);
  return { file, settings: loadCouncilDisclosureFile(file) };
}

/** The threshold: the council's file sets it, unless COPROD_SUPPRESSION_THRESHOLD says otherwise, which is refused as ambiguous. */
function disclosureThreshold(env: NodeJS.ProcessEnv, envThreshold: number, disclosure: AppConfig['disclosure']): number {
  const fromFile = disclosure?.settings.threshold?.value;
  if (fromFile === undefined) return envThreshold;
  if (env.COPROD_SUPPRESSION_THRESHOLD !== undefined && env.COPROD_SUPPRESSION_THRESHOLD !== '' && envThreshold !== fromFile) {
    throw new Error(
      `COPROD_SUPPRESSION_THRESHOLD is ${envThreshold} but the disclosure settings file ${disclosure!.file} sets threshold.value ${fromFile}; set the threshold in one place`,
    );
  }
  return fromFile;
}

/**
 * The role of the local identity: `administrator` when unset, as before, so commands that need no actor keep working.
 * A role given but not known (a misspelling such as `evaluaton_lead`) stops the start, naming the roles accepted,
 * rather than letting every command run until the first one that records is refused.
 */
function localActorRole(env: NodeJS.ProcessEnv): string {
  const role = env.COPROD_ACTOR_ROLE;
  if (role === undefined) return 'administrator';
  if (!isAccessRole(role)) throw new Error(`COPROD_ACTOR_ROLE must be one of ${ACCESS_ROLES.join(', ')}, got "${role}"`);
  return role;
}

/** A setting that must be a whole number of at least 1, or its default when unset. */
function wholeNumber(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a whole number of at least 1, got "${raw}"`);
  return value;
}

export const APP_CONFIG = Symbol('APP_CONFIG');
