import { beforeAll, expect, it } from 'vitest';
import { joinAs } from '../../infra/local/test-client.ts';
import { linkIn, nextEmailTo } from '../../infra/local/test-inbox.ts';
import { expectAccessible, newPage, signInThroughForm, url, useBrowser } from './browser.ts';

const email = 'forgetful@example.com';
const browser = useBrowser();

beforeAll(async () => {
  // A person of this test's own, who has just joined.
  await joinAs({ email, name: 'Frankie Forgetful', role: 'CLIENT', password: 'Forgotten-Passw0rd!' });
});

it('someone who forgot their password gets a link by email, chooses a new one and signs in', async () => {
  const page = await newPage(browser());
  await page.goto(url('/login/'));
  await page.getByRole('link', { name: 'Forgot your password?' }).click();
  await page.waitForURL(url('/forgot-password/'));
  await page.getByLabel('Email').fill(email);
  await page.getByRole('button', { name: 'Send the link' }).click();
  await expect.poll(() => page.getByRole('status').textContent()).toContain(`If an account uses ${email}, a link is on its way.`);
  await expectAccessible(page);

  await page.goto(linkIn(await nextEmailTo(email, 1), '/reset-password/?token='));
  await page.getByLabel('New password').fill('Remembered-Passw0rd!');
  await page.getByLabel('Repeat the password').fill('Remembered-Passw0rd!');
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Save the new password' }).click();
  await expect.poll(() => page.getByRole('status').textContent()).toContain('Your password is changed');

  await signInThroughForm(page, email, 'Remembered-Passw0rd!');
  await page.waitForURL(url('/portal/'));
  await expect.poll(() => page.getByTestId('signed-in-as').textContent()).toContain('Frankie Forgetful');
  await page.context().close();
});
