import { expect, it } from 'vitest';
import { expectAccessible, newPage, signInThroughForm, url, useBrowser } from './browser.ts';

const browser = useBrowser();

it('an admin adds a service, it appears in the public catalog with its price, and leaves it when made inactive', async () => {
  const page = await newPage(browser());
  await signInThroughForm(page, 'hello@designpi.com');
  await page.waitForURL(url('/admin/'));
  await page.getByRole('link', { name: 'Services' }).click();
  await page.waitForURL(url('/admin/services/'));
  await expect.poll(() => page.getByRole('cell', { name: 'Individual Tax Return', exact: true }).count()).toBe(1);
  await expectAccessible(page);

  await page.getByRole('button', { name: 'Add a service' }).click();
  await page.getByRole('button', { name: 'Save the service' }).click();
  await expect.poll(() => page.getByText('Name is required').count()).toBe(1);
  await page.getByLabel('Name').fill('Year-End Close');
  await page.getByLabel('Category').fill('Bookkeeping');
  await page.getByLabel('Base price (USD)').fill('1,250.50');
  await page.getByLabel('Estimated hours').fill('6');
  await page.getByLabel('Required skills (comma-separated)').fill('bookkeeping, audit');
  await page.getByLabel('Questions for the client').fill('* Fiscal year end\nAnything unusual this year?');
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Save the service' }).click();
  await expect.poll(() => page.getByRole('cell', { name: 'Year-End Close', exact: true }).count()).toBe(1);
  expect(await page.getByRole('cell', { name: '$1,250.50' }).count()).toBe(1);

  const visitor = await newPage(browser());
  await visitor.goto(url('/catalog/?firm=designpi'));
  await expect.poll(() => visitor.getByRole('heading', { name: 'Year-End Close' }).count()).toBe(1);
  expect(await visitor.getByText('from $1,250.50').count()).toBe(1);
  expect(await visitor.getByRole('heading', { name: 'Quarterly Tax Estimates' }).count()).toBe(0);
  await expectAccessible(visitor);

  await page.getByRole('button', { name: 'Change: Year-End Close' }).click();
  await page.getByLabel('Status').selectOption('inactive');
  await page.getByRole('button', { name: 'Save the service' }).click();
  await expect.poll(() => page.getByRole('row', { name: /Year-End Close/ }).textContent()).toContain('Inactive');
  await visitor.reload();
  await expect.poll(() => visitor.getByRole('heading', { name: 'Individual Tax Return' }).count()).toBe(1);
  expect(await visitor.getByRole('heading', { name: 'Year-End Close' }).count()).toBe(0);
  await page.context().close();
  await visitor.context().close();
});
