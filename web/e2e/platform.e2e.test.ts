/**
 * The platform operator (issue 19): makes a firm offering two languages, whose invited admin joins
 * from the inbox into an empty firm and offers a third; then the operator suspends it, and the admin is refused with a clear message; asks for its
 * deletion (its name typed again), gets its export, and cancels. A firm's own admin never enters
 * the platform area.
 */
import { expect, it } from 'vitest';
import { linkIn, nextEmailTo } from '../../infra/local/test-inbox.ts';
import { expectAccessible, loadWholeList, newPage, signInThroughForm, url, useBrowser } from './browser.ts';

const browser = useBrowser();
const RUN = Date.now().toString(36);

it(
  'the operator makes a firm, its invited admin joins an empty firm, once suspended the admin is refused, and its deletion is asked for and cancelled',
  { timeout: 120_000 },
  async () => {
    const slug = `aster-${RUN}`;
    const adminEmail = `ada-${RUN}@aster.example`;
    const operator = await newPage(browser());
    await signInThroughForm(operator, 'operator@serviceportal.example');
    await operator.waitForURL(url('/platform/'));
    await expect.poll(() => operator.getByRole('link', { name: 'DesignPi' }).count()).toBe(1);
    await expectAccessible(operator);

    await operator.getByRole('button', { name: 'Make a firm' }).click();
    const form = operator.getByRole('form', { name: 'Make a firm' });
    await form.getByLabel('Firm name').fill('Aster Accounting');
    await form.getByLabel('Address').fill('admin');
    await form.getByLabel('First admin’s name').fill('Ada Aster');
    await form.getByLabel('First admin’s email').fill(adminEmail);
    await form.getByRole('button', { name: 'Make the firm and invite its admin' }).click();
    await expect.poll(() => form.getByText('is reserved by the portal').count()).toBe(1);
    await expectAccessible(operator);
    await form.getByLabel('Address').fill(slug);
    await form.getByLabel('Time zone').selectOption('Europe/Dublin');
    await form.getByLabel('Currency').fill('eur');
    // It offers English and Arabic, not Hindi.
    await form.getByRole('checkbox', { name: 'हिन्दी' }).uncheck();
    await form.getByRole('button', { name: 'Make the firm and invite its admin' }).click();
    await expect
      .poll(() =>
        operator
          .getByRole('status')
          .filter({ hasText: `Aster Accounting is ready. ${adminEmail} was sent an invitation.` })
          .count(),
      )
      .toBe(1);
    await loadWholeList(operator);
    await expect.poll(() => operator.getByRole('row', { name: new RegExp(`Aster Accounting ${slug} Active`) }).count()).toBe(1);

    // The invited admin joins from the inbox and finds an empty firm of their own.
    const admin = await newPage(browser());
    await admin.goto(linkIn(await nextEmailTo(adminEmail), '/invitation/?token='));
    await expect.poll(() => admin.getByRole('heading', { name: 'Join Aster Accounting' }).count()).toBe(1);
    // A reader who chose Hindi elsewhere is shown the firm's page in a language it offers.
    await admin.evaluate(() => localStorage.setItem('sp_locale', 'hi'));
    await admin.reload();
    await expect.poll(() => admin.getByRole('heading', { name: 'Join Aster Accounting' }).count()).toBe(1);
    expect(await admin.evaluate(() => document.documentElement.lang)).toBe('en');
    await admin.getByLabel('New password').fill('Aster-Passw0rd!');
    await admin.getByLabel('Repeat the password').fill('Aster-Passw0rd!');
    await admin.getByRole('button', { name: 'Join Aster Accounting' }).click();
    await admin.waitForURL(url('/admin/'));
    await expect.poll(() => admin.getByTestId('signed-in-as').textContent()).toContain('Ada Aster · Admin');
    await admin.goto(url('/admin/requests/'));
    await expect.poll(() => admin.getByText('No requests here.').count()).toBe(1);
    // Its pages offer only its languages, until its admin offers one more in Settings.
    const switcher = () => admin.getByLabel('Language', { exact: true }).first().locator('option').allTextContents();
    expect(await switcher()).toEqual(['English', 'العربية']);
    await admin.goto(url('/admin/settings/'));
    const languages = admin.getByRole('region', { name: 'Languages' });
    for (const name of ['English', 'العربية']) await languages.getByRole('checkbox', { name }).uncheck();
    await languages.getByRole('button', { name: 'Save languages' }).click();
    await expect.poll(() => languages.getByText('must name at least one language').count()).toBe(1);
    for (const name of ['English', 'العربية', 'हिन्दी']) await languages.getByRole('checkbox', { name }).check();
    await languages.getByRole('button', { name: 'Save languages' }).click();
    await expect.poll(() => languages.getByText('Languages saved.').count()).toBe(1);
    await expect.poll(switcher).toEqual(['English', 'العربية', 'हिन्दी']);
    // Each person picks the language of their own emails among them.
    await admin.goto(url('/account/'));
    await admin.getByLabel('Language of my emails').selectOption({ label: 'हिन्दी' });
    await admin.getByRole('button', { name: 'Save the email settings' }).click();
    await expect.poll(() => admin.getByText('Saved.').count()).toBe(1);
    await admin.reload();
    await expect.poll(() => admin.getByLabel('Language of my emails').inputValue()).toBe('hi');
    await admin.goto(url('/admin/settings/'));
    // Firms own their data: the admin exports all of it from Settings and downloads it once built.
    const data = admin.getByRole('region', { name: 'Your firm’s data' });
    await expect.poll(() => data.getByText('No export in the last day.').count()).toBe(1);
    await data.getByRole('button', { name: 'Export all data' }).click();
    const download = data.getByRole('link', { name: 'Download' });
    await expect.poll(() => download.count(), { timeout: 30_000 }).toBe(1);
    expect(await data.getByRole('listitem').textContent()).toMatch(/^Asked by Ada Aster .*records, 0 files/);
    expect((await admin.request.get((await download.getAttribute('href'))!)).headers()['content-type']).toBe('application/zip');
    await expectAccessible(admin);
    // Not the platform's: a firm's admin is refused its area.
    await admin.goto(url('/platform/'));
    await expect.poll(() => admin.getByRole('heading', { name: 'This area is not for your role' }).count()).toBe(1);

    // The operator opens the firm, sees its admin counted, and suspends it.
    await operator.getByRole('link', { name: 'Aster Accounting' }).click();
    await operator.waitForURL(url(`/platform/firm/?id=t-${slug}`));
    await expect
      .poll(async () => {
        await operator.reload();
        return operator.getByTestId('firm-people').textContent();
      })
      .toBe('1');
    await operator.getByRole('button', { name: 'Suspend' }).click();
    await expect.poll(() => operator.getByText('must say why, in at least 3 characters').count()).toBe(1);
    await operator.getByLabel('Reason (kept in the platform’s audit log)').fill('Trial ended');
    await operator.getByRole('button', { name: 'Suspend' }).click();
    await expect.poll(() => operator.getByText('Aster Accounting is suspended.').count()).toBe(1);
    await expect.poll(() => operator.getByRole('heading', { name: 'Reactivate this firm' }).count()).toBe(1);
    await expectAccessible(operator);

    // The admin's next page is refused, with the reason in words.
    await admin.goto(url('/admin/'));
    await expect.poll(() => admin.getByRole('alert').textContent()).toContain('Aster Accounting’s portal is suspended for now');

    // Deleting it takes its name typed again; its export is offered, and the deletion can be cancelled.
    const confirm = operator.getByLabel('Type the firm’s name to confirm: Aster Accounting');
    await confirm.fill('Aster');
    await operator.getByLabel('Why it is deleted (kept in the platform’s audit log)').fill('The trial ended for good');
    await operator.getByRole('button', { name: 'Delete in 30 days' }).click();
    await expect.poll(() => operator.getByText(/must be the firm’s name as shown: Aster Accounting/).count()).toBeGreaterThan(0);
    await confirm.fill('Aster Accounting');
    await operator.getByRole('button', { name: 'Delete in 30 days' }).click();
    await expect.poll(() => operator.getByRole('heading', { name: 'To be deleted' }).count()).toBe(1);
    await expect.poll(() => operator.getByRole('link', { name: /^Download its export/ }).count(), { timeout: 30_000 }).toBe(1);
    await expectAccessible(operator);
    // The list says so too.
    await operator.goto(url('/platform/'));
    await loadWholeList(operator);
    await expect.poll(() => operator.getByRole('row', { name: new RegExp(`Aster Accounting ${slug} Suspended To be deleted on`) }).count()).toBe(1);
    await operator.getByRole('link', { name: 'Aster Accounting' }).click();
    await operator.getByLabel('Why it is not (kept in the platform’s audit log)').fill('They stay after all');
    await operator.getByRole('button', { name: 'Cancel the deletion' }).click();
    await expect.poll(() => operator.getByText('Aster Accounting will not be deleted. It stays suspended until you reactivate it.').count()).toBe(1);
    await expect.poll(() => operator.getByRole('heading', { name: 'Reactivate this firm' }).count()).toBe(1);

    // The platform's audit log holds it all, by the operator.
    await operator.goto(url('/platform/audit/'));
    await expect.poll(() => operator.getByRole('row', { name: /Pat Operator.*Set a firm to be deleted in a month/ }).count()).toBeGreaterThan(0);
    await expect.poll(() => operator.getByRole('row', { name: /Pat Operator.*Suspended a firm/ }).count()).toBeGreaterThan(0);
    await expect.poll(() => operator.getByRole('row', { name: /Pat Operator.*Made a firm/ }).count()).toBeGreaterThan(0);
    await expectAccessible(operator);
    await Promise.all([operator, admin].map((p) => p.context().close()));
  },
);
