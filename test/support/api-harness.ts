import { INestApplication } from '@nestjs/common';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { createApi } from '../../apps/api/src/main';

/** A real API on real files in a fresh data folder. */
export interface ApiHarness {
  app: INestApplication;
  dataDir: string;
  http: () => ReturnType<typeof request>;
  command: (type: string, body: unknown, headers?: Record<string, string>) => request.Test;
  close: () => Promise<void>;
}

export async function startApiHarness(env: Record<string, string> = {}): Promise<ApiHarness> {
  const dataDir = mkdtempSync(join(tmpdir(), 'coprod-api-'));
  const saved = { ...process.env };
  Object.assign(process.env, { COPROD_DATA_DIR: dataDir, COPROD_EVENTS_FILE: '', COPROD_READ_MODELS_FILE: '', COPROD_KEYS_FILE: '', ...env });
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
