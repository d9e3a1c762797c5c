import { ACCESS_ROLES, AccessRole, can, Permission } from '@coprod/privacy';
import { DeciderRegistry } from '@coprod/application';
import { ApiHarness, energyProject, startApiHarness } from '../support/api-harness';

/** The permission every route needs, as the brief for roles states it. A route missing here fails the matrix. */
const ROUTES: Record<string, Permission | 'public' | 'per command'> = {
  'GET /health': 'public',
  'GET /health/live': 'public',
  'GET /health/ready': 'public',
  'POST /api/commands/:type': 'per command',
  'GET /api/projects': 'read_figures',
  'GET /api/opportunities': 'public',
  'GET /api/projects/:projectId/outcomes': 'read_figures',
  'GET /api/portfolio': 'read_figures',
  'GET /api/history/:kind/:id': 'read_history',
  'GET /api/projects/:projectId/outcomes/:indicatorId/trace': 'read_history',
  'POST /api/verification': 'verify',
  'GET /api/participants/:participantId/subject-access': 'read_personal',
  'GET /api/access-log': 'read_access_log',
  'POST /api/participants/:participantId/erasure': 'erase',
  'GET /api/projects/:projectId/reports/case-study': 'read_reports',
  'GET /api/projects/:projectId/reports/easy-read': 'read_reports',
  'GET /api/decisions/:decisionId/reports/committee': 'read_reports',
  'GET /api/history/:kind/:id/report': 'read_history',
  'GET /api/projects/:projectId/exports/figures': 'read_figures',
  'GET /api/projects/:projectId/exports/record': 'read_figures',
  'GET /api/exports/record': 'read_figures',
};

/**
 * The web interface's pages. Without a session they send people to sign in; with a role that lacks
 * the permission they answer a 403 page naming the role and the permission.
 */
const WEB_ROUTES: Record<string, Permission | 'public'> = {
  'GET /': 'public',
  'GET /cookies': 'public',
  'GET /accessibility': 'public',
  'GET /sign-in': 'public',
  'POST /sign-in': 'public',
  'GET /sign-out': 'public',
  'GET /sign-in/oidc': 'public',
  'GET /sign-in/oidc/callback': 'public',
  'GET /signed-out': 'public',
  'GET /projects': 'read_figures',
  'GET /projects/:projectId': 'read_figures',
  ...WEB_RECORDING_ROUTES(),
  ...WEB_DECISION_ROUTES(),
  ...WEB_OVERSIGHT_ROUTES(),
  ...WEB_IMPORT_ROUTES(),
  ...WEB_STORY_ROUTES(),
};

/** The story of a project, read by anyone who sees its figures, written by those who record; and proposals it did not adopt. */
function WEB_STORY_ROUTES(): Record<string, Permission | 'public'> {
  const project = '/projects/:projectId';
  return {
    [`GET ${project}/story`]: 'read_figures',
    [`GET ${project}/story/:part`]: 'record',
    [`POST ${project}/story/:part`]: 'record',
    [`GET ${project}/story/:part/erase`]: 'erase',
    [`POST ${project}/story/:part/erase`]: 'erase',
    [`GET ${project}/proposals/new`]: 'record',
    [`POST ${project}/proposals/new`]: 'record',
  };
}

/** The upload page for spreadsheets and paper: the permission of the commands it records. */
function WEB_IMPORT_ROUTES(): Record<string, Permission | 'public'> {
  const upload = '/projects/:projectId/import';
  return {
    [`GET ${upload}`]: 'record',
    [`POST ${upload}`]: 'record',
    [`GET ${upload}/:token/check`]: 'record',
    [`POST ${upload}/:token/check`]: 'record',
    [`GET ${upload}/:token/done`]: 'record',
    'GET /projects/:projectId/exports/figures': 'read_figures',
    'GET /projects/:projectId/exports/record': 'read_figures',
  };
}

