import { beforeAll, expect, it } from 'vitest';
import { signIn } from '../../infra/local/test-client.ts';
import { expectAccessible, newPage, signInThroughForm, url, useBrowser } from './browser.ts';

const browser = useBrowser();
beforeAll(async () => {
  await signIn('mike@designpi.com'); // something of Mike's to find
});

it('an admin finds who did what in the audit log, by person and action, and one record’s history', async () => {
  const page = await newPage(browser());
  await signInThroughForm(page, 'hello@designpi.com');
  await page.waitForURL(url('/admin/'));
  await page.getByRole('link', { name: 'Audit log' }).click();
  await page.waitForURL(url('/admin/audit/'));
  await expect.poll(() => page.getByRole('row').count()).toBeGreaterThan(1);

  await page.getByLabel('Person').selectOption({ label: 'Mike Chen' });
  await page.getByLabel('Action').selectOption({ label: 'Signed in' });
  await page.getByRole('button', { name: 'Show', exact: true }).click();
  const rows = page.getByRole('row').filter({ hasText: 'Mike Chen' });
  await expect.poll(() => rows.count()).toBeGreaterThan(0);
  const otherRows = page.getByRole('row').filter({ hasNotText: 'Mike Chen' });
  expect(await otherRows.count()).toBe(1); // only the header
  expect(await rows.first().textContent()).toContain('Signed in');
  await expectAccessible(page);

  // One record's whole history, from its row.
  const record = (await rows.first().getByRole('button').textContent())!;
  await rows.first().getByRole('button').click();
  await expect.poll(() => page.getByRole('status').textContent()).toContain(`Showing the history of ${record}.`);
  const recordCells = page.getByRole('button', { name: `Show the history of ${record}`, exact: true });
  await expect.poll(async () => (await recordCells.count()) === (await page.getByRole('row').count()) - 1).toBe(true);
  await page.getByRole('button', { name: 'Show everything' }).click();
  await expect.poll(() => page.getByRole('status').count()).toBe(0);
  await page.context().close();
});
