import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expectAccessible, newPage, signInThroughForm, url, useBrowser } from './browser.ts';

const browser = useBrowser();

const statusOf = (page: Page) => page.getByTestId('request-status').textContent();

// Four people in four browsers: give the whole story a minute on a busy two-core machine.
it('a client asks for a service, a lead reviews and assigns it, the team member works it, and the client approves, each seeing it live', { timeout: 60_000 }, async () => {
  // An admin watches the firm's requests.
  const admin = await newPage(browser());
  await signInThroughForm(admin, 'hello@designpi.com');
  await admin.waitForURL(url('/admin/'));
  await admin.getByRole('link', { name: 'Requests' }).click();
  await admin.waitForURL(url('/admin/requests/'));
  await expect.poll(() => admin.getByTestId('bell').getAttribute('data-live')).toBe('open');

  // The client asks.
  const client = await newPage(browser());
  await signInThroughForm(client, 'bob@example.com');
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
  await expect.poll(() => statusOf(client)).toBe('Submitted');
  const reference = (await client.getByRole('heading', { level: 1 }).locator('span').textContent())!;
  await expectAccessible(client);

  // The admin's list gains the new request without a reload, and the bell tells them.
  await expect.poll(() => admin.getByRole('link', { name: reference }).count(), { timeout: 5000 }).toBe(1);
  await expect.poll(() => admin.getByTestId('bell').getAttribute('aria-label')).toMatch(/unread/);
  await expectAccessible(admin);
  await expect.poll(() => client.getByTestId('bell').getAttribute('data-live')).toBe('open');

  // A lead reviews, approves and assigns.
  const lead = await newPage(browser());
  await signInThroughForm(lead, 'sarah@designpi.com');
  await lead.waitForURL(url('/staff/'));
  await lead.goto(client.url().replace('/portal/', '/staff/'));
  await expect.poll(() => statusOf(lead)).toBe('Submitted');
  await lead.getByRole('button', { name: 'Start the review' }).click();
  await expect.poll(() => statusOf(lead)).toBe('In review');
  await lead.getByRole('button', { name: 'Approve for work' }).click();
  await expect.poll(() => statusOf(lead)).toBe('Approved');
  await lead.getByLabel('Assign to').selectOption({ label: 'Mike Chen · Team member' });
  await lead.getByRole('button', { name: 'Assign', exact: true }).click();
  await expect.poll(() => statusOf(lead)).toBe('Assigned');
  // The client's open page follows, without a reload.
  await expect.poll(() => statusOf(client), { timeout: 5000 }).toBe('Assigned');
  await lead.getByLabel('Your comment').fill('Mike, the client uses Gusto today.');
  await lead.getByLabel('Internal note (staff only)').check();
  await lead.getByRole('button', { name: 'Add the comment' }).click();
  await expect.poll(() => lead.getByText('Mike, the client uses Gusto today.').count()).toBe(1);
  await expectAccessible(lead);

  // The team member finds it in their list and works it.
  const member = await newPage(browser());
  await signInThroughForm(member, 'mike@designpi.com');
  await member.waitForURL(url('/staff/'));
  await member.getByRole('link', { name: reference }).click();
  await expect.poll(() => statusOf(member)).toBe('Assigned');
  await member.getByRole('button', { name: 'Start the work' }).click();
  await expect.poll(() => statusOf(member)).toBe('In progress');
  await member.getByRole('button', { name: 'Mark as completed' }).click();
  await expect.poll(() => statusOf(member)).toBe('Completed');

  // The client sees it done (internal notes stay internal) and approves.
  await client.reload();
  await expect.poll(() => statusOf(client)).toBe('Completed');
  expect(await client.getByText('Mike, the client uses Gusto today.').count()).toBe(0);
  await client.getByRole('button', { name: 'Approve the work' }).click();
  await expect.poll(() => client.getByText(/^You approved this work on/).count()).toBe(1);
  await client.goto(url('/portal/'));
  await expect.poll(() => client.getByRole('row', { name: new RegExp(reference) }).textContent()).toContain('Completed');

  for (const page of [admin, client, lead, member]) await page.context().close();
});
