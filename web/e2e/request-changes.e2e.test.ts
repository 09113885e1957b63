import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { api, signIn } from '../../infra/local/test-client.ts';
import { expectAccessible, newPage, signInThroughForm, url, useBrowser } from './browser.ts';

const browser = useBrowser();
const payroll = (title: string, submit = true) => JSON.stringify({ serviceId: 'svc-payroll-setup', title, requirements: { 'q-employees': '3' }, submit });

it('lets a client change their draft, with the change in the timeline', { timeout: 30_000 }, async () => {
  const jane = await signIn('jane.smith@example.com');
  const { body: draft } = await api('/api/requests', { method: 'POST', token: jane.token, body: payroll('Payroll draft for our shop', false) });
  const page = await newPage(browser());
  await signInThroughForm(page, 'jane.smith@example.com');
  await page.waitForURL(url('/portal/'));
  await page.goto(url(`/portal/request/?id=${draft.requestId}`));
  await page.getByRole('button', { name: 'Change the request' }).click();
  await page.getByLabel('Title').fill('Payroll for our two shops');
  await page.getByLabel('How many employees?').fill('7');
  await page.getByLabel('Priority').selectOption({ label: 'High' });
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Save the changes' }).click();
  await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain('Payroll for our two shops');
  await expect.poll(() => page.getByText('Priority, Your answers, Title').count()).toBe(1);
  await page.context().close();
});

it(
  'lets an admin act on several requests at once (showing per request what worked and why not), export them as CSV, and delete one',
  { timeout: 60_000 },
  async () => {
    const john = await signIn('john.doe@example.com');
    const tag = randomUUID().slice(0, 6);
    for (const n of [1, 2])
      expect((await api('/api/requests', { method: 'POST', token: john.token, body: payroll(`Bulk payroll ${tag} ${n}`) })).status).toBe(201);

    const page = await newPage(browser());
    await signInThroughForm(page, 'hello@designpi.com');
    await page.waitForURL(url('/admin/'));
    await page.goto(url('/admin/requests/'));
    await page.getByLabel('Reference or title').fill(tag);
    await expect.poll(() => page.getByRole('row', { name: new RegExp(tag) }).count()).toBe(2);
    await page.getByLabel('Select all requests on this page').check();
    await expect.poll(() => page.getByText('2 selected').count()).toBe(1);
    // A select's name includes its chosen option ("Action Set the priority"): match the label's start.
    const bulk = page.getByRole('region', { name: 'Act on the selected requests' });
    await bulk.getByRole('combobox', { name: /^Action/ }).selectOption({ label: 'Set the priority' });
    await bulk.getByRole('combobox', { name: /^Priority/ }).selectOption({ label: 'Urgent' });
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Apply' }).click();
    await expect.poll(() => page.getByText('2 of 2 done.').count()).toBe(1);
    await expect.poll(async () => (await page.getByRole('row', { name: new RegExp(tag) }).allTextContents()).every((row) => row.includes('Urgent'))).toBe(true);

    // Requests not yet started cannot jump to "completed": each says why.
    await page.getByLabel('Select all requests on this page').check();
    await bulk.getByRole('combobox', { name: /^Action/ }).selectOption({ label: 'Move to a status' });
    await bulk.getByRole('combobox', { name: /^Status/ }).selectOption({ label: 'Completed' });
    await page.getByRole('button', { name: 'Apply' }).click();
    await expect.poll(() => page.getByText('0 of 2 done.').count()).toBe(1);
    expect(await page.getByText(/SR-\d+: A request that is (submitted|assigned) cannot become completed\./).count()).toBe(2);

    // What the filter finds downloads as CSV, built in the background.
    await page.getByRole('button', { name: 'Export as CSV' }).click();
    const link = page.getByRole('link', { name: 'Download the CSV (2 requests)' });
    await expect.poll(() => link.count(), { timeout: 10_000 }).toBe(1);
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toMatch(/^requests-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv.split('\r\n')[0]).toBe(
      '\uFEFFReference,Title,Status,Priority,Client,Service,Assigned to,Budget from,Budget up to,Currency,Deadline,Description,Answers,Attachments,Created,Updated,Assigned,Completed,Client approved',
    );
    // Handed to the payroll holder at once, unless he has no room left.
    for (const n of [1, 2]) expect(csv).toMatch(new RegExp(`Bulk payroll ${tag} ${n},(submitted|assigned),urgent,John Doe,Payroll Setup`));

    // One is deleted from its page and leaves the list.
    const first = page.getByRole('row', { name: new RegExp(`${tag} 1`) });
    const reference = (await first.getByRole('link', { name: /^SR-/ }).textContent())!;
    await first.getByRole('link', { name: /^SR-/ }).click();
    await page.waitForURL(/\/admin\/request\/\?id=/);
    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: 'Delete the request' }).click();
    await page.waitForURL(url('/admin/requests/'));
    await page.getByLabel('Reference or title').fill(tag);
    await expect.poll(() => page.getByRole('row', { name: new RegExp(tag) }).count()).toBe(1);
    expect(await page.getByRole('link', { name: reference, exact: true }).count()).toBe(0);
    await page.context().close();
  },
);

it('lets an admin ask for a service on a client’s behalf', { timeout: 30_000 }, async () => {
  const page = await newPage(browser());
  await signInThroughForm(page, 'hello@designpi.com');
  await page.waitForURL(url('/admin/'));
  await page.goto(url('/admin/requests/'));
  await page.getByRole('link', { name: 'New request for a client' }).click();
  await page.waitForURL(url('/admin/requests/new/'));
  // The customer first, found by the start of its name; its primary contact asks unless another is chosen.
  await page.getByLabel('Find the customer').fill('acme');
  await page.getByLabel('Find the customer').press('Enter');
  await expect.poll(() => page.getByLabel('Customer', { exact: true }).locator('option', { hasText: 'Acme Corporation' }).count()).toBe(1);
  await page.getByLabel('Customer', { exact: true }).selectOption({ label: 'Acme Corporation' });
  await expect.poll(() => page.getByLabel('Contact', { exact: true }).inputValue()).not.toBe('');
  await page.getByLabel('Contact', { exact: true }).selectOption({ label: 'John Doe · john.doe@example.com' });
  await page.getByLabel('Service').selectOption({ label: 'Payroll Setup · $400.00' });
  await page.getByLabel('Title').fill('Payroll, asked for by phone');
  await page.getByLabel('How many employees? *').fill('6');
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Send the request' }).click();
  await page.waitForURL(/\/admin\/request\/\?id=/);
  await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain('Payroll, asked for by phone');
  expect(await page.getByText('John Doe', { exact: true }).count()).toBeGreaterThan(0);
  await page.context().close();
});
