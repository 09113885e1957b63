import { expect, it } from 'vitest';
import { expectAccessible, newPage, signInThroughForm, url, useBrowser } from './browser.ts';

const browser = useBrowser();

it('a team lead sees who can take more work: availability, load against capacity and free share', async () => {
  const page = await newPage(browser());
  await signInThroughForm(page, 'sarah@designpi.com');
  await page.waitForURL(url('/staff/'));
  await page.getByRole('link', { name: 'Team availability' }).click();
  await page.waitForURL(url('/staff/team/'));
  await expect.poll(() => page.getByRole('row', { name: /Mike Chen/ }).count()).toBe(1);
  const mike = page.getByRole('row', { name: /Mike Chen/ });
  expect(await mike.textContent()).toMatch(/Team member.*(Available|Busy|Offline|On leave)\d+ of \d+\d+%/);
  expect(await page.getByRole('meter', { name: 'Load of Mike Chen' }).count()).toBe(1);
  await expectAccessible(page);
  await page.context().close();
});
