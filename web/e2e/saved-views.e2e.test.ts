import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { api, joinAs, signIn } from '../../infra/local/test-client.ts';
import { expectAccessible, newPage, signInThroughForm, url, useBrowser } from './browser.ts';

const browser = useBrowser();
const payroll = (title: string) => JSON.stringify({ serviceId: 'svc-payroll-setup', title, requirements: { 'q-employees': '3' } });

it('an admin saves the filters of the request list as a view, comes back to it later in one click, and deletes it', { timeout: 60_000 }, async () => {
  const john = await signIn('john.doe@example.com');
  const tag = randomUUID().slice(0, 6);
  for (const n of [1, 2])
    expect((await api('/api/requests', { method: 'POST', token: john.token, body: payroll(`Views payroll ${tag} ${n}`) })).status).toBe(201);
  const name = `Payroll ${tag}`;

  // A new admin, whose views no other test touches.
  const email = `views-admin-${tag}@designpi.com`;
  await joinAs({ email, name: 'Vic Views', role: 'ADMIN', password: 'Views-Passw0rd!' });
  const page = await newPage(browser());
  await signInThroughForm(page, email, 'Views-Passw0rd!');
  await page.waitForURL(url('/admin/'));
  await page.goto(url('/admin/requests/'));
  const views = page.getByRole('region', { name: 'Saved views' });
  await expect.poll(() => views.getByText('No saved views yet').count()).toBe(1);

  await page.getByLabel('Reference or title').fill(tag);
  // Filters narrow each page of the newest-first list (one Query a page): the new requests are on the first.
  await page.locator('select[name="priority"]').selectOption('medium');
  // Filters apply as they are typed or picked, and the address keeps them.
  await expect.poll(() => page.getByRole('row', { name: new RegExp(tag) }).count()).toBe(2);
  await expect.poll(() => new URL(page.url()).searchParams.get('priority')).toBe('medium');
  expect(new URL(page.url()).searchParams.get('q')).toBe(tag);

  await views.getByRole('button', { name: 'Save view' }).click();
  await expect.poll(() => views.getByText('Give the view a name.').count()).toBe(1);
  await views.getByLabel('Save these filters as').fill(name);
  await views.getByRole('button', { name: 'Save view' }).click();
  await expect.poll(() => views.getByText(`Saved as ${name}.`).count()).toBe(1);
  expect(await views.getByRole('button', { name, exact: true }).getAttribute('aria-pressed')).toBe('true');
  await expectAccessible(page);

  // The same name again is refused before it is sent.
  await views.getByLabel('Save these filters as').fill(name.toUpperCase());
  await views.getByRole('button', { name: 'Save view' }).click();
  await expect.poll(() => views.getByText(`You already have a view called ${name.toUpperCase()}.`).count()).toBe(1);

  // A reload (or a shared link) opens the same filtered list, its view recognised.
  await page.reload();
  await expect.poll(() => page.getByRole('row', { name: new RegExp(tag) }).count()).toBe(2);
  await expect.poll(() => views.getByRole('button', { name, exact: true }).getAttribute('aria-pressed')).toBe('true');
  expect(await page.getByLabel('Reference or title').inputValue()).toBe(tag);

  // Later, from the menu: the list starts unfiltered; the view brings its filters back, into the form too.
  await page.goto(url('/admin/requests/'));
  await expect.poll(() => views.getByRole('button', { name, exact: true }).getAttribute('aria-pressed')).toBe('false');
  await views.getByRole('button', { name, exact: true }).click();
  await expect.poll(() => page.getByLabel('Reference or title').inputValue()).toBe(tag);
  expect(await page.locator('select[name="priority"]').inputValue()).toBe('medium');
  await expect.poll(() => page.getByRole('row', { name: new RegExp(tag) }).count()).toBe(2);
  expect(await views.getByRole('button', { name, exact: true }).getAttribute('aria-pressed')).toBe('true');

  // In Arabic, the view's strings come along with the rest of the page.
  await page.getByLabel('Language').selectOption('ar');
  await expect.poll(() => page.getByRole('region', { name: 'العروض المحفوظة' }).count()).toBe(1);
  await page.getByLabel('اللغة').selectOption('en');
  await expect.poll(() => views.count()).toBe(1);

  await views.getByRole('button', { name: `Delete the view ${name}` }).click();
  await expect.poll(() => views.getByText(`Deleted the view ${name}.`).count()).toBe(1);
  await expect.poll(() => views.getByText('No saved views yet').count()).toBe(1);
  await page.reload();
  await expect.poll(() => views.getByText('No saved views yet').count()).toBe(1);
  await page.context().close();
});
