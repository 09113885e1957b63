import { beforeAll, expect, it } from 'vitest';
import { signIn } from '../../infra/local/test-client.ts';
import { expectAccessible, newPage, signInThroughForm, url, useBrowser } from './browser.ts';

const browser = useBrowser();
beforeAll(async () => {
  await signIn('mike@designpi.com'); // something of Mike's to find
});

it('an admin finds who did what in the audit log, by person and action', async () => {
  const page = await newPage(browser());
  await signInThroughForm(page, 'hello@designpi.com');
  await page.waitForURL(url('/admin/'));
  await page.getByRole('link', { name: 'Audit log' }).click();
  await page.waitForURL(url('/admin/audit/'));
  await expect.poll(() => page.getByRole('row').count()).toBeGreaterThan(1);

  await page.getByLabel('Person').selectOption({ label: 'Mike Chen' });
  await page.getByLabel('Action').selectOption({ label: 'Signed in' });
  await page.getByRole('button', { name: 'Show' }).click();
  const rows = page.getByRole('row').filter({ hasText: 'Mike Chen' });
  await expect.poll(() => rows.count()).toBeGreaterThan(0);
  const otherRows = page.getByRole('row').filter({ hasNotText: 'Mike Chen' });
  expect(await otherRows.count()).toBe(1); // only the header
  expect(await rows.first().textContent()).toContain('Signed in');
  await expectAccessible(page);
  await page.context().close();
});
