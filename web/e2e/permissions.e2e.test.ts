import { expect, it } from 'vitest';
import { expectAccessible, newPage, signInThroughForm, url, useBrowser } from './browser.ts';

const browser = useBrowser();

it('an admin reads the role table in plain words, grants a lead an extra permission until a date, and revokes it', { timeout: 40_000 }, async () => {
  const page = await newPage(browser());
  await signInThroughForm(page, 'hello@designpi.com');
  await page.waitForURL(url('/admin/'));
  await page.getByRole('link', { name: 'Permissions' }).click();
  await page.waitForURL(url('/admin/permissions/'));
  await expect.poll(() => page.getByRole('rowheader', { name: /^Manage people/ }).count()).toBe(1);
  // No raw permission keys anywhere on the page.
  expect(await page.locator('main').textContent()).not.toMatch(/[a-z_]+\.(manage|read|create|update|delete|assign|view|export|health)\b/);
  await expectAccessible(page);

  await page.getByRole('combobox', { name: /^Person/ }).selectOption({ label: 'Sarah Johnson · Team lead' });
  await expect.poll(() => page.getByText('No extra permissions.').count()).toBe(1);
  await page.getByRole('combobox', { name: /^Permission/ }).selectOption({ label: 'Export data' });
  const nextWeek = new Date(Date.now() + 7 * 24 * 3600 * 1000);
  await page.getByLabel('Until (end of that day)').fill(nextWeek.toISOString().slice(0, 10));
  await page.getByRole('button', { name: 'Grant' }).click();
  await expect.poll(() => page.getByRole('status').textContent()).toBe('Granted.');
  await expect.poll(() => page.getByRole('listitem').filter({ hasText: 'Export data' }).count()).toBe(1);

  await page.getByRole('button', { name: 'Revoke: Export data' }).click();
  await expect.poll(() => page.getByText('No extra permissions.').count()).toBe(1);
  await page.context().close();
});
