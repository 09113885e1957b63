import { describe, expect, it } from 'vitest';
import { expectAccessible, loadWholeList, newPage, signInThroughForm, url, useBrowser } from './browser.ts';

const browser = useBrowser();

describe('each role reaches its own portal', () => {
  it.each([
    ['john.doe@example.com', '/portal/', 'John Doe · Client'],
    ['mike@designpi.com', '/staff/', 'Mike Chen · Team member'],
    ['sarah@designpi.com', '/staff/', 'Sarah Johnson · Team lead'],
    ['hello@designpi.com', '/admin/', 'Diana Price · Admin'],
  ])('%s lands on %s', async (email, home, who) => {
    const page = await newPage(browser());
    await signInThroughForm(page, email);
    await page.waitForURL(url(home));
    await expect.poll(() => page.getByTestId('signed-in-as').textContent()).toContain(who);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toMatch(/^Welcome, /);
    await page.context().close();
  });
});

describe('access', () => {
  it('keeps a client out of /admin, in the page and at the API', async () => {
    const page = await newPage(browser());
    await signInThroughForm(page, 'jane.smith@example.com');
    await page.waitForURL(url('/portal/'));
    await page.goto(url('/admin/users/'));
    await expect.poll(() => page.getByRole('heading', { name: 'This area is not for your role' }).count()).toBe(1);
    expect(await page.getByRole('table').count()).toBe(0);
    await page.context().close();
  });

  it('sends a stranger to sign in and back to where they were going', async () => {
    const page = await newPage(browser());
    await page.goto(url('/admin/users/'));
    await page.waitForURL(url('/login/?next=%2Fadmin%2Fusers%2F'));
    await page.getByLabel('Email').fill('hello@designpi.com');
    await page.getByLabel('Password').fill('Demo-Passw0rd!');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(url('/admin/users/'));
    await expect.poll(() => page.getByRole('table').first().count()).toBe(1);
    await loadWholeList(page);
    // The six seeded DesignPi people (other tests may have invited more), and nobody of Northwind.
    for (const email of [
      'hello@designpi.com',
      'sarah@designpi.com',
      'mike@designpi.com',
      'john.doe@example.com',
      'jane.smith@example.com',
      'bob.wilson@example.com',
    ]) {
      await expect.poll(() => page.getByRole('cell', { name: email, exact: true }).count()).toBe(1);
    }
    // (priya@client.example may be listed as DesignPi's own invitation: invitations.int.test.ts.)
    expect(await page.getByRole('cell', { name: /northwind/ }).count()).toBe(0);
    await expectAccessible(page);
    await page.context().close();
  });

  it('says so when the password is wrong, and stays on the form', async () => {
    const page = await newPage(browser());
    await signInThroughForm(page, 'john.doe@example.com', 'wrong-password');
    await expect.poll(() => page.getByRole('alert').textContent()).toBe('Email or password is incorrect.');
    expect(new URL(page.url()).pathname).toBe('/login/');
    await page.context().close();
  });

  it('pauses sign-in after five failures in a row and says for how long', async () => {
    const page = await newPage(browser());
    // The account is nobody's, so its pause touches nobody else; the browser's address (127.0.0.1) sees four failures.
    for (let i = 1; i <= 4; i++) {
      await signInThroughForm(page, 'not-a-member@example.com', `guess-${i}`);
      await expect.poll(() => page.getByRole('alert').textContent()).toBe('Email or password is incorrect.');
    }
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toBe('Too many failed sign-ins. Try again in 15 minutes, or reset your password.');
    await page.context().close();
  });

  it('signs out and forgets the session', async () => {
    const page = await newPage(browser());
    await signInThroughForm(page, 'bob.wilson@example.com');
    await page.waitForURL(url('/portal/'));
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(url('/login/'));
    await page.goto(url('/portal/'));
    await page.waitForURL(/\/login\/\?next=/);
    await page.context().close();
  });
});

describe('languages', () => {
  it('switches to Arabic right-to-left and keeps it across pages', async () => {
    const page = await newPage(browser());
    await page.goto(url('/login/'));
    await expectAccessible(page);
    await page.getByLabel('Language').selectOption('ar');
    await expect.poll(() => page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual(['ar', 'rtl']);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('سجّل الدخول إلى بوابتك');
    await page.goto(url('/'));
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await page.getByLabel('اللغة').selectOption('hi');
    await expect.poll(() => page.getByRole('link', { name: 'साइन इन करें' }).count()).toBe(1);
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('ltr');
    await page.context().close();
  });

  it('tells an Arabic reader in Arabic what is wrong with a field the server refused, after the form’s own label', async () => {
    const page = await newPage(browser());
    await page.goto(url('/forgot-password/'));
    await page.getByLabel('Language').selectOption('ar');
    await page.getByLabel('البريد الإلكتروني').fill('not-an-address');
    await page.getByRole('button', { name: 'إرسال الرابط' }).click();
    await expect.poll(() => page.getByText('البريد الإلكتروني ليس بالصيغة الصحيحة').count()).toBe(1);
    await expectAccessible(page);
    await page.context().close();
  });
});

describe('API reference', () => {
  it('lists every operation of the served OpenAPI document, with who may call it', async () => {
    const page = await newPage(browser());
    await page.goto(url('/api-docs/'));
    await expect.poll(() => page.locator('details').count()).toBeGreaterThan(20);
    await page.locator('#createInvitation summary').click();
    await expect.poll(() => page.locator('#createInvitation').textContent()).toContain('Holders of users.manage');
    await expectAccessible(page);
    await page.context().close();
  });
});
