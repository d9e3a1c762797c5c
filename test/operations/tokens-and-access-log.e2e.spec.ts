import Database from 'better-sqlite3';
import request from 'supertest';
import { join } from 'node:path';
import { AccessRole, TOKEN_STORE, TokenStore } from '@coprod/privacy';
import { ApiHarness, energyProject, startApiHarness } from '../support/api-harness';

/** Tokens expire and can be rotated; every read of personal data is logged for the auditor (real API, real files). */
describe('token expiry and rotation, and the access log', () => {
  let api: ApiHarness;
  const tokens = () => api.app.get<TokenStore>(TOKEN_STORE);
  const bearer = async (role: AccessRole, actorId: string) => ({
    Authorization: `Bearer ${(await tokens().issue({ actorId, role, label: 'test' })).token}`,
  });

  beforeEach(async () => {
    api = await startApiHarness({ auth: 'tokens', env: { COPROD_TOKEN_DAYS: '30' } });
  });
  afterEach(() => api.close());

  it('gives a token the configured lifetime, and refuses an expired one with 401 naming when it expired', async () => {
    const lasting = await tokens().issue({ actorId: 'ann.lead', role: 'evaluation_lead', label: 'laptop' });
    expect(Date.parse(lasting.expiresAt) - Date.parse(lasting.issuedAt)).toBe(30 * 24 * 60 * 60 * 1000);
    await api.http().get('/api/projects').set('Authorization', `Bearer ${lasting.token}`).expect(200);

    const brief = await tokens().issue({ actorId: 'ann.lead', role: 'evaluation_lead', label: 'one day', lifetimeMs: 50 });
    await new Promise((r) => setTimeout(r, 80));
    const refused = await api.http().get('/api/projects').set('Authorization', `Bearer ${brief.token}`).expect(401);
    expect(refused.headers['www-authenticate']).toMatch(/error="invalid_token"/);
    expect(refused.body.detail).toBe(`the bearer token expired on ${brief.expiresAt}: ask an administrator for a new one (coprod token rotate)`);
    expect((await tokens().list()).find((t) => t.tokenId === brief.tokenId)?.expiresAt).toBe(brief.expiresAt);
  });

  it('rotates a token: the new one works with the same role, the old one stops at once', async () => {
    const old = await tokens().issue({ actorId: 'bea.recorder', role: 'recorder', label: 'tablet', participantId: 'part-9' });
    const rotated = await tokens().rotate(old.tokenId);
    expect(rotated).toMatchObject({ actorId: 'bea.recorder', role: 'recorder', label: 'tablet', participantId: 'part-9' });
    await api.http().get('/api/projects').set('Authorization', `Bearer ${rotated!.token}`).expect(200);
    const refused = await api.http().get('/api/projects').set('Authorization', `Bearer ${old.token}`).expect(401);
    expect(refused.body.detail).toMatch(/unknown or was revoked/);
    expect(await tokens().rotate(old.tokenId)).toBeUndefined();
  });

  it('ends a web session opened with a token as soon as the token is revoked or expires', async () => {
    const signedIn = async (token: string) => {
      const browser = request.agent(api.app.getHttpServer());
      const form = await browser.get('/sign-in').expect(200);
      const csrf = /name="_csrf" value="([^"]+)"/.exec(form.text)?.[1];
      await browser.post('/sign-in').type('form').send({ _csrf: csrf, token, returnTo: '/projects' }).expect(303).expect('Location', '/projects');
      await browser.get('/projects').expect(200);
      return browser;
    };
    const revoked = await tokens().issue({ actorId: 'ann.lead', role: 'evaluation_lead', label: 'laptop' });
    const browser = await signedIn(revoked.token);
    expect(await tokens().revoke(revoked.tokenId)).toBe(true);
    await browser.get('/projects').expect(303).expect('Location', '/sign-in?returnTo=%2Fprojects');

    const brief = await tokens().issue({ actorId: 'bea.recorder', role: 'recorder', label: 'an hour', lifetimeMs: 1500 });
    const briefly = await signedIn(brief.token);
    await new Promise((r) => setTimeout(r, 1600));
    await briefly.get('/projects').expect(303);

    const kept = await tokens().issue({ actorId: 'cal.viewer', role: 'viewer', label: 'desk' });
    await (await signedIn(kept.token)).get('/projects').expect(200);
  });

  it('logs each read of personal data with who, what, whose, when and the route; the auditor reads the log, others may not', async () => {
    const lead = await bearer('evaluation_lead', 'ann.lead');
    await api.command('RegisterProject', energyProject, lead).expect(201);
    await api
      .command(
        'RegisterParticipant',
        {
          participantId: 'part-1',
          role: 'resident',
          seldomHeardGroups: [],
          preferredFormats: ['paper'],
          personal: { subjectId: 'part-1', fields: { name: 'Ada Ashworth' } },
        },
        lead,
      )
      .expect(201);
    const before = new Date().toISOString();
    await api.http().get('/api/participants/part-1/subject-access').set(lead).expect(200);
    // A refused read showed nothing, so it is not in the log.
    await api
      .http()
      .get('/api/participants/part-1/subject-access')
      .set(await bearer('viewer', 'val.viewer'))
      .expect(403);
    await api
      .http()
      .get('/api/projects/p-energy/reports/case-study?audience=internal_evaluation')
      .set(lead)
      .set('Accept', 'text/markdown')
      .expect(200);
    await api.http().get('/api/projects/p-energy/reports/case-study').set(lead).set('Accept', 'text/markdown').expect(200);
    // The same report read in the web interface, signed in with a token: logged with the page's route.
    const browser = request.agent(api.app.getHttpServer());
    const form = await browser.get('/sign-in').expect(200);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(form.text)?.[1];
    const webLead = await tokens().issue({ actorId: 'ann.lead', role: 'evaluation_lead', label: 'browser' });
    await browser.post('/sign-in').type('form').send({ _csrf: csrf, token: webLead.token, returnTo: '/projects' }).expect(303);
    await browser.get('/projects/p-energy/reports/case-study?audience=internal_evaluation').expect(200);
    await browser.get('/projects/p-energy/reports/case-study').expect(200);

    const auditor = await bearer('auditor', 'aud.one');
    const log = await api.http().get('/api/access-log').set(auditor).expect(200);
    expect(log.body).toEqual([
      {
        at: expect.any(String),
        actorId: 'ann.lead',
        actorRole: 'evaluation_lead',
        what: 'subject access',
        subject: 'part-1',
        route: 'GET /api/participants/:participantId/subject-access',
      },
      {
        at: expect.any(String),
        actorId: 'ann.lead',
        actorRole: 'evaluation_lead',
        what: 'internal-audience report',
        subject: 'p-energy',
        route: 'GET /api/projects/:projectId/reports/case-study?audience=internal_evaluation',
      },
      {
        at: expect.any(String),
        actorId: 'ann.lead',
        actorRole: 'evaluation_lead',
        what: 'internal-audience report',
        subject: 'p-energy',
        route: 'GET /projects/:projectId/reports/case-study?audience=internal_evaluation',
      },
    ]);
    expect(log.body[0].at >= before).toBe(true);
    expect((await api.http().get('/api/access-log?subject=p-energy').set(auditor).expect(200)).body).toHaveLength(2);
    expect((await api.http().get('/api/access-log?since=2999-01-01').set(auditor).expect(200)).body).toEqual([]);
    const invalid = await api.http().get('/api/access-log?since=last-week').set(auditor).expect(400);
    expect(invalid.body.errors).toEqual([expect.objectContaining({ field: 'since' })]);

    for (const role of ['evaluation_lead', 'recorder', 'viewer'] as const) {
      const refused = await api
        .http()
        .get('/api/access-log')
        .set(await bearer(role, `${role}.two`))
        .expect(403);
      expect(refused.body.detail).toMatch(/read_access_log/);
    }

    const db = new Database(join(api.dataDir, 'access-log.db'));
    try {
      expect(() => db.prepare("UPDATE access_log SET actor_id = 'someone.else'").run()).toThrow('the access log is append-only');
      expect(() => db.prepare('DELETE FROM access_log').run()).toThrow('the access log is append-only');
    } finally {
      db.close();
    }
  });
});
