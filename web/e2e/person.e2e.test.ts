import { expect, it } from 'vitest';
import { api, signIn } from '../../infra/local/test-client.ts';
import { expectAccessible, loadWholeList, newPage, signInThroughForm, url, useBrowser } from './browser.ts';

const browser = useBrowser();

it("an admin edits a team member's staff profile and working hours, and the change stays", { timeout: 40_000 }, async () => {
  const page = await newPage(browser());
  await signInThroughForm(page, 'hello@designpi.com');
  await page.waitForURL(url('/admin/'));
  await page.goto(url('/admin/users/'));
  // Other tests add people: Mike may be on a later page of the list.
  await expect.poll(() => page.getByRole('table').first().count()).toBe(1);
  await loadWholeList(page);
  await page.getByRole('link', { name: 'Mike Chen' }).click();
  await expect.poll(() => page.getByRole('heading', { name: 'Mike Chen', level: 1 }).count()).toBe(1);
  await expectAccessible(page);

  await page.getByLabel('Position').fill('Senior Tax Consultant');
  await page.getByLabel('Skills (comma-separated)').fill('tax-preparation, payroll, consulting, audit');
  await page.getByLabel('Monday').fill('08:00-12:00, 13:00-17:00');
  await page.getByLabel('Hourly rate (USD)').fill('80.50');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect.poll(() => page.getByRole('status').textContent()).toBe('Saved.');

  await page.reload();
  await expect.poll(async () => (await page.getByLabel('Position').count()) && page.getByLabel('Position').inputValue()).toBe('Senior Tax Consultant');
  expect(await page.getByLabel('Monday').inputValue()).toBe('08:00-12:00, 13:00-17:00');
  expect(await page.getByLabel('Hourly rate (USD)').inputValue()).toBe('80.5');
  expect(await page.getByLabel('Skills (comma-separated)').inputValue()).toBe('audit, consulting, payroll, tax-preparation');

  await page.getByLabel('Monday').fill('17:00-09:00');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect.poll(() => page.getByText('each range must start before it ends').count()).toBe(1);
  await page.context().close();
});

it('an admin sees that email to a person bounced, and lets the portal email them again', { timeout: 40_000 }, async () => {
  const admin = await signIn('hello@designpi.com');
  const email = `bounce+page-${Date.now().toString(36)}@simulator.amazonses.com`;
  const { userId } = (await api('/api/invitations', { method: 'POST', token: admin.token, body: JSON.stringify({ email, name: 'Bo Unce', role: 'CLIENT' }) }))
    .body;
  // The invitation bounces (the local SES's mailbox simulator), and SES's feedback marks the person.
  await expect.poll(async () => (await api(`/api/users/${userId}`, { token: admin.token })).body.emailProblem?.reason, { timeout: 10_000 }).toBe('bounced');

  const page = await newPage(browser());
  await signInThroughForm(page, 'hello@designpi.com');
  await page.waitForURL(url('/admin/'));
  await page.goto(url(`/admin/users/person/?id=${userId}`));
  await expect
    .poll(() =>
      page
        .getByRole('alert')
        .filter({ hasText: `Email to ${email} bounced for good` })
        .count(),
    )
    .toBe(1);
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Email this address again' }).click();
  await expect.poll(() => page.getByRole('status').textContent()).toBe('The portal emails this address again.');
  expect(await page.getByRole('alert').filter({ hasText: 'bounced for good' }).count()).toBe(0);
  await page.context().close();
});
