import { expect, it } from 'vitest';
import { linkIn, nextEmailTo } from '../../infra/local/test-inbox.ts';
import { expectAccessible, newPage, signInThroughForm, url, useBrowser } from './browser.ts';

const browser = useBrowser();

it('an admin invites a team member, who sets a password from the emailed link and lands in the staff area', async () => {
  const admin = await newPage(browser());
  await signInThroughForm(admin, 'hello@designpi.com');
  await admin.waitForURL(url('/admin/'));
  await admin.goto(url('/admin/users/'));
  await admin.getByLabel('Email', { exact: true }).fill('nina@designpi.com');
  await admin.getByLabel('Full name').fill('Nina Patel');
  await admin.getByLabel('Role').selectOption('TEAM_MEMBER');
  await admin.getByRole('button', { name: 'Send invitation' }).click();
  await expect.poll(() => admin.getByText('Invitation sent to nina@designpi.com.').count()).toBe(1);
  await expect.poll(() => admin.getByRole('row', { name: /Nina Patel.*Pending/ }).count()).toBe(1);
  await expectAccessible(admin);

  const link = linkIn(await nextEmailTo('nina@designpi.com'), '/invitation/?token=');
  const nina = await newPage(browser());
  await nina.goto(link);
  await expect.poll(() => nina.getByRole('heading', { name: 'Join DesignPi' }).count()).toBe(1);
  expect(await nina.getByLabel('Email').inputValue()).toBe('nina@designpi.com');
  await expectAccessible(nina);

  await nina.getByLabel('New password').fill('short');
  await nina.getByRole('button', { name: 'Join DesignPi' }).click();
  await expect.poll(() => nina.getByText('The password does not meet every rule below.').count()).toBe(1);

  await nina.getByLabel('New password').fill('Nina-Passw0rd!');
  await nina.getByLabel('Repeat the password').fill('Nina-Passw0rd!');
  await nina.getByRole('button', { name: 'Join DesignPi' }).click();
  await nina.waitForURL(url('/staff/'));
  await expect.poll(() => nina.getByTestId('signed-in-as').textContent()).toContain('Nina Patel · Team member');

  // The link was single use.
  const again = await newPage(browser());
  await again.goto(link);
  await expect.poll(() => again.getByRole('alert').textContent()).toContain('expired or was already used');

  await admin.reload();
  await expect.poll(() => admin.getByRole('row', { name: /Nina Patel.*Accepted/ }).count()).toBe(1);
  await Promise.all([admin, nina, again].map((p) => p.context().close()));
});
