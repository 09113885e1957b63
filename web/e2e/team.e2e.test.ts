import { expect, it } from 'vitest';
import { expectAccessible, newPage, signInThroughForm, url, useBrowser } from './browser.ts';

const browser = useBrowser();

it('a team lead sees who can take more work (availability, load against capacity, open tasks, free share) and who holds which skill', async () => {
  const page = await newPage(browser());
  await signInThroughForm(page, 'sarah@designpi.com');
  await page.waitForURL(url('/staff/'));
  await page.getByRole('link', { name: 'Team availability' }).click();
  await page.waitForURL(url('/staff/team/'));
  const workload = page.getByRole('table').first();
  await expect.poll(() => workload.getByRole('row', { name: /Mike Chen/ }).count()).toBe(1);
  const mike = workload.getByRole('row', { name: /Mike Chen/ });
  // Availability, active requests of capacity, open tasks, free share.
  expect(await mike.textContent()).toMatch(/Team member.*(Available|Busy|Offline|On leave)\d+ of \d+\d+\d+%/);
  // The skills matrix: who holds which skill, at their level.
  const matrix = page.getByRole('region', { name: 'Skills matrix' });
  expect(await matrix.getByRole('columnheader', { name: 'financial-statements' }).count()).toBe(1);
  expect(await matrix.getByRole('row', { name: /Sarah Johnson/ }).textContent()).toContain('✓ Senior');
  expect(await page.getByRole('meter', { name: 'Load of Mike Chen' }).count()).toBe(1);
  // Her own assignment history opens under the table.
  await page.getByRole('button', { name: 'Assignment history of Sarah Johnson' }).click();
  await expect.poll(() => page.getByRole('heading', { name: 'Assignment history of Sarah Johnson' }).count()).toBe(1);
  await expect.poll(async () => (await page.getByRole('region', { name: 'Assignment history of Sarah Johnson' }).textContent())?.includes('…')).toBe(false);
  await expectAccessible(page);
  await page.context().close();
});
