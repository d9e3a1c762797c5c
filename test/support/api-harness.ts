import { INestApplication } from '@nestjs/common';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { AccessRole, TOKEN_STORE, TokenStore } from '@coprod/privacy';
import { createApi } from '../../apps/api/src/main';
import { withoutDeploymentStore } from './deployment-store';

/** A real API on real files in a fresh data folder. */
export interface ApiHarness {
  app: INestApplication;
  dataDir: string;
  http: () => ReturnType<typeof request>;
  command: (type: string, body: unknown, headers?: Record<string, string>) => request.Test;
  /** Issues a bearer token for a role (for an API started with `auth: 'tokens'`); returns the token. */
  issueToken: (role: AccessRole, actorId?: string) => Promise<string>;
  close: () => Promise<void>;
}

/** How to start the harness: `tokens` makes every request need a bearer token, as in production. */
export interface HarnessOptions {
  auth?: 'tokens' | 'local';
  env?: Record<string, string>;
}

/**
 * Starts the API on a fresh data folder. By default it runs with COPROD_AUTH=local (every request is
 * the local administrator); pass `{ auth: 'tokens' }` and use `issueToken(role)` to test access.
 * A plain record is taken as extra environment variables.
 */
export async function startApiHarness(options: Record<string, string> | HarnessOptions = {}): Promise<ApiHarness> {
  const harness: HarnessOptions = 'auth' in options || typeof options.env === 'object' ? (options as HarnessOptions) : { env: options as Record<string, string> };
  const env: Record<string, string> = { COPROD_AUTH: harness.auth ?? 'local', ...harness.env };
  const dataDir = mkdtempSync(join(tmpdir(), 'coprod-api-'));
  const saved = { ...process.env };
  process.env = withoutDeploymentStore(saved, { COPROD_DATA_DIR: dataDir, ...env });
  for (const key of ['COPROD_EVENTS_FILE', 'COPROD_READ_MODELS_FILE', 'COPROD_KEYS_FILE']) if (!env[key]) delete process.env[key];
  const app = await createApi({ logger: false });
  await app.init();
  process.env = saved;
  const http = () => request(app.getHttpServer());
  return {
    app,
    dataDir,
    http,
    command: (type, body, headers = {}) => {
      let req = http().post(`/api/commands/${type}`).set('Content-Type', 'application/json');
      for (const [name, value] of Object.entries(headers)) req = req.set(name, value);
      return req.send(body as object);
    },
    issueToken: async (role, actorId = `${role}.one`) => {
      const issued = await app.get<TokenStore>(TOKEN_STORE).issue({ actorId, role, label: 'test' });
      return issued.token;
    },
    close: async () => {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export const energyProject = {
  projectId: 'p-energy',
  title: 'Community energy guidance note',
  serviceArea: 'Environment',
  aim: 'For residents and the council to develop an introductory guidance note on community energy generation together',
  frameworkId: 'west-berkshire',
  improvementSought: 'Residents can find clear guidance on starting a community energy scheme',
  openToNewMembers: true,
};
