import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { api, roomFor, signIn, type Signed } from '../../infra/local/test-client.ts';
import { expectAccessible, newPage, signInThroughForm, url, useBrowser } from './browser.ts';

const browser = useBrowser();

const statusOf = (page: Page) => page.getByTestId('request-status').textContent();
const nextStepOf = (page: Page) => page.getByTestId('next-step').textContent();
const call = (who: Signed, path: string, body: unknown) => api(path, { method: 'POST', token: who.token, body: JSON.stringify(body) });

// Each ranking picks the one person holding the skill (payroll, cloud): other files may have filled their capacity.
const undo: (() => Promise<void>)[] = [];
beforeAll(async () => void undo.push(await roomFor('t-designpi', 'mike@designpi.com'), await roomFor('t-northwind', 'omar@northwind.example')));
afterAll(() => Promise.all(undo.map((u) => u())));

// Four people in four browsers: give the whole story a minute and a half on a busy two-core machine.
it(
  'a client asks for a service, the ranked team member starts it with nobody in between, a lead plans a task from a template, the team member does the task and the work, and the client approves, each seeing it live',
  { timeout: 90_000 },
  async () => {
    // An admin watches the firm's requests.
    const admin = await newPage(browser());
    await signInThroughForm(admin, 'hello@designpi.com');
    await admin.waitForURL(url('/admin/'));
    await admin.getByRole('link', { name: 'Requests' }).click();
    await admin.waitForURL(url('/admin/requests/'));
    await expect.poll(() => admin.getByTestId('bell').getAttribute('data-live')).toBe('open');

    // The client asks.
    const client = await newPage(browser());
    await signInThroughForm(client, 'bob.wilson@example.com');
    await client.waitForURL(url('/portal/'));
    await client.getByRole('link', { name: 'Ask for a service' }).click();
    await client.waitForURL(url('/portal/requests/new/'));
    await client.getByLabel('Service').selectOption({ label: 'Payroll Setup · $400.00' });
    await client.getByLabel('Title').fill('Payroll for our new Pune office');
    await client.getByRole('button', { name: 'Send the request' }).click();
    await expect.poll(() => client.getByText('is required: How many employees?').count()).toBe(1);
    await client.getByLabel('How many employees? *').fill('12');
    await client.getByLabel('Budget up to (USD)').fill('450');
    await expectAccessible(client);
    await client.getByRole('button', { name: 'Send the request' }).click();
    await client.waitForURL(/\/portal\/request\/\?id=/);
    // DesignPi does not review first: the ranking hands it to Mike, who holds the payroll skill, and the client's page says so.
    await expect.poll(() => statusOf(client)).toBe('Assigned');
    await expect.poll(() => nextStepOf(client)).toBe('Waiting for Mike Chen to start');
    const reference = (await client.getByRole('heading', { level: 1 }).locator('span').textContent())!;
    await expectAccessible(client);

    // The admin's list gains the new request without a reload, and the bell tells them.
    await expect.poll(() => admin.getByRole('link', { name: reference }).count(), { timeout: 5000 }).toBe(1);
    await expect.poll(() => admin.getByTestId('bell').getAttribute('aria-label')).toMatch(/unread/);
    await expectAccessible(admin);
    await expect.poll(() => client.getByTestId('bell').getAttribute('data-live')).toBe('open');

    // A lead looks in: nothing waits for her.
    const lead = await newPage(browser());
    await signInThroughForm(lead, 'sarah@designpi.com');
    await lead.waitForURL(url('/staff/'));
    await lead.goto(client.url().replace('/portal/', '/staff/'));
    await expect.poll(() => statusOf(lead)).toBe('Assigned');
    await expect.poll(() => nextStepOf(lead)).toBe('Waiting for Mike Chen to start');
    expect(await lead.getByRole('button', { name: 'Approve for work' }).count()).toBe(0);
    await lead.getByLabel('Your comment').fill('Mike, the client uses Gusto today.');
    await lead.getByLabel('Internal note (staff only)').check();
    await lead.getByRole('button', { name: 'Add the comment' }).click();
    await expect.poll(() => lead.getByText('Mike, the client uses Gusto today.').count()).toBe(1);
    await expectAccessible(lead);

    // The team member watches their tasks while the lead plans one from a template.
    const member = await newPage(browser());
    await signInThroughForm(member, 'mike@designpi.com');
    await member.waitForURL(url('/staff/'));
    await member.getByRole('link', { name: 'Tasks', exact: true }).click();
    await member.waitForURL(url('/staff/tasks/'));
    await expect.poll(() => member.getByTestId('bell').getAttribute('data-live')).toBe('open');

    await lead.getByLabel('Template').selectOption({ label: 'Payroll · Payroll Setup' });
    // Only staff holding the payroll skill are offered; the best one is chosen already.
    await expect
      .poll(() => lead.getByLabel('Assigned to').locator('option:checked').textContent())
      .toMatch(/^Mike Chen · payroll · \d+ open tasks \(suggested\)$/);
    expect(await lead.getByLabel('Assigned to').locator('option', { hasText: 'Sarah Johnson' }).count()).toBe(0);
    await lead.getByRole('button', { name: 'Add the task' }).click();
    await expect.poll(() => lead.getByRole('row', { name: /Payroll Setup/ }).textContent()).toContain('To do');
    await expectAccessible(lead);

    // Mike's list gains it without a reload; he ticks the checklist off and marks it done.
    await expect.poll(() => member.getByRole('row', { name: new RegExp(reference) }).count(), { timeout: 5000 }).toBe(1);
    await expectAccessible(member);
    await member
      .getByRole('row', { name: new RegExp(reference) })
      .getByRole('link', { name: 'Payroll Setup' })
      .click();
    await member.waitForURL(/\/staff\/task\/\?id=/);
    for (const step of [
      'Collect employee details and tax forms',
      'Configure pay schedules and withholdings',
      'Run and check the first payroll with the client',
    ]) {
      await member.getByLabel(step).check();
      await expect.poll(() => member.getByLabel(step).isChecked()).toBe(true);
    }
    await expect.poll(() => member.getByText('3 of 3').count()).toBe(1);
    await member.getByRole('button', { name: 'Mark done' }).click();
    await expect.poll(() => member.getByTestId('task-status').textContent()).toBe('Done');
    await expectAccessible(member);
    // The lead's open request page follows.
    await expect.poll(() => lead.getByRole('row', { name: /Payroll Setup/ }).textContent(), { timeout: 5000 }).toContain('Done');

    // Then he does the request's work: it waits for him alone.
    await member.getByRole('link', { name: new RegExp(reference) }).click();
    await expect.poll(() => statusOf(member)).toBe('Assigned');
    await expect.poll(() => nextStepOf(member)).toBe('Waiting for you to start the work');
    await member.getByRole('button', { name: 'Start the work' }).click();
    await expect.poll(() => statusOf(member)).toBe('In progress');
    await member.getByRole('button', { name: 'Mark as completed' }).click();
    await expect.poll(() => statusOf(member)).toBe('Completed');

    // The client sees it done (internal notes stay internal) and approves.
    await client.reload();
    await expect.poll(() => statusOf(client)).toBe('Completed');
    await expect.poll(() => nextStepOf(client)).toBe('Waiting for you to approve the completed work');
    expect(await client.getByText('Mike, the client uses Gusto today.').count()).toBe(0);
    await client.getByRole('button', { name: 'Approve the work' }).click();
    await expect.poll(() => client.getByText(/^You approved this work on/).count()).toBe(1);
    await client.goto(url('/portal/requests/'));
    await expect.poll(() => client.getByRole('row', { name: new RegExp(reference) }).textContent()).toContain('Completed');

    for (const page of [admin, client, lead, member]) await page.context().close();
  },
);