/** Pages for recording: projects, sessions and registers, people, surveys and measures, corrections. */
function WEB_RECORDING_ROUTES(): Record<string, Permission | 'public'> {
  const project = '/projects/:projectId';
  const session = `${project}/sessions/:activityId`;
  const attendance = `${session}/attendance/:eventId`;
  const person = '/people/:participantId';
  const quote = `${person}/quotes/:quoteId`;
  const both = (path: string, permission: Permission) => ({ [`GET ${path}`]: permission, [`POST ${path}`]: permission });
  return {
    ...both('/new-project', 'manage_projects'),
    ...both(`${project}/outcomes/:outcomeId`, 'manage_projects'),
    ...both(`${project}/stage`, 'record'),
    ...both(`${project}/sessions/new`, 'record'),
    [`POST ${project}/sessions/new/how`]: 'record',
    [`GET ${session}`]: 'read_figures',
    ...both(`${session}/held`, 'record'),
    ...both(`${session}/cancel`, 'record'),
    [`POST ${session}/cancel/confirm`]: 'record',
    ...both(`${session}/register`, 'record'),
    ...both(`${session}/contributions/new`, 'record'),
    ...both(`${attendance}/amend`, 'record'),
    ...both(`${attendance}/void`, 'record'),
    'GET /people': 'read_personal',
    ...both('/people/new', 'record'),
    [`GET ${person}`]: 'read_personal',
    [`GET ${person}/registered`]: 'record',
    ...both(`${person}/profile`, 'record'),
    ...both(`${person}/details`, 'record'),
    ...both(`${person}/quotes/new`, 'record'),
    ...both(`${quote}/consent`, 'record'),
    ...both(`${quote}/withdraw`, 'record'),
    [`POST ${quote}/withdraw/confirm`]: 'record',
    [`GET ${project}/surveys`]: 'read_figures',
    ...both(`${project}/surveys/new`, 'record'),
    [`GET ${project}/measures`]: 'read_figures',
    ...both(`${project}/measures/new`, 'record'),
    ...both(`${project}/measures/:measureId/readings/new`, 'record'),
  };
}

/** Pages for decisions, expenses and reports. */
function WEB_DECISION_ROUTES(): Record<string, Permission | 'public'> {
  const decision = '/projects/:projectId/decisions/:decisionId';
  const influence = `${decision}/influences/new`;
  const claim = '/expenses/:claimId';
  return {
    'GET /projects/:projectId/decisions/new': 'record',
    'POST /projects/:projectId/decisions/new': 'record',
    [`GET ${decision}`]: 'read_figures',
    [`GET ${influence}`]: 'record',
    [`POST ${influence}`]: 'record',
    [`GET ${influence}/words`]: 'record',
    [`POST ${influence}/words`]: 'record',
    [`GET ${influence}/levels`]: 'record',
    [`POST ${influence}/levels`]: 'record',
    [`GET ${influence}/check`]: 'record',
    [`POST ${influence}/check`]: 'record',
    [`GET ${decision}/proposals/new`]: 'record',
    [`POST ${decision}/proposals/new`]: 'record',
    [`GET ${decision}/commitments/new`]: 'record',
    [`POST ${decision}/commitments/new`]: 'record',
    [`GET ${decision}/commitments/:commitmentId/met`]: 'record',
    [`POST ${decision}/commitments/:commitmentId/met`]: 'record',
    'GET /expenses': 'approve_expenses',
    'GET /projects/:projectId/expenses': 'read_figures',
    'GET /projects/:projectId/expenses/new': 'record',
    'POST /projects/:projectId/expenses/new': 'record',
    [`GET ${claim}`]: 'read_figures',
    [`POST ${claim}/approve`]: 'approve_expenses',
    [`GET ${claim}/reject`]: 'approve_expenses',
    [`POST ${claim}/reject`]: 'approve_expenses',
    [`GET ${claim}/withdraw-approval`]: 'approve_expenses',
    [`POST ${claim}/withdraw-approval`]: 'approve_expenses',
    [`GET ${claim}/pay`]: 'pay_expenses',
    [`POST ${claim}/pay`]: 'pay_expenses',
    [`GET ${claim}/pay/check`]: 'pay_expenses',
    [`POST ${claim}/pay/check`]: 'pay_expenses',
    [`GET ${claim}/reverse-payment`]: 'pay_expenses',
    [`POST ${claim}/reverse-payment`]: 'pay_expenses',
    'GET /projects/:projectId/reports': 'read_reports',
    'GET /projects/:projectId/reports/case-study': 'read_reports',
    'GET /projects/:projectId/reports/easy-read': 'read_reports',
    [`GET ${decision}/committee-report`]: 'read_reports',
    'GET /reports/history/:kind/:id': 'read_history',
  };
}

