import { expect, it } from 'vitest';
import { linkIn, nextEmailTo } from '../../infra/local/test-inbox.ts';
import { expectAccessible, newPage, url, useBrowser } from './browser.ts';

const browser = useBrowser();

it('a new client signs up on the firm’s page, confirms the address from the email and lands in the portal', async () => {
  const email = 'ola.signup@example.com';
  const page = await newPage(browser());
  await page.goto(url('/register/?firm=designpi'));
  await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Sign up with DesignPi');
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Send the link' }).click();
  await expect.poll(() => page.getByText('Your name is required').count()).toBe(1);
  await page.getByLabel('Your name').fill('Ola Signup');
  await page.getByLabel('Email').fill(email);
  await page.getByRole('button', { name: 'Send the link' }).click();
  await expect.poll(() => page.getByRole('status').textContent()).toContain(`We sent a link to ${email}.`);

  await page.goto(linkIn(await nextEmailTo(email), '/invitation/?token='));
  await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Confirm your email for DesignPi');
  await page.getByLabel('New password').fill('Ola-Signup-Passw0rd');
  await page.getByLabel('Repeat the password').fill('Ola-Signup-Passw0rd');
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Confirm and open my portal' }).click();
  await page.waitForURL(url('/portal/'));
  await expect.poll(() => page.getByTestId('signed-in-as').textContent()).toContain('Ola Signup');
  await page.context().close();
});

it('says so where a firm takes no sign-ups, or the link names no firm', async () => {
  const page = await newPage(browser());
  await page.goto(url('/register/?firm=northwind'));
  await expect.poll(() => page.getByRole('alert').textContent()).toBe('Northwind Advisory does not take sign-ups online. Ask the firm to invite you.');
  expect(await page.getByRole('button', { name: 'Send the link' }).count()).toBe(0);
  await page.goto(url('/register/?firm=nobody'));
  await expect.poll(() => page.getByRole('alert').textContent()).toBe('This sign-up link does not point to a firm. Check the address you were given.');
  await page.context().close();
});
