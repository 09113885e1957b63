import type { Browser } from 'playwright-core';
import { expect, it } from 'vitest';
import { api, signIn } from '../../infra/local/test-client.ts';
import { expectAccessible, signInThroughForm, url, useBrowser } from './browser.ts';

const browser = useBrowser();

/** A page with the colour scheme the reader's system asks for. */
async function reader(b: Browser, colorScheme: 'light' | 'dark') {
  const context = await b.newContext({ locale: 'en-US', colorScheme });
  return context.newPage();
}

/** The page again, in the reader's language of choice. */
async function inLocale(page: Awaited<ReturnType<typeof reader>>, locale: string) {
  await page.evaluate((chosen) => localStorage.setItem('sp_locale', chosen), locale);
  await page.reload();
}

const background = (page: Awaited<ReturnType<typeof reader>>) => page.evaluate(() => getComputedStyle(document.body).backgroundColor);

it('follows a dark system, and the reader can choose light or dark, kept for the next visit', { timeout: 30_000 }, async () => {
  const page = await reader(browser(), 'dark');
  await page.goto(url('/login/'));
  const dark = await background(page);
  const scheme = page.getByRole('button', { name: /^Colours: as the system/ });
  await scheme.click();
  await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe('light');
  expect(await background(page)).not.toBe(dark);
  await page.getByRole('button', { name: /^Colours: light/ }).click();
  await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
  await page.reload();
  expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
  expect(await background(page)).toBe(dark);
  await page.getByRole('button', { name: /^Colours: dark/ }).click();
  await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBeUndefined();
  await page.context().close();
});

it('writes Arabic and Hindi in the portal’s own fonts, each page downloading only its own script’s, an English page none', { timeout: 30_000 }, async () => {
  for (const [locale, family, file] of [
    ['en', undefined, undefined],
    ['ar', 'Portal Arabic', 'noto-sans-arabic-arabic-wght-normal'],
    ['hi', 'Portal Devanagari', 'noto-sans-devanagari-devanagari-wght-normal'],
  ] as const) {
    // A first visit in that language: nothing cached from another page.
    const page = await reader(browser(), 'light');
    await page.addInitScript((chosen) => localStorage.setItem('sp_locale', chosen), locale);
    await page.goto(url('/login/'));
    await expect.poll(() => page.locator('h1').count()).toBe(1);
    const fetched = () =>
      page.evaluate(() =>
        performance
          .getEntriesByType('resource')
          .filter((r) => r.name.endsWith('.woff2'))
          .map((r) => r.name.replace(/.*\//, '').replace(/\..*/, '')),
      );
    if (family) {
      expect(await page.evaluate(() => getComputedStyle(document.body).fontFamily)).toMatch(new RegExp(`^"${family}"`));
      const status = () =>
        page.evaluate(async (name) => {
          await document.fonts.ready;
          return [...document.fonts].filter((f) => f.family.replaceAll('"', '') === name).map((f) => f.status);
        }, family);
      await expect.poll(status).toEqual(['loaded']);
    }
    expect(await fetched()).toEqual(file ? [file] : []);
    await page.context().close();
  }
});

for (const locale of ['en', 'ar', 'hi'] as const) {
  it(`keeps the key pages free of accessibility problems in dark mode, in ${locale}`, { timeout: 60_000 }, async () => {
    const page = await reader(browser(), 'dark');
    for (const path of ['/login/', '/book/?firm=designpi']) {
      await page.goto(url(path));
      await inLocale(page, locale);
      await expect.poll(() => page.locator('h1').count()).toBeGreaterThan(0);
      await expectAccessible(page);
    }
    await inLocale(page, 'en');
    await signInThroughForm(page, 'john.doe@example.com');
    await page.waitForURL(url('/portal/'));
    await inLocale(page, locale);
    await expect.poll(() => page.getByRole('region').count()).toBeGreaterThan(3);
    await expectAccessible(page);
    await page.context().close();

    // A request to open, whatever ran before.
    const john = await signIn('john.doe@example.com');
    const asked = await api('/api/requests', {
      method: 'POST',
      token: john.token,
      body: JSON.stringify({ serviceId: 'svc-payroll-setup', title: `Payroll in the dark (${locale})`, requirements: { 'q-employees': '4' } }),
    });
    expect(asked.status).toBe(201);
    const admin = await reader(browser(), 'dark');
    await signInThroughForm(admin, 'hello@designpi.com');
    await admin.waitForURL(url('/admin/'));
    await inLocale(admin, locale);
    await expect.poll(() => admin.getByTestId('kpi-active').count()).toBe(1);
    await expectAccessible(admin);
    await admin.goto(url('/admin/requests/'));
    await expect.poll(() => admin.getByRole('row').count()).toBeGreaterThan(1);
    await expectAccessible(admin);
    await admin.locator('a[data-row-link]').first().click();
    await admin.waitForURL(/\/admin\/request\/\?id=/);
    await expect.poll(() => admin.getByTestId('next-step').count()).toBe(1);
    await expectAccessible(admin);
    await admin.context().close();
  });
}

it('shows a firm’s accent colour on its booking page once its admin sets it in Settings → Brand, with the contrast checked', { timeout: 60_000 }, async () => {
  const admin = await reader(browser(), 'light');
  await signInThroughForm(admin, 'hello@designpi.com');
  await admin.waitForURL(url('/admin/'));
  await admin.goto(url('/admin/settings/'));
  const card = admin.getByRole('region', { name: 'Brand' });
  await card.getByLabel('Accent colour', { exact: true }).fill('#fbbf24');
  await card.getByRole('button', { name: 'Save the brand' }).click();
  await expect.poll(() => card.getByText(/^is too light: 1\.\d+:1 against white/).count()).toBe(1);
  await card.getByLabel('Accent colour', { exact: true }).fill('#7c3aed');
  await expect.poll(() => card.getByText(/^Contrast 5\.\d+:1 against white/).count()).toBe(1);
  await card.getByRole('button', { name: 'Save the brand' }).click();
  await expect.poll(() => card.getByText('Saved.', { exact: false }).count()).toBe(1);
  await expectAccessible(admin);

  const accentOf = (page: typeof admin) => page.evaluate(() => getComputedStyle(document.querySelector('[class*="bg-brand-600"]')!).backgroundColor);
  for (const colorScheme of ['light', 'dark'] as const) {
    const visitor = await reader(browser(), colorScheme);
    await visitor.goto(url('/book/?firm=designpi'));
    await expect.poll(() => visitor.locator('[class*="bg-brand-600"]').count()).toBeGreaterThan(0);
    // The accent itself in light; in dark, the lighter tint made from it.
    if (colorScheme === 'light') await expect.poll(() => accentOf(visitor)).toBe('rgb(124, 58, 237)');
    else await expect.poll(() => accentOf(visitor)).not.toBe('rgb(124, 58, 237)');
    await expectAccessible(visitor);
    await visitor.context().close();
  }

  await card.getByRole('button', { name: 'Use the portal’s colour' }).click();
  await expect.poll(() => card.getByLabel('Accent colour', { exact: true }).inputValue()).toBe('#1d5fd1');
  await admin.context().close();
});