/** Pages for auditors, administrators and the public. */
function WEB_OVERSIGHT_ROUTES(): Record<string, Permission | 'public'> {
  return {
    'GET /audit': 'read_history',
    'GET /audit/history/:kind/:id': 'read_history',
    'GET /audit/projects/:projectId/trace/:indicatorId': 'read_history',
    'GET /audit/verification': 'verify',
    'POST /audit/verification': 'verify',
    'POST /audit/verification/checkpoint': 'verify',
    'GET /people/:participantId/subject-access': 'read_personal',
    'GET /people/:participantId/subject-access/markdown': 'read_personal',
    'GET /people/:participantId/subject-access/json': 'read_personal',
    'GET /people/:participantId/erasure': 'erase',
    'POST /people/:participantId/erasure': 'erase',
    'GET /people/:participantId/erasure/check': 'erase',
    'POST /people/:participantId/erasure/check': 'erase',
    'GET /people/:participantId/erasure/done': 'erase',
    'GET /tokens': 'manage_tokens',
    'GET /tokens/new': 'manage_tokens',
    'POST /tokens/new': 'manage_tokens',
    'GET /tokens/:tokenId/issued': 'manage_tokens',
    'GET /tokens/:tokenId/revoke': 'manage_tokens',
    'POST /tokens/:tokenId/revoke': 'manage_tokens',
    'GET /opportunities': 'public',
    'GET /you-said-we-did/:projectId': 'public',
  };
}

/** Routes added later under these prefixes need these permissions. */
const PREFIXES: [RegExp, Permission][] = [[/^\/api\/reports\b/, 'read_reports']];

const COMMANDS_NEEDING: Record<string, Permission> = {
  ApproveExpense: 'approve_expenses',
  RejectExpense: 'approve_expenses',
  PayExpense: 'pay_expenses',
  WithdrawExpenseApproval: 'approve_expenses',
  ReverseExpensePayment: 'pay_expenses',
  EraseParticipant: 'erase',
  EraseProjectStoryWords: 'erase',
  RegisterProject: 'manage_projects',
  ChangeProjectFramework: 'manage_projects',
  CloseProject: 'manage_projects',
  TailorOutcome: 'manage_projects',
};

const SAMPLE_PARAMS: Record<string, string> = {
  projectId: 'p-energy',
  indicatorId: 'hours_by_role',
  kind: 'project',
  id: 'p-energy',
  participantId: 'part-404',
  decisionId: 'd-404',
};

/** The OpenAPI document and Swagger UI are served outside the guard, public by design. */
const isDocumentation = (path: string) => path === '/api/openapi.json' || path.startsWith('/api/docs');

interface Probe {
  method: 'get' | 'post';
  route: string;
  url: string;
  permission: Permission;
  web: boolean;
}