it(
  'a firm that reviews first needs exactly one approval click, which keeps the ranked assignee; completing with an open task asks first',
  { timeout: 60_000 },
  async () => {
    const [priya, omar, nora] = await Promise.all([signIn('priya@client.example'), signIn('omar@northwind.example'), signIn('admin@northwind.example')]);
    const { body: asked } = await call(priya, '/api/requests', {
      serviceId: 'svc-cloud-security-audit',
      title: 'Audit of our GCP projects',
      requirements: { 'q-provider': 'GCP' },
    });
    const admin = await newPage(browser());
    await signInThroughForm(admin, 'admin@northwind.example');
    await admin.waitForURL(url('/admin/'));
    // Northwind's rule, where its admin sets it.
    await admin.getByRole('link', { name: 'Settings' }).click();
    await admin.waitForURL(url('/admin/settings/'));
    await expect.poll(() => admin.getByLabel('Review new requests before work starts').isChecked()).toBe(true);
    expect(await admin.getByLabel('Approval needed for requests above (GBP)').inputValue()).toBe('');
    await expectAccessible(admin);
    await admin.goto(url(`/admin/request/?id=${asked.requestId}`));
    await expect.poll(() => admin.getByTestId('assignment-reason').count()).toBe(1);
    await expect.poll(() => nextStepOf(admin)).toBe('Waiting for you to review and approve it');
    await expectAccessible(admin);
    await admin.getByRole('button', { name: 'Approve for work' }).click();
    await expect.poll(() => statusOf(admin)).toBe('Assigned');
    await expect.poll(() => nextStepOf(admin)).toBe('Waiting for Omar Haddad to start');

    // Omar starts; a task of five steps he was given is one step along when the admin marks the request complete.
    const version = async () => (await api(`/api/requests/${asked.requestId}`, { token: omar.token })).body.version;
    expect((await call(omar, `/api/requests/${asked.requestId}/status`, { to: 'in_progress', version: await version() })).status).toBe(200);
    const { body: task } = await call(nora, '/api/tasks', {
      requestId: asked.requestId,
      title: 'Check the IAM policies',
      checklist: ['Roles', 'Keys', 'Buckets', 'Logging', 'Alerts'],
      assigneeId: omar.userId,
    });
    await api(`/api/tasks/${task.taskId}/checklist/${task.checklist[0].itemId}`, { method: 'PUT', token: omar.token, body: JSON.stringify({ done: true }) });
    await admin.reload();
    await admin.getByRole('button', { name: 'Mark as completed' }).click();
    const confirm = admin.getByRole('alertdialog', { name: 'This request still has open tasks (1)' });
    await expect.poll(() => confirm.textContent()).toContain('Check the IAM policies · Omar Haddad · 1 of 5 checklist items');
    expect(await statusOf(admin)).toBe('In progress');
    await expectAccessible(admin);
    await confirm.getByRole('button', { name: 'Complete it anyway' }).click();
    await expect.poll(() => statusOf(admin)).toBe('Completed');
    await expect.poll(() => nextStepOf(admin)).toBe('Waiting for Priya Sharma to approve the work');
    await admin.context().close();
  },
);
