import { expect, it } from 'vitest';
import { expectAccessible, newPage, signInThroughForm, url, useBrowser } from './browser.ts';

const browser = useBrowser();

it("a firm's admin sees each part of the system green, with the firm's figures, and can check again", async () => {
  const page = await newPage(browser());
  await signInThroughForm(page, 'hello@designpi.com');
  await page.waitForURL(url('/admin/'));
  await page.getByRole('link', { name: 'System health' }).click();
  await page.waitForURL(url('/admin/health/'));
  await expect.poll(() => page.getByRole('status').textContent()).toContain('Every part answers as it should.');
  for (const part of ['Database table', 'Event bus', 'Live connections', 'Email']) {
    expect(await page.getByRole('heading', { name: `${part} — OK` }).count()).toBe(1);
  }
  // The platform's dead-letter queues are the operator's to watch, not a firm's.
  expect(await page.getByRole('heading', { name: /Dead-letter queues/ }).count()).toBe(0);
  expect(await page.getByTestId('health-mail').textContent()).toContain('Sending enabled');
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Check again' }).click();
  await expect.poll(() => page.getByRole('button', { name: 'Check again' }).isEnabled()).toBe(true);
  await page.context().close();
});