describe('every route against every role (tokens, real API)', () => {
  let api: ApiHarness;
  const tokens = {} as Record<AccessRole, string>;

  beforeAll(async () => {
    api = await startApiHarness({ auth: 'tokens' });
    for (const role of ACCESS_ROLES) tokens[role] = await api.issueToken(role);
    await api.command('RegisterProject', energyProject, { Authorization: `Bearer ${tokens.administrator}` }).expect(201);
  });
  afterAll(() => api.close());

  /** Every route the Nest router serves, read from Express itself so none can be left out. */
  function routes(): { method: 'get' | 'post'; path: string }[] {
    const express = api.app.getHttpAdapter().getInstance();
    const stack = (express.router ?? express._router).stack as { route?: { path: string; methods: Record<string, boolean> } }[];
    return stack.flatMap((layer) =>
      layer.route ? Object.keys(layer.route.methods).map((method) => ({ method: method as 'get' | 'post', path: layer.route!.path })) : [],
    );
  }

  function probes(): { probes: Probe[]; unlisted: string[]; publicRoutes: string[] } {
    const commandTypes = api.app.get(DeciderRegistry).commandTypes();
    const result: Probe[] = [];
    const unlisted: string[] = [];
    const publicRoutes: string[] = [];
    for (const { method, path } of routes()) {
      if (isDocumentation(path)) continue;
      const route = `${method.toUpperCase()} ${path}`;
      const web = !/^\/(api|health)(\/|$)/.test(path);
      const rule = web ? WEB_ROUTES[route] : (ROUTES[route] ?? PREFIXES.find(([prefix]) => prefix.test(path))?.[1]);
      if (rule === undefined) unlisted.push(route);
      else if (rule === 'public') publicRoutes.push(`${web ? 'web ' : ''}${path}`);
      else if (rule === 'per command') {
        for (const type of commandTypes) {
          result.push({ method, route: `${route} (${type})`, url: `/api/commands/${type}`, permission: COMMANDS_NEEDING[type] ?? 'record', web });
        }
      } else {
        const url = path.replace(/:(\w+)/g, (_, name: string) => SAMPLE_PARAMS[name] ?? 'x-1');
        result.push({ method, route, url, permission: rule, web });
      }
    }
    return { probes: result, unlisted, publicRoutes };
  }

  const send = (probe: Probe, headers: Record<string, string> = {}) => {
    let req = api.http()[probe.method](probe.url);
    for (const [name, value] of Object.entries(headers)) req = req.set(name, value);
    return probe.method === 'post' ? req.set('Content-Type', 'application/json').send({}) : req;
  };

  it('lists every route the API serves in the matrix', () => {
    const { probes: all, unlisted } = probes();
    expect(unlisted).toEqual([]);
    expect(all.length).toBeGreaterThan(40);
  });

  it('refuses every non-public route without a token: 401 problem details with WWW-Authenticate: Bearer', async () => {
    const failures: string[] = [];
    for (const probe of probes().probes) {
      const response = await send(probe);
      if (probe.web) {
        if (probe.method === 'get' && (response.status !== 303 || !String(response.headers.location).startsWith('/sign-in'))) failures.push(`${probe.route}: ${response.status}, not sent to sign in`);
        if (probe.method === 'post' && response.status !== 403) failures.push(`${probe.route}: ${response.status} for a form without a session`);
        continue;
      }
      if (response.status !== 401 || !/^Bearer/.test(response.headers['www-authenticate'] ?? '') || !/problem\+json/.test(response.headers['content-type'])) {
        failures.push(`${probe.route}: ${response.status} ${response.headers['www-authenticate'] ?? '(no WWW-Authenticate)'}`);
      }
    }
    expect(failures).toEqual([]);
  }, 120_000);

  it('answers 403 naming the role and the missing permission to every role that lacks it, and lets every role that has it through', async () => {
    const failures: string[] = [];
    for (const probe of probes().probes) {
      for (const role of ACCESS_ROLES) {
        const response = await send(probe, { Authorization: `Bearer ${tokens[role]}` });
        if (can(role, probe.permission)) {
          if (response.status === 401 || response.status === 403) failures.push(`${probe.route} as ${role}: ${response.status} ${response.body.detail}`);
        } else if (response.status !== 403 || !(response.body.detail ?? response.text)?.includes(role) || !(response.body.detail ?? response.text)?.includes(probe.permission)) {
          failures.push(`${probe.route} as ${role}: expected 403 naming ${role} and ${probe.permission}, got ${response.status} ${response.body.detail ?? ''}`);
        }
      }
    }
    expect(failures).toEqual([]);
  }, 180_000);

  it('keeps the health check, the list of opportunities and the OpenAPI document public', async () => {
    const { publicRoutes } = probes();
    expect(publicRoutes.filter((path) => !path.startsWith('web ')).sort()).toEqual(['/api/opportunities', '/health', '/health/live', '/health/ready']);
    await api.http().get('/health').expect(200);
    await api.http().get('/health/live').expect(200);
    await api.http().get('/health/ready').expect(200);
    await api.http().get('/api/opportunities').expect(200);
    const document = await api.http().get('/api/openapi.json').expect(200);
    expect(Object.keys(document.body.paths)).toEqual(expect.arrayContaining(['/api/history/{kind}/{id}', '/api/participants/{participantId}/erasure']));
  });

  it('refuses an unknown, a malformed and a revoked token with 401 invalid_token', async () => {
    const revoked = await api.issueToken('viewer', 'viewer.revoked');
    await api.http().get('/api/projects').set('Authorization', `Bearer ${revoked}`).expect(200);
    const store = api.app.get<import('@coprod/privacy').TokenStore>(require('@coprod/privacy').TOKEN_STORE);
    const listed = await store.list();
    await store.revoke(listed.find((t) => t.actorId === 'viewer.revoked')!.tokenId);
    for (const header of [`Bearer ${revoked}`, `Bearer ${tokens.viewer.slice(0, -2)}xx`, 'Bearer not-a-token', `Basic ${tokens.viewer}`]) {
      const response = await api.http().get('/api/projects').set('Authorization', header).expect(401);
      expect(response.headers['www-authenticate']).toBe('Bearer realm="coprod", error="invalid_token"');
      expect(response.body).toMatchObject({ status: 401, title: 'Unauthorised' });
    }
  });

  it('shows an auditor history and verification but lets them write nothing', async () => {
    const auth = { Authorization: `Bearer ${tokens.auditor}` };
    const history = await api.http().get('/api/history/project/p-energy').set(auth).expect(200);
    expect(history.body.events[0]).toMatchObject({ type: 'ProjectRegistered', actor: 'administrator.one', role: 'administrator' });
    const verified = await api.http().post('/api/verification').set(auth).expect(200);
    expect(verified.body).toMatchObject({ ok: true, count: 1 });
    const refused = await api.command('MoveProjectToStage', { projectId: 'p-energy', stage: 'co_design', movedOn: '2026-03-01' }, auth).expect(403);
    expect(refused.body.detail).toMatch(/auditor\.one has the role auditor, which lacks the permission record/);
  });
});

