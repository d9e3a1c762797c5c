import type { Locator, Page } from 'playwright-core';
import { energyProject } from '../support/api-harness';
import { accessibilityProblems, describeInBrowser, openWebBrowser, screenshot, WebBrowser } from './support/web-browser';

/** Eleven people registered before the first session; a twelfth is added on the spot. */
const PEOPLE = ['Aisha Khan', 'Ben Carter', 'Chloe Evans', 'Dev Patel', 'Ellen Moss', 'Femi Adeyemi', 'Gwen Price', 'Hamid Rahman', 'Iris Novak', 'Jack Turner', 'Kasia Nowak'];
const idOf = (name: string) => `part-${name.split(' ')[0].toLowerCase()}`;

describeInBrowser('recording: projects, sessions, registers, people, quotes, surveys, measures and corrections (real server, real Chromium)', () => {
  let web: WebBrowser;
  const tokens: Record<string, string> = {};
  const lead = () => ({ Authorization: `Bearer ${tokens.lead}` });

  beforeAll(async () => {
    web = await openWebBrowser({ auth: 'tokens' });
    web.page.setDefaultTimeout(60_000);
    tokens.lead = await web.api.issueToken('evaluation_lead', 'ann.lead');
    tokens.recorder = await web.api.issueToken('recorder', 'rob.recorder');
    tokens.viewer = await web.api.issueToken('viewer', 'vic.viewer');
    tokens.auditor = await web.api.issueToken('auditor', 'aud.auditor');
    await web.api.command('RegisterProject', energyProject, lead()).expect(201);
    for (const name of PEOPLE) {
      const participantId = idOf(name);
      await web.api
        .command('RegisterParticipant', { participantId, role: name === 'Dev Patel' ? 'carer' : 'resident', seldomHeardGroups: [], preferredFormats: [], personal: { subjectId: participantId, fields: { name } } }, lead())
        .expect(201);
    }
  }, 180_000);
  afterAll(() => web?.close());

  const signIn = async (token: string, page: Page = web.page) => {
    await page.context().clearCookies();
    await page.goto(`${web.base}/sign-in`);
    await page.getByLabel('Access token').fill(token);
    await clickAndLoad(page.getByRole('button', { name: 'Sign in' }));
  };
  const path = (page: Page = web.page) => new URL(page.url()).pathname;
  const errorList = async (page: Page = web.page) => {
    await page.locator('.govuk-error-summary').waitFor();
    return (await page.locator('.govuk-error-summary__list a').allTextContents()).map((t) => t.trim());
  };
  const errorLinks = async (page: Page = web.page) => page.locator('.govuk-error-summary__list a').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
  const banner = async (page: Page = web.page) => ((await page.locator('.govuk-notification-banner').textContent()) ?? '').replace(/\s+/g, ' ').trim();
  const history = async (kind: string, id: string): Promise<string[]> => {
    const response = await web.api.http().get(`/api/history/${kind}/${id}`).set('Authorization', `Bearer ${tokens.auditor}`);
    return response.status === 404 ? [] : (response.body.events as { type: string }[]).map((e) => e.type);
  };
  const heldSession = async (activityId: string, title: string, durationMinutes = 120) => {
    await web.api
      .command(
        'PlanActivity',
        { activityId, projectId: energyProject.projectId, title, activityType: 'workshop', stage: 'co_planning', format: 'in_person', plannedFor: '2026-03-10T10:00:00Z', ladderLevel: 'co_design' },
        lead(),
      )
      .expect(201);
    await web.api.command('HoldActivity', { activityId, heldOn: '2026-03-10T10:00:00Z', durationMinutes, ladderLevel: 'co_design' }, lead()).expect(201);
  };
  const attend = (activityId: string, participantId: string, minutes = 120) =>
    web.api.command('RecordAttendance', { activityId, participantId, minutes, capacity: 'member', format: 'in_person' }, lead()).expect(201);
  const registerPath = (activityId: string) => `/projects/${energyProject.projectId}/sessions/${activityId}/register`;
  const sessionPath = (activityId: string) => `/projects/${energyProject.projectId}/sessions/${activityId}`;

  it('an evaluation lead registers a project, plans and holds a session, takes a register of 12 including one added on the spot, and sees the figures change', async () => {
    await signIn(tokens.lead);
    await web.visit('/projects');
    await clickAndLoad(web.page.getByRole('button', { name: 'Register a project' }));
    expect(await web.page.textContent('h1')).toBe('Register a project');
    expect(await accessibilityProblems(web.page)).toEqual([]);
    await clickAndLoad(web.page.getByRole('button', { name: 'Register the project' }));
    expect(await web.page.title()).toMatch(/^Error: Register a project/);
    expect(await errorList()).toEqual([
      'Enter the title of the project',
      'Enter the service area the project belongs to',
      'Enter what the project sets out to do',
      'Enter the improvement the project seeks',
      'Select yes if new members can still join',
    ]);
    expect(await accessibilityProblems(web.page)).toEqual([]);
    await web.page.getByLabel('Title', { exact: true }).fill('Warm homes advice');
    await web.page.getByLabel('Service area').fill('Housing');
    await web.page.getByLabel('What the project sets out to do').fill('Write, with residents, advice on keeping homes warm for less');
    await web.page.getByLabel('The improvement it seeks').fill('Fewer households in cold homes ask for crisis help');
    await web.page.getByLabel('Yes', { exact: true }).check();
    await clickAndLoad(web.page.getByRole('button', { name: 'Register the project' }));
    expect(path()).toMatch(/^\/projects\/p-warm-homes-advice-[0-9a-f]{6}$/);
    const projectHref = path();
    expect(await web.page.textContent('h1')).toBe('Warm homes advice');
    expect(await banner()).toContain('Project registered: Warm homes advice');
    expect(await web.page.textContent('main')).toContain('0 people took part in at least one session.');

    await clickAndLoad(web.page.getByRole('link', { name: 'Plan a session' }));
    expect(await accessibilityProblems(web.page)).toEqual([]);
    await web.page.locator('#plannedFor-day').fill('30');
    await web.page.locator('#plannedFor-month').fill('2');
    await clickAndLoad(web.page.getByRole('button', { name: 'Continue' }));
    expect(await errorList()).toEqual(['Enter a title people will recognise', 'Select the kind of session', 'The date the session is planned for must include a year']);
    expect(await errorLinks()).toEqual(['#title', '#activityType', '#plannedFor-year']);
    expect(await web.page.locator('#plannedFor-year').getAttribute('class')).toContain('govuk-input--error');
    expect(await web.page.locator('#plannedFor-day').getAttribute('class')).not.toContain('govuk-input--error');
    expect(await accessibilityProblems(web.page)).toEqual([]);
    await web.page.getByLabel('Title', { exact: true }).fill('Design workshop: what the advice should cover');
    await web.page.getByLabel('Workshop', { exact: true }).check();
    await web.page.locator('#plannedFor-year').fill('2026');
    await clickAndLoad(web.page.getByRole('button', { name: 'Continue' }));
    expect(await errorList()).toEqual(['Date planned is not a day in the calendar: February 2026 has 28 days']);
    await web.page.locator('#plannedFor-day').fill('10');
    await web.page.locator('#plannedFor-month').fill('3');
    await web.page.getByLabel('Start time (optional)').fill('10:00');
    await clickAndLoad(web.page.getByRole('button', { name: 'Continue' }));
    expect(await web.page.textContent('h1')).toBe('How the session is run');
    expect(await web.page.locator('.govuk-summary-list').textContent()).toContain('10 March 2026, 10:00');
    await clickAndLoad(web.page.getByRole('button', { name: 'Plan the session' }));
    expect(await errorList()).toEqual(['Select how the session is run', 'Select the level of co-production the session aims for']);
    expect(await accessibilityProblems(web.page)).toEqual([]);
    await clickAndLoad(web.page.getByRole('link', { name: 'Change the session' }));
    expect(await web.page.inputValue('#title')).toBe('Design workshop: what the advice should cover');
    expect(await web.page.getByLabel('Workshop', { exact: true }).isChecked()).toBe(true);
    await clickAndLoad(web.page.getByRole('button', { name: 'Continue' }));
    await web.page.getByLabel('In person', { exact: true }).check();
    await web.page.getByLabel('Co-design', { exact: true }).last().check();
    await clickAndLoad(web.page.getByRole('button', { name: 'Plan the session' }));
    expect(await web.page.textContent('h1')).toBe('Design workshop: what the advice should cover');
    expect(await banner()).toContain('Session planned');
    expect(await web.page.locator('.govuk-tag').first().textContent()).toContain('Planned');
    expect(await web.page.locator('.govuk-summary-list').textContent()).toContain('10 March 2026, 10:00');

    await clickAndLoad(web.page.getByRole('button', { name: 'Record that it was held' }));
    expect(await web.page.inputValue('#heldOn-day')).toBe('10');
    expect(await web.page.inputValue('#time')).toBe('10:00');
    await clickAndLoad(web.page.getByRole('button', { name: 'Record that it was held' }));
    expect(await errorList()).toEqual(['Enter how long the session ran, in minutes']);
    expect(await accessibilityProblems(web.page)).toEqual([]);
    await web.page.getByLabel('How long it ran, in minutes').fill('180');
    await clickAndLoad(web.page.getByRole('button', { name: 'Record that it was held' }));
    expect(await banner()).toContain('was held');

    await clickAndLoad(web.page.getByRole('button', { name: 'Take the register' }));
    expect(await web.page.textContent('h1')).toBe('Take the register');
    expect(await accessibilityProblems(web.page)).toEqual([]);
    for (const name of PEOPLE) await web.page.getByLabel(`${name} took part`, { exact: true }).check();
    await web.page.getByLabel('Minutes Ben Carter took part for').fill('120');
    await web.page.getByLabel("Ben Carter's row is typed up from a paper sheet").check();
    await web.page.getByLabel('Their name').fill('Lena Ortiz');
    await web.page.getByLabel('Their role').selectOption({ label: 'Resident' });
    await clickAndLoad(web.page.getByRole('button', { name: 'Add this person to the register' }));
    expect(await banner()).toContain('Lena Ortiz is registered and ticked on the register below');
    expect(await web.page.getByLabel('Lena Ortiz took part', { exact: true }).isChecked()).toBe(true);
    for (const name of PEOPLE) expect(await web.page.getByLabel(`${name} took part`, { exact: true }).isChecked()).toBe(true);
    expect(await web.page.inputValue('input[id^="minutes-"][value="120"]')).toBe('120');
    expect(await web.page.getByLabel("Ben Carter's row is typed up from a paper sheet").isChecked()).toBe(true);
    await screenshot(web.page, 'recording-register', true);
    await clickAndLoad(web.page.getByRole('button', { name: 'Record the register' }));

    expect(await banner()).toContain('12 people recorded on the register');
    const rows = web.page.locator('table').first().locator('tbody tr');
    expect(await rows.count()).toBe(12);
    expect(await web.page.textContent('main')).toContain('12 people took part, for 35 hours in all.');
    expect(await rows.filter({ hasText: 'Lena Ortiz' }).count()).toBe(1);
    expect(await accessibilityProblems(web.page)).toEqual([]);
    await screenshot(web.page, 'recording-session', true);

    const activityId = path().split('/').pop()!;
    const types = await history('activity', activityId);
    expect(types.filter((t) => t === 'AttendanceRecorded')).toHaveLength(12);
    const paper = await web.api.http().get(`/api/history/activity/${activityId}`).set('Authorization', `Bearer ${tokens.auditor}`);
    expect((paper.body.events as { source: string }[]).filter((e) => e.source === 'paper')).toHaveLength(1);

    await web.visit(projectHref);
    expect(await web.page.textContent('main')).toContain('12 people took part in at least one session.');
    expect(await web.page.textContent('main')).toContain('12 people gave 35 hours to the project across 1 session.');
    await screenshot(web.page, 'recording-project', true);
  }, 360_000);

  it('refuses a register with bad minutes, naming the person and the field, and stores nothing; a register sent twice records once', async () => {
    await heldSession('act-refusals', 'Refusals workshop', 60);
    await signIn(tokens.lead);
    await web.visit(registerPath('act-refusals'));
    await clickAndLoad(web.page.getByRole('button', { name: 'Record the register' }));
    expect(await errorList()).toEqual(['Select the people who took part']);
    expect(await accessibilityProblems(web.page)).toEqual([]);

    await web.page.getByLabel('Aisha Khan took part', { exact: true }).check();
    await web.page.getByLabel('Chloe Evans took part', { exact: true }).check();
    await web.page.getByLabel('Minutes Chloe Evans took part for').fill('most of it');
    await clickAndLoad(web.page.getByRole('button', { name: 'Record the register' }));
    expect(await web.page.title()).toMatch(/^Error: Register for Refusals workshop/);
    expect(await errorList()).toEqual(['Minutes for Chloe Evans must be a whole number of minutes']);
    const [href] = await errorLinks();
    expect(await web.page.locator(href!).inputValue()).toBe('most of it');
    expect(await web.page.getByLabel('Aisha Khan took part', { exact: true }).isChecked()).toBe(true);
    expect(await accessibilityProblems(web.page)).toEqual([]);
    await screenshot(web.page, 'recording-register-errors', true);
    expect(await history('activity', 'act-refusals')).not.toContain('AttendanceRecorded');

    await web.page.getByLabel('Aisha Khan took part', { exact: true }).uncheck();
    await web.page.getByLabel('Minutes Chloe Evans took part for').fill('500');
    await clickAndLoad(web.page.getByRole('button', { name: 'Record the register' }));
    expect((await errorList())[0]).toMatch(/^Chloe Evans: Attendance of 500 minutes is more than .* lasted \(60 minutes/);
    expect((await errorLinks())[0]).toMatch(/^#minutes-\d+$/);
    expect(await history('activity', 'act-refusals')).not.toContain('AttendanceRecorded');

    await web.page.getByLabel('Minutes Chloe Evans took part for').fill('60');
    await web.page.getByLabel('Aisha Khan took part', { exact: true }).check();
    const form = (await web.page.evaluate("Object.fromEntries(new FormData(document.querySelector('#register')))")) as Record<string, string>;
    for (let i = 0; i < 2; i += 1) {
      const sent = await web.page.request.post(`${web.base}${registerPath('act-refusals')}`, { form: { ...form, action: 'record' }, maxRedirects: 0 });
      expect(sent.status()).toBe(303);
    }
    expect((await history('activity', 'act-refusals')).filter((t) => t === 'AttendanceRecorded')).toHaveLength(2);
  }, 270_000);

  it('takes the register of 12, one added on the spot, with JavaScript switched off', async () => {
    await heldSession('act-nojs', 'Evening meeting', 90);
    const nojs = await web.withoutJavaScript();
    nojs.page.setDefaultTimeout(60_000);
    try {
      await signIn(tokens.lead, nojs.page);
      await nojs.page.goto(`${web.base}${sessionPath('act-nojs')}`);
      await clickAndLoad(nojs.page.getByRole('button', { name: 'Take the register' }));
      for (const name of PEOPLE) await nojs.page.getByLabel(`${name} took part`, { exact: true }).check();
      await nojs.page.getByLabel('Their name').fill('Moses Ade');
      await nojs.page.getByLabel('Their role').selectOption({ label: 'Carer' });
      await clickAndLoad(nojs.page.getByRole('button', { name: 'Add this person to the register' }));
      expect(await nojs.page.getByLabel('Moses Ade took part', { exact: true }).isChecked()).toBe(true);
      expect(await nojs.page.getByLabel('Kasia Nowak took part', { exact: true }).isChecked()).toBe(true);
      await clickAndLoad(nojs.page.getByRole('button', { name: 'Record the register' }));
      expect(await banner(nojs.page)).toContain('12 people recorded on the register');
      expect(await nojs.page.textContent('main')).toContain('12 people took part, for 18 hours in all.');
    } finally {
      await nojs.close();
    }
  }, 270_000);

  it('takes the register of 12, one added on the spot, with the keyboard alone', async () => {
    await heldSession('act-keys', 'Keyboard workshop', 60);
    const page = web.page;
    await page.context().clearCookies();
    await page.goto(`${web.base}/sign-in?returnTo=${encodeURIComponent(sessionPath('act-keys'))}`);
    await tabTo(page, '#token');
    await page.keyboard.type(tokens.lead);
    await page.keyboard.press('Enter');
    await page.waitForURL(`**${sessionPath('act-keys')}`);
    await tabTo(page, `a[href="${sessionPath('act-keys')}/register"]`);
    await page.keyboard.press('Enter');
    await page.waitForURL(`**${registerPath('act-keys')}`);
    for (const name of PEOPLE) {
      await tabTo(page, `#${await page.getByLabel(`${name} took part`, { exact: true }).getAttribute('id')}`);
      await page.keyboard.press('Space');
    }
    await tabTo(page, '#newName');
    await page.keyboard.type('Nia Okafor');
    await page.keyboard.press('Tab');
    await page.keyboard.press('ArrowDown');
    await tabTo(page, 'button[value="add-person"]');
    await page.keyboard.press('Enter');
    await page.waitForSelector('.govuk-notification-banner');
    expect(await page.getByLabel('Nia Okafor took part', { exact: true }).isChecked()).toBe(true);
    await tabTo(page, 'button[value="record"]');
    await page.keyboard.press('Enter');
    await page.waitForURL(`**${sessionPath('act-keys')}`);
    expect(await banner()).toContain('12 people recorded on the register');
    expect((await history('activity', 'act-keys')).filter((t) => t === 'AttendanceRecorded')).toHaveLength(12);
  }, 360_000);

  it('shows each role only what it may do: a recorder sees references not names and cannot register projects; a viewer cannot take a register', async () => {
    await heldSession('act-roles', 'Roles workshop', 60);
    await attend('act-roles', 'part-aisha');
    await signIn(tokens.recorder);
    await web.visit(registerPath('act-roles'));
    expect(await web.page.textContent('main')).toContain('Names are not shown because your role (recorder)');
    expect(await web.page.textContent('main')).not.toContain('Aisha Khan');
    expect(await web.page.getByLabel('part-ben took part', { exact: true }).count()).toBe(1);
    expect(await accessibilityProblems(web.page)).toEqual([]);
    await web.visit('/new-project');
    expect(await web.page.textContent('h1')).toBe('You do not have access to this page');
    expect(await web.page.textContent('main')).toMatch(/rob\.recorder has the role recorder, which lacks the permission manage_projects/);
    await web.visit('/projects');
    expect(await web.page.getByRole('button', { name: 'Register a project' }).count()).toBe(0);

    await signIn(tokens.viewer);
    await web.visit(sessionPath('act-roles'));
    expect(await web.page.textContent('main')).toContain('Names are not shown because your role (viewer)');
    expect(await web.page.textContent('main')).not.toContain('Aisha Khan');
    expect(await accessibilityProblems(web.page)).toEqual([]);
    expect(await web.page.getByRole('button', { name: 'Take the register' }).count()).toBe(0);
    expect(await web.page.getByRole('link', { name: /^Amend/ }).count()).toBe(0);
    await web.visit(registerPath('act-roles'));
    expect(await web.page.textContent('h1')).toBe('You do not have access to this page');
    expect(await web.page.textContent('main')).toContain('lacks the permission record');
  }, 270_000);

  it('registers a person with their details, shows them only to roles that may read them, and changes their profile and details', async () => {
    await signIn(tokens.lead);
    await web.visit('/people/new');
    expect(await accessibilityProblems(web.page)).toEqual([]);
    await web.page.getByLabel('Name', { exact: true }).fill('Olu Bankole');
    await web.page.getByLabel('Email address (optional)').fill('not an email');
    await clickAndLoad(web.page.getByRole('button', { name: 'Register the person' }));
    expect(await errorList()).toEqual(['Select the role the person takes part in']);
    await web.page.getByLabel('Family member').check();
    await clickAndLoad(web.page.getByRole('button', { name: 'Register the person' }));
    expect(await errorList()).toEqual(['Email address must be an e-mail address, like name@example.org']);
    expect(await errorLinks()).toEqual(['#email']);
    expect(await accessibilityProblems(web.page)).toEqual([]);
    expect((await web.page.locator('#email-error').textContent())?.trim()).toContain('Email address must be an e-mail address');
    await web.page.getByLabel('Email address (optional)').fill('olu@example.org');
    await web.page.getByLabel('Residents of rural areas').check();
    await web.page.getByLabel('By phone').check();
    await clickAndLoad(web.page.getByRole('button', { name: 'Register the person' }));
    expect(await web.page.textContent('.govuk-panel')).toMatch(/Their reference is\s*part-[0-9a-f]{6}/);
    const reference = (await web.page.locator('.govuk-panel strong').textContent())!;
    expect(await accessibilityProblems(web.page)).toEqual([]);
    await clickAndLoad(web.page.getByRole('link', { name: 'See their record' }));
    expect(await web.page.textContent('h1')).toBe('Olu Bankole');
    expect(await web.page.textContent('main')).toContain('olu@example.org');
    expect(await web.page.textContent('main')).toContain('Residents of rural areas');
    expect(await accessibilityProblems(web.page)).toEqual([]);
    await screenshot(web.page, 'recording-person', true);

    await clickAndLoad(web.page.getByRole('link', { name: 'Change how they take part' }));
    await web.page.getByLabel('Carer', { exact: true }).check();
    await clickAndLoad(web.page.getByRole('button', { name: 'Save the changes' }));
    expect(await errorList()).toEqual(['Enter why the profile changed']);
    expect(await accessibilityProblems(web.page)).toEqual([]);
    await web.page.getByLabel('Why it changed').fill('Now caring for her father');
    await clickAndLoad(web.page.getByRole('button', { name: 'Save the changes' }));
    expect(await banner()).toContain('Their role, groups and ways of taking part are updated');
    expect(await web.page.locator('.govuk-summary-list').nth(1).textContent()).toContain('Carer');

    await clickAndLoad(web.page.getByRole('link', { name: 'Change their details' }));
    expect(await web.page.inputValue('#name')).toBe('Olu Bankole');
    await web.page.getByLabel('Phone number (optional)').fill('01635 519000');
    await clickAndLoad(web.page.getByRole('button', { name: 'Save their details' }));
    expect(await banner()).toContain('Their details are updated');
    expect(await web.page.textContent('main')).toContain('01635 519000');
    expect(await history('participant', reference)).toEqual(['ParticipantRegistered', 'ParticipantProfileUpdated', 'ParticipantDetailsUpdated']);
    await web.visit('/people');
    expect(await web.page.locator('tbody tr', { hasText: 'Olu Bankole' }).locator('td').first().textContent()).toBe(reference);
    expect(await accessibilityProblems(web.page)).toEqual([]);

    await signIn(tokens.recorder);
    await web.visit(`/people/${reference}`);
    expect(await web.page.textContent('h1')).toBe('You do not have access to this page');
    await web.visit(`/people/${reference}/details`);
    expect(await web.page.textContent('main')).toContain('Their current details are not shown because your role (recorder)');
    expect(await web.page.inputValue('#name')).toBe('');
    expect(await accessibilityProblems(web.page)).toEqual([]);
    await web.visit('/people/new');
    await web.page.getByLabel('Name', { exact: true }).fill('Pat Quinn');
    await web.page.getByLabel('Resident', { exact: true }).check();
    const form = (await web.page.evaluate("Object.fromEntries(new FormData(document.querySelector('main form')))")) as Record<string, string>;
    const sent = [];
    for (let i = 0; i < 2; i += 1) sent.push(await web.page.request.post(`${web.base}/people/new`, { form, maxRedirects: 0 }));
    expect(sent.map((r) => r.status())).toEqual([303, 303]);
    expect(sent[1].headers().location).toBe(sent[0].headers().location);
    await web.visit(sent[0].headers().location);
    expect(await web.page.textContent('.govuk-panel')).toMatch(/Their reference is\s*part-[0-9a-f]{6}/);
    expect(await history('participant', (await web.page.locator('.govuk-panel strong').textContent())!)).toEqual(['ParticipantRegistered']);
    expect(await web.page.getByRole('link', { name: 'See their record' }).count()).toBe(0);
  }, 270_000);

  it("captures a person's words with their consent, changes the consent, and withdraws it after checking", async () => {
    await signIn(tokens.lead);
    await web.visit(`/people/part-gwen`);
    await clickAndLoad(web.page.getByRole('button', { name: 'Capture their words' }));
    expect((await web.page.textContent('h1'))?.trim()).toBe('Which project did they say it in?');
    expect(await accessibilityProblems(web.page)).toEqual([]);
    await web.page.getByLabel(energyProject.title).check();
    await clickAndLoad(web.page.getByRole('button', { name: 'Continue' }));
    await web.page.getByLabel('Their words', { exact: true }).fill('For the first time I felt the council was writing it with us.');
    await web.page.getByLabel('When and why they said it').fill('Closing round of the design workshop');
    await clickAndLoad(web.page.getByRole('button', { name: 'Capture their words' }));
    expect(await errorList()).toEqual([
      'Select how they agreed the words may be attributed',
      'Select where they agreed the words may be used: at least one, or do not capture them',
    ]);
    expect(await accessibilityProblems(web.page)).toEqual([]);
    await web.page.getByLabel('With their role only').check();
    await web.page.getByLabel("The council's own evaluation").check();
    await web.page.getByLabel('Public reports and web pages').check();
    await clickAndLoad(web.page.getByRole('button', { name: 'Capture their words' }));
    expect(await banner()).toContain('Their words are captured');
    const quoteCard = () => web.page.locator('.govuk-summary-card', { hasText: 'When and why they said it' }).first();
    const card = quoteCard();
    expect(await card.textContent()).toContain('For the first time I felt the council was writing it with us.');
    expect(await card.textContent()).toMatch(/public reports and web pages/i);

    await clickAndLoad(card.getByRole('link', { name: /^Change consent/ }));
    await web.page.getByLabel('Public reports and web pages').uncheck();
    await clickAndLoad(web.page.getByRole('button', { name: 'Save the consent' }));
    expect(await errorList()).toEqual(['Enter why the consent changed, for example, what they asked for']);
    expect(await accessibilityProblems(web.page)).toEqual([]);
    await web.page.getByLabel('Why the consent changed').fill('Asked by phone not to be quoted in public');
    await clickAndLoad(web.page.getByRole('button', { name: 'Save the consent' }));
    expect(await quoteCard().textContent()).not.toMatch(/public reports/i);

    await clickAndLoad(quoteCard().getByRole('link', { name: /^Withdraw consent/ }));
    await web.page.locator('#withdrawnOn-day').fill('31');
    await web.page.locator('#withdrawnOn-month').fill('2');
    await web.page.locator('#withdrawnOn-year').fill('2026');
    await clickAndLoad(web.page.getByRole('button', { name: 'Continue' }));
    expect(await errorList()).toEqual(['Date they withdrew consent is not a day in the calendar: February 2026 has 28 days']);
    expect(await errorLinks()).toEqual(['#withdrawnOn-day']);
    expect(await accessibilityProblems(web.page)).toEqual([]);
    await web.page.locator('#withdrawnOn-day').fill('28');
    await web.page.getByLabel('Why, if they said (optional)').fill('Moved away');
    await clickAndLoad(web.page.getByRole('button', { name: 'Continue' }));
    expect(await web.page.locator('.govuk-summary-list').textContent()).toContain('28 February 2026');
    expect(await accessibilityProblems(web.page)).toEqual([]);
    await screenshot(web.page, 'recording-withdraw-consent-check', true);
    const quoteId = new URL((await web.page.locator('form').last().getAttribute('action'))!, web.base).pathname.split('/')[4];
    expect(await history('quote', quoteId)).not.toContain('QuoteConsentWithdrawn');
    await clickAndLoad(web.page.getByRole('button', { name: 'Withdraw consent' }));
    expect(await banner()).toContain('Consent for their words is withdrawn');
    expect(await quoteCard().textContent()).toContain('Withdrawn');
    expect(await history('quote', quoteId)).toEqual(['QuoteCaptured', 'QuoteConsentChanged', 'QuoteConsentWithdrawn']);
  }, 270_000);

  it('records survey responses, service measures and readings, refusing bad input with the field named', async () => {
    await signIn(tokens.lead);
    await web.visit(`/projects/${energyProject.projectId}`);
    await clickAndLoad(web.page.getByRole('link', { name: 'Survey responses before and after taking part' }));
    await clickAndLoad(web.page.getByRole('button', { name: 'Record a survey response' }));
    await web.page.getByLabel('Person who responded').selectOption('part-hamid');
    await web.page.getByLabel('Before taking part').check();
    await clickAndLoad(web.page.getByRole('button', { name: 'Record the response' }));
    expect(await errorList()).toEqual(['Select an answer to at least one statement']);
    expect(await accessibilityProblems(web.page)).toEqual([]);
    await web.page.locator('#confidence_in_partnership').check();
    await web.page.locator('input[name="sense_of_influence"][value="4"]').check();
    await clickAndLoad(web.page.getByRole('button', { name: 'Record the response' }));
    expect(await banner()).toContain('Survey response recorded');
    const row = web.page.locator('tbody tr', { hasText: 'Hamid Rahman' });
    expect((await row.locator('td').allTextContents()).map((t) => t.trim())).toEqual(['Before', '1', 'Not answered', '4']);
    expect(await accessibilityProblems(web.page)).toEqual([]);

    await web.visit(`/projects/${energyProject.projectId}/measures`);
    await clickAndLoad(web.page.getByRole('button', { name: 'Define a service measure' }));
    await web.page.getByLabel('What is measured').fill('Community groups asking for help');
    await web.page.getByLabel('Unit', { exact: true }).fill('enquiries per quarter');
    await web.page.getByLabel('Value before the project (the baseline)').fill('a few');
    await web.page.locator('#baselineOn-day').fill('31');
    await web.page.locator('#baselineOn-month').fill('12');
    await web.page.locator('#baselineOn-year').fill('2025');
    await web.page.getByLabel('A higher value is better').check();
    await clickAndLoad(web.page.getByRole('button', { name: 'Define the measure' }));
    expect(await errorList()).toEqual(['Value before the project must be a number, like 12 or 3.5']);
    expect(await accessibilityProblems(web.page)).toEqual([]);
    await web.page.getByLabel('Value before the project (the baseline)').fill('2');
    await clickAndLoad(web.page.getByRole('button', { name: 'Define the measure' }));
    expect(await banner()).toContain('Service measure defined');

    await clickAndLoad(web.page.getByRole('link', { name: 'Record a reading of Community groups asking for help' }));
    await web.page.getByLabel('Value read').fill('7');
    await web.page.locator('#readingOn-day').fill('1');
    await web.page.locator('#readingOn-month').fill('12');
    await web.page.locator('#readingOn-year').fill('2025');
    await clickAndLoad(web.page.getByRole('button', { name: 'Record the reading' }));
    expect((await errorList())[0]).toMatch(/before the baseline/);
    expect(await errorLinks()).toEqual(['#readingOn-day']);
    expect(await accessibilityProblems(web.page)).toEqual([]);
    await web.page.locator('#readingOn-day').fill('30');
    await web.page.locator('#readingOn-month').fill('9');
    await web.page.locator('#readingOn-year').fill('2026');
    await clickAndLoad(web.page.getByRole('button', { name: 'Record the reading' }));
    expect(await banner()).toContain('Reading recorded');
    const readings = web.page.locator('table', { hasText: 'Readings of Community groups asking for help' });
    expect((await readings.locator('tbody tr').allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim())).toEqual(['31 December 2025 (baseline) 2', '30 September 2026 7']);
    expect(await accessibilityProblems(web.page)).toEqual([]);
  }, 270_000);

  it('amends and removes an attendance from the session page, each asking why, and keeps the original in the record', async () => {
    await heldSession('act-corrections', 'Corrections workshop', 120);
    await attend('act-corrections', 'part-iris');
    await attend('act-corrections', 'part-jack');
    await signIn(tokens.lead);
    await web.visit(sessionPath('act-corrections'));
    await clickAndLoad(web.page.getByRole('link', { name: 'Amend the attendance of Iris Novak' }));
    expect(await accessibilityProblems(web.page)).toEqual([]);
    await web.page.getByLabel('Minutes they took part for').fill('90');
    await clickAndLoad(web.page.getByRole('button', { name: 'Amend the attendance' }));
    expect(await errorList()).toEqual(['Enter why the record changes']);
    expect(await accessibilityProblems(web.page)).toEqual([]);
    await web.page.getByLabel('Why the record changes').fill('She left at lunch');
    await clickAndLoad(web.page.getByRole('button', { name: 'Amend the attendance' }));
    expect(await banner()).toContain('The attendance is amended');
    expect((await web.page.locator('tbody tr', { hasText: 'Iris Novak' }).locator('td').first().textContent())?.trim()).toBe('Resident');
    expect((await web.page.locator('tbody tr', { hasText: 'Iris Novak' }).locator('td').nth(1).textContent())?.trim()).toBe('90');

    await clickAndLoad(web.page.getByRole('link', { name: 'Remove the attendance of Jack Turner' }));
    await clickAndLoad(web.page.getByRole('button', { name: 'Remove from the register' }));
    expect(await errorList()).toEqual(['Enter why this attendance is removed']);
    expect(await accessibilityProblems(web.page)).toEqual([]);
    await web.page.getByLabel('Why it is removed').fill('Ticked on the wrong line of the sign-in sheet');
    await clickAndLoad(web.page.getByRole('button', { name: 'Remove from the register' }));
    expect(await banner()).toContain('removed from the register');
    expect(await web.page.locator('tbody tr', { hasText: 'Jack Turner' }).count()).toBe(0);
    expect(await history('activity', 'act-corrections')).toEqual(['ActivityPlanned', 'ActivityHeld', 'AttendanceRecorded', 'AttendanceRecorded', 'EventCorrected', 'EventCorrected']);
  }, 270_000);

  it('moves a project forward, refusing a skip without a reason, and words its outcome 5 for itself', async () => {
    await signIn(tokens.lead);
    await web.visit(`/projects/${energyProject.projectId}`);
    await clickAndLoad(web.page.getByRole('link', { name: 'Move the project to its next stage' }));
    expect(await accessibilityProblems(web.page)).toEqual([]);
    await web.page.getByLabel('Co-design').check();
    await clickAndLoad(web.page.getByRole('button', { name: 'Move the project' }));
    expect(await banner()).toContain('The project is now in co-design');
    await clickAndLoad(web.page.getByRole('link', { name: 'Move the project to its next stage' }));
    await web.page.getByLabel('Co-evaluation').check();
    await clickAndLoad(web.page.getByRole('button', { name: 'Move the project' }));
    expect((await errorList())[0]).toMatch(/needs a reason/);
    expect(await errorLinks()).toEqual(['#reason']);
    expect(await accessibilityProblems(web.page)).toEqual([]);
    expect(await history('project', energyProject.projectId)).toEqual(['ProjectRegistered', 'StageEntered']);

    await web.visit(`/projects/${energyProject.projectId}`);
    await clickAndLoad(web.page.getByRole('link', { name: 'Word outcome 5 for this project' }));
    await web.page.getByLabel("Outcome 5 in this project's own words").fill('');
    await clickAndLoad(web.page.getByRole('button', { name: 'Save the wording' }));
    expect(await errorList()).toEqual(["Enter outcome 5 in this project's own words"]);
    expect(await accessibilityProblems(web.page)).toEqual([]);
    await web.page.getByLabel("Outcome 5 in this project's own words").fill('Villages get clear, honest advice on community energy');
    await clickAndLoad(web.page.getByRole('button', { name: 'Save the wording' }));
    expect(await web.page.textContent('main')).toContain('For this project: Villages get clear, honest advice on community energy');
  }, 270_000);

  it('records a contribution as a staff summary, and refuses one person\'s own words credited to two people', async () => {
    await heldSession('act-ideas', 'Ideas workshop', 120);
    await attend('act-ideas', 'part-kasia');
    await attend('act-ideas', 'part-ellen');
    await signIn(tokens.lead);
    await web.visit(sessionPath('act-ideas'));
    await clickAndLoad(web.page.getByRole('button', { name: 'Record a contribution' }));
    await web.page.getByLabel('Kasia Nowak').check();
    await web.page.getByLabel('Ellen Moss').check();
    await web.page.getByLabel('A proposal').check();
    await web.page.getByLabel("One person's own words").check();
    await web.page.getByLabel('What was said or done', { exact: true }).fill('Put the advice in the parish magazine');
    await clickAndLoad(web.page.getByRole('button', { name: 'Record the contribution' }));
    expect(await errorList()).toEqual(["One person's own words come from that person alone: select one person, or write a summary for the group"]);
    expect(await accessibilityProblems(web.page)).toEqual([]);
    await web.page.getByLabel('My summary of what was said or done').check();
    await web.page.getByLabel('What was said or done', { exact: true }).fill('The group proposed printing the advice in parish magazines');
    await clickAndLoad(web.page.getByRole('button', { name: 'Record the contribution' }));
    expect(await banner()).toContain('Contribution recorded');
    expect(await web.page.textContent('main')).toContain('The group proposed printing the advice in parish magazines');
  }, 180_000);

  it('cancels a planned session only after checking, and refuses a cancellation without a reason', async () => {
    await web.api
      .command(
        'PlanActivity',
        { activityId: 'act-flooded', projectId: energyProject.projectId, title: 'Village hall meeting', activityType: 'meeting', stage: 'co_design', format: 'in_person', plannedFor: '2026-04-10', ladderLevel: 'engagement' },
        lead(),
      )
      .expect(201);
    await signIn(tokens.lead);
    await web.visit(sessionPath('act-flooded'));
    await clickAndLoad(web.page.getByRole('link', { name: 'Cancel the session' }));
    await clickAndLoad(web.page.getByRole('button', { name: 'Continue' }));
    expect(await errorList()).toEqual(['Enter why the session was cancelled']);
    expect(await accessibilityProblems(web.page)).toEqual([]);
    await web.page.getByLabel('Why was it cancelled?').fill('Village hall closed by flooding');
    await clickAndLoad(web.page.getByRole('button', { name: 'Continue' }));
    expect(await web.page.textContent('h1')).toBe('Check before you cancel the session');
    expect(await accessibilityProblems(web.page)).toEqual([]);
    expect(await history('activity', 'act-flooded')).toEqual(['ActivityPlanned']);
    await clickAndLoad(web.page.getByRole('button', { name: 'Cancel the session' }));
    expect(await banner()).toContain('is recorded as cancelled');
    expect(await web.page.locator('.govuk-tag').first().textContent()).toContain('Cancelled');
    expect(await history('activity', 'act-flooded')).toEqual(['ActivityPlanned', 'ActivityCancelled']);
  }, 180_000);

  it('refuses a recording form posted without its CSRF token, and records nothing', async () => {
    await signIn(tokens.lead);
    const response = await web.page.request.post(`${web.base}/projects/${energyProject.projectId}/sessions/new`, { form: { title: 'Forged', activityType: 'meeting' }, maxRedirects: 0 });
    expect(response.status()).toBe(403);
    expect(await response.text()).toMatch(/This form has expired/);
  }, 90_000);
});

/** Follows a link or sends a form, and waits until the page it leads to has loaded. */
async function clickAndLoad(target: Locator): Promise<void> {
  await target.click();
  await target.page().waitForLoadState('load');
}

/** Presses Tab until the element matching `selector` has the focus, as someone using only a keyboard would. */
async function tabTo(page: Page, selector: string): Promise<void> {
  for (let presses = 0; presses < 400; presses += 1) {
    if (await page.locator(selector).evaluate((element) => element === element.ownerDocument.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`the keyboard never reached ${selector}`);
}
