import { expect, it } from 'vitest';
import { expectAccessible, newPage, signInThroughForm, url, useBrowser } from './browser.ts';

const browser = useBrowser();

it('on a wide screen the admin’s pages sit in a sidebar grouped by task, and the top bar stays one row', { timeout: 30_000 }, async () => {
  const page = await newPage(browser());
  await page.setViewportSize({ width: 1440, height: 900 });
  await signInThroughForm(page, 'hello@designpi.com');
  await page.waitForURL(url('/admin/'));
  const nav = page.getByRole('navigation', { name: 'Main' });
  await expect.poll(() => nav.getByRole('list').count()).toBe(5);
  for (const group of ['Work', 'Clients', 'Scheduling', 'Firm', 'System']) expect(await nav.getByRole('list', { name: group }).count()).toBe(1);
  expect(await nav.getByRole('link', { name: 'Dashboard' }).getAttribute('aria-current')).toBe('page');
  expect((await page.locator('header').boundingBox())!.height).toBeLessThanOrEqual(57);
  expect(await page.getByRole('button', { name: 'Menu', exact: true }).isVisible()).toBe(false);
  await expectAccessible(page);
  await nav.getByRole('link', { name: 'Settings' }).click();
  await page.waitForURL(url('/admin/settings/'));
  expect(await nav.getByRole('link', { name: 'Settings' }).getAttribute('aria-current')).toBe('page');
  await page.context().close();
});

it('on a 390 px phone the sidebar is a menu that opens, takes the keyboard, and closes with Escape', { timeout: 30_000 }, async () => {
  const page = await newPage(browser());
  await page.setViewportSize({ width: 390, height: 844 });
  await signInThroughForm(page, 'mike@designpi.com');
  await page.waitForURL(url('/staff/'));
  const menu = page.getByRole('button', { name: 'Menu', exact: true });
  await expect.poll(() => menu.isVisible()).toBe(true);
  expect(await page.getByRole('navigation', { name: 'Main' }).count()).toBe(0);
  // Nothing is wider than the phone.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await menu.click();
  expect(await menu.getAttribute('aria-expanded')).toBe('true');
  const nav = page.getByRole('navigation', { name: 'Main' });
  await expect.poll(() => nav.isVisible()).toBe(true);
  await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Close the menu');
  await expectAccessible(page);
  await page.keyboard.press('Escape');
  await expect.poll(() => nav.count()).toBe(0);
  await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Menu');
  await menu.click();
  await nav.getByRole('link', { name: 'Tasks' }).click();
  await page.waitForURL(url('/staff/tasks/'));
  await page.context().close();
});

it('shows the page’s frame before its script runs, and a real “not found” page with ways back', { timeout: 30_000 }, async () => {
  const html = await (await fetch(url('/admin/requests/'))).text();
  expect(html).toMatch(/<div id="app"[^>]*><div class="min-h-screen lg:flex" aria-busy="true">/);

  const page = await newPage(browser());
  const response = await page.goto(url('/no-such-page/'));
  expect(response!.status()).toBe(404);
  await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('This page does not exist');
  expect(await page.getByRole('link', { name: 'Go to the home page' }).getAttribute('href')).toBe('/');
  expect(await page.getByRole('link', { name: 'Sign in' }).getAttribute('href')).toBe('/login/');
  await expectAccessible(page);
  await signInThroughForm(page, 'john.doe@example.com');
  await page.waitForURL(url('/portal/'));
  await page.goto(url('/portal/nothing-here/'));
  await expect.poll(() => page.getByRole('link', { name: 'Go to your dashboard' }).getAttribute('href')).toBe('/portal/');
  await page.context().close();
});

it('public pages lead newcomers to booking and sign-up', { timeout: 30_000 }, async () => {
  const page = await newPage(browser());
  await page.goto(url('/catalog/?firm=designpi'));
  await expect.poll(() => page.getByRole('link', { name: 'Book an appointment' }).getAttribute('href')).toBe('/book/?firm=designpi');
  expect(await page.getByRole('link', { name: 'New client? Sign up' }).getAttribute('href')).toBe('/register/?firm=designpi');
  await page.goto(url('/login/?firm=designpi'));
  await expect.poll(() => page.getByRole('link', { name: 'Book an appointment' }).getAttribute('href')).toBe('/book/?firm=designpi');
  expect(await page.getByRole('link', { name: 'Sign up' }).getAttribute('href')).toBe('/register/?firm=designpi');
  expect(await page.getByRole('link', { name: 'See the services' }).getAttribute('href')).toBe('/catalog/?firm=designpi');
  await expectAccessible(page);
  await page.context().close();
});

it('staff jump to a page, a request by its reference, or a client with Ctrl-K', { timeout: 30_000 }, async () => {
  const page = await newPage(browser());
  await signInThroughForm(page, 'hello@designpi.com');
  await page.waitForURL(url('/admin/'));
  await expect.poll(() => page.getByRole('button', { name: /Jump to/ }).count()).toBe(1);
  const field = page.getByRole('combobox', { name: 'Jump to a page, a request or a client' });
  // Ctrl-K only opens the menu, which loads on first use: pressed again until it shows (the key may come before the page listens, on a busy machine).
  const openMenu = () =>
    expect
      .poll(
        async () => {
          if (!(await field.isVisible())) await page.keyboard.press('Control+k');
          return field.isVisible();
        },
        { timeout: 10_000 },
      )
      .toBe(true);
  await openMenu();
  await field.fill('acme');
  await expect.poll(() => page.getByRole('option', { name: /Acme Corporation/ }).count()).toBe(1);
  await expectAccessible(page);
  await field.press('Escape');
  await expect.poll(() => field.count()).toBe(0);

  await openMenu();
  await field.fill('settings');
  // As a person would: Enter once the page is the chosen option.
  await expect.poll(() => page.getByRole('option', { name: /^Settings/ }).getAttribute('aria-selected')).toBe('true');
  await field.press('Enter');
  await page.waitForURL(url('/admin/settings/'));
  await page.context().close();
});