describe('segregation of duties through HTTP, with two tokens', () => {
  let api: ApiHarness;
  afterAll(() => api.close());

  it('refuses approval and payment by the person who recorded the claim and payment by the approver, accepts a third lead, and records who did what', async () => {
    api = await startApiHarness({ auth: 'tokens' });
    const first = { Authorization: `Bearer ${await api.issueToken('evaluation_lead', 'lead.first')}` };
    const second = { Authorization: `Bearer ${await api.issueToken('evaluation_lead', 'lead.second')}` };
    const third = { Authorization: `Bearer ${await api.issueToken('evaluation_lead', 'lead.third')}` };
    await api.command('RegisterProject', energyProject, first).expect(201);
    await api
      .command('RegisterParticipant', { participantId: 'part-1', role: 'carer', seldomHeardGroups: [], preferredFormats: ['phone'], personal: { subjectId: 'part-1', fields: { name: 'Elspeth Quarrie' } } }, first)
      .expect(201);
    await api
      .command('ClaimExpense', { claimId: 'exp-1', projectId: 'p-energy', participantId: 'part-1', category: 'care_cover', amountPence: 3600, description: 'Sitter, 3 hours', claimedOn: '2026-02-11T10:00:00.000Z' }, first)
      .expect(201);

    const ownApproval = await api.command('ApproveExpense', { claimId: 'exp-1', approvedOn: '2026-02-12T10:00:00.000Z' }, first).expect(403);
    expect(ownApproval.body.detail).toBe('segregation of duties: lead.first recorded claim exp-1 and cannot approve it');
    await api.command('ApproveExpense', { claimId: 'exp-1', approvedOn: '2026-02-12T10:00:00.000Z' }, second).expect(201);
    const payment = { claimId: 'exp-1', paidOn: '2026-02-20T10:00:00.000Z', amountPence: 3600, method: 'bank_transfer', reference: 'WB-1' };
    const ownPayment = await api.command('PayExpense', payment, first).expect(403);
    expect(ownPayment.body.detail).toMatch(/lead\.first recorded claim exp-1 and cannot pay it/);
    const approverPays = await api.command('PayExpense', payment, second).expect(403);
    expect(approverPays.body.detail).toMatch(/lead\.second approved claim exp-1 .* and cannot also pay it; a second person pays/);
    await api.command('PayExpense', payment, third).expect(201);

    const history = await api.http().get('/api/history/expense/exp-1').set(second).expect(200);
    expect(history.body.events.map((e: { type: string; actor: string; role: string }) => `${e.type} ${e.actor} ${e.role}`)).toEqual([
      'ExpenseClaimed lead.first evaluation_lead',
      'ExpenseApproved lead.second evaluation_lead',
      'ExpensePaid lead.third evaluation_lead',
    ]);
  });
});
