import { beforeAll, expect, it } from 'vitest';
import { joinAs } from '../../infra/local/test-client.ts';
import { totp } from '../../infra/local/test-totp.ts';
import { expectAccessible, newPage, signInThroughForm, url, useBrowser } from './browser.ts';

const email = 'careful@example.com';
const password = 'Careful-Passw0rd!';
const browser = useBrowser();

beforeAll(async () => {
  await joinAs({ email, name: 'Cam Careful', role: 'CLIENT', password });
});

it('a client turns on two-step sign-in, signs in with a code from the app, and turns it off again', async () => {
  const page = await newPage(browser());
  await signInThroughForm(page, email, password);
  await page.waitForURL(url('/portal/'));
  await page.getByRole('link', { name: 'Account' }).first().click();
  await page.waitForURL(url('/account/'));
  await page.getByLabel('Your password').fill(password);
  await page.getByRole('button', { name: 'Set up two-step sign-in' }).click();
  await expect.poll(() => page.getByRole('img', { name: 'QR code for your authenticator app' }).count()).toBe(1);
  await expectAccessible(page);

  const key = (await page.getByTestId('totp-key').textContent())!;
  await page.getByLabel('Code from the app').fill(totp(key));
  await page.getByRole('button', { name: 'Turn on' }).click();
  await expect.poll(() => page.getByRole('status').textContent()).toBe('Two-step sign-in is now on.');

  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.waitForURL(url('/login/'));
  await signInThroughForm(page, email, password);
  await expect.poll(() => page.getByRole('heading', { name: 'Enter your authenticator code' }).count()).toBe(1);
  await expectAccessible(page);
  await page.getByLabel('Code').fill('000000');
  await page.getByRole('button', { name: 'Verify' }).click();
  await expect.poll(() => page.getByText('is not the current code of your authenticator app').count()).toBe(1);
  await page.getByLabel('Code').fill(totp(key));
  await page.getByRole('button', { name: 'Verify' }).click();
  await page.waitForURL(url('/portal/'));
  await expect.poll(() => page.getByTestId('signed-in-as').textContent()).toContain('Cam Careful');

  // And off again, with the password and a current code.
  await page.getByRole('link', { name: 'Account' }).first().click();
  await page.waitForURL(url('/account/'));
  await page.getByLabel('Your password').fill(password);
  await page.getByLabel('Code from the app').fill(totp(key));
  await page.getByRole('button', { name: 'Turn off' }).click();
  await expect.poll(() => page.getByRole('status').first().textContent()).toBe('Two-step sign-in is off. Sign-in asks for your password only.');
  await page.context().close();
});
