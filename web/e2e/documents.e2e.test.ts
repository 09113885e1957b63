import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { EICAR } from '../../infra/local/scanner.ts';
import { database } from '../../shared/db/all-entities.ts';
import { api, signIn } from '../../infra/local/test-client.ts';
import { emailTo, linkIn } from '../../infra/local/test-inbox.ts';
import { send, start, statusOf } from '../../functions/documents/test-uploads.ts';
import { expectAccessible, newPage, signInThroughForm, url, useBrowser } from './browser.ts';

const browser = useBrowser();
const run = randomUUID().slice(0, 6);

/** Drops files on the element as a person dragging them from their desktop would. */
async function dropFiles(page: Page, target: string, files: { name: string; type: string; text: string }[]) {
  const transfer = await page.evaluateHandle((list) => {
    const data = new DataTransfer();
    for (const f of list) data.items.add(new File([f.text], f.name, { type: f.type }));
    return data;
  }, files);
  const zone = page.getByRole('group', { name: target });
  await zone.dispatchEvent('dragover', { dataTransfer: transfer });
  await zone.dispatchEvent('drop', { dataTransfer: transfer });
}

/** Sarah (a lead) signed in, on the 360° page of John's customer. */
async function leadOnJohnsPage(): Promise<Page> {
  const john = await signIn('john.doe@example.com');
  const { data: user } = await database().entities.user.get({ tenantId: 't-designpi', userId: john.userId }).go();
  const staff = await newPage(browser());
  await signInThroughForm(staff, 'sarah@designpi.com');
  await staff.waitForURL(url('/staff/'));
  await staff.goto(url(`/staff/clients/view/?id=${user!.customerId}`));
  return staff;
}

it(
  'lets a client drop three files, follow each upload to its malware check, and see them available; malware is quarantined, and staff see the rest on the client’s page',
  { timeout: 90_000 },
  async () => {
    const page = await newPage(browser());
    await signInThroughForm(page, 'john.doe@example.com');
    await page.getByRole('link', { name: 'Documents' }).first().click();
    await page.waitForURL(url('/portal/documents/'));
    await expect.poll(() => page.getByRole('button', { name: 'Choose files to upload' }).count()).toBe(1);
    await expectAccessible(page);

    const names = [`W-2 ${run}.txt`, `Bank statements ${run}.csv`, `Receipts ${run}.txt`];
    await dropFiles(page, 'Upload documents', [
      { name: names[0]!, type: 'text/plain', text: `Wages ${run}` },
      { name: names[1]!, type: 'text/csv', text: `date,amount\n2026-01-02,12.50\n` },
      { name: names[2]!, type: 'text/plain', text: `Receipts ${run}` },
    ]);
    const uploads = page.getByRole('list', { name: 'Uploads' });
    for (const name of names)
      await expect.poll(() => uploads.getByRole('listitem').filter({ hasText: name }).textContent(), { timeout: 20_000 }).toContain('Ready');
    const table = page.getByRole('table');
    for (const name of names)
      await expect.poll(() => table.getByRole('row').filter({ hasText: name }).textContent(), { timeout: 10_000 }).toContain('Available');
    await expectAccessible(page);

    // A file with the EICAR test signature: quarantined, said so, and never listed.
    await dropFiles(page, 'Upload documents', [{ name: `notes-${run}.txt`, type: 'text/plain', text: EICAR }]);
    await expect
      .poll(
        () =>
          uploads
            .getByRole('listitem')
            .filter({ hasText: `notes-${run}.txt` })
            .textContent(),
        { timeout: 20_000 },
      )
      .toContain('Quarantined: malware found');
    expect(
      await table
        .getByRole('row')
        .filter({ hasText: `notes-${run}.txt` })
        .count(),
    ).toBe(0);
    // The page refuses what it can tell is wrong before sending anything.
    await dropFiles(page, 'Upload documents', [{ name: `setup-${run}.exe`, type: 'application/octet-stream', text: 'MZ' }]);
    await expect
      .poll(() =>
        uploads
          .getByRole('listitem')
          .filter({ hasText: `setup-${run}.exe` })
          .textContent(),
      )
      .toContain('is not a PDF, Word, Excel, CSV, text, JPEG or PNG file');
    await page.context().close();

    // The lead sees them on the client's 360° page.
    const staff = await leadOnJohnsPage();
    const section = staff.getByRole('region', { name: 'Documents', exact: true });
    for (const name of names) await expect.poll(() => section.getByRole('row').filter({ hasText: name }).count(), { timeout: 10_000 }).toBe(1);
    await expectAccessible(staff);
    await staff.context().close();
  },
);

it('tells the admins of an infected file, which they find in the quarantine console and discard; it is never downloadable', { timeout: 60_000 }, async () => {
  const name = `scan-${run}.txt`;
  const john = await signIn('john.doe@example.com');
  const started = await start(john, name, Buffer.from(EICAR));
  expect((await send(started.upload, Buffer.from(EICAR))).status).toBe(204);
  await expect.poll(() => statusOf(john, started.document.documentId), { timeout: 15_000 }).toBe('quarantined');
  expect((await api(`/api/documents/${started.document.documentId}/download`, { token: john.token })).status).toBe(409);

  const page = await newPage(browser());
  page.on('dialog', (dialog) => void dialog.accept());
  await signInThroughForm(page, 'hello@designpi.com');
  await page.waitForURL(url('/admin/'));
  await page.getByTestId('bell').click();
  const notice = page.getByRole('region', { name: 'Notifications' }).getByText(`Malware was found in “${name}”`, { exact: false });
  await expect.poll(() => notice.count(), { timeout: 10_000 }).toBe(1);
  await notice.click();
  await page.waitForURL(url('/admin/documents/'));
  const row = page.getByRole('table').getByRole('row').filter({ hasText: name });
  await expect.poll(() => row.count(), { timeout: 10_000 }).toBe(1);
  expect(await row.textContent()).toMatch(/EICAR/);
  await expectAccessible(page);
  await page.getByRole('button', { name: `Discard ${name}` }).click();
  await expect
    .poll(() =>
      page
        .getByRole('status')
        .filter({ hasText: `“${name}” was discarded.` })
        .count(),
    )
    .toBe(1);
  await expect.poll(() => row.count()).toBe(0);
  await page.context().close();
});

it(
  'files what a client drops into the folder they opened, and staff make a folder on the client’s page and move a document into it',
  { timeout: 60_000 },
  async () => {
    const page = await newPage(browser());
    await signInThroughForm(page, 'john.doe@example.com');
    await page.waitForURL(url('/portal/'));
    await page.goto(url('/portal/documents/'));
    const here = page.getByRole('list', { name: 'Folders here' });
    await expect.poll(() => here.getByRole('button', { name: 'Payroll' }).count(), { timeout: 10_000 }).toBe(1);
    expect(await here.getByRole('button', { name: 'Internal' }).count()).toBe(0);
    await here.getByRole('button', { name: 'Payroll' }).click();
    await expect.poll(() => page.getByRole('navigation', { name: 'Folder path' }).getByText('Payroll').count()).toBe(1);
    expect(new URL(page.url()).searchParams.get('folder')).toBeTruthy();
    const name = `payslip-${run}.txt`;
    await dropFiles(page, 'Upload documents', [{ name, type: 'text/plain', text: `Payslip ${run}` }]);
    const table = page.getByRole('table');
    await expect.poll(() => table.getByRole('row').filter({ hasText: name }).textContent(), { timeout: 20_000 }).toContain('Available');
    await expectAccessible(page);
    // Back at the top, it is not there: it is filed in Payroll.
    await page.getByRole('navigation', { name: 'Folder path' }).getByRole('button', { name: 'All documents' }).click();
    await expect.poll(() => here.getByRole('button', { name: 'Payroll' }).count()).toBe(1);
    expect(await page.getByRole('row').filter({ hasText: name }).count()).toBe(0);
    // A search looks in every folder.
    const search = page.getByRole('search', { name: 'Search documents' });
    await search.getByLabel('Name starts with').fill(`payslip-${run}`);
    await search.getByRole('button', { name: 'Search' }).click();
    await expect.poll(() => page.getByRole('row').filter({ hasText: name }).count(), { timeout: 10_000 }).toBe(1);
    await expectAccessible(page);
    await search.getByRole('button', { name: 'Clear the search' }).click();
    await expect.poll(() => here.getByRole('button', { name: 'Payroll' }).count()).toBe(1);
    await page.context().close();

    const staff = await leadOnJohnsPage();
    const section = staff.getByRole('region', { name: 'Documents', exact: true });
    await section.getByRole('list', { name: 'Folders here' }).getByRole('button', { name: 'Payroll', exact: true }).click();
    await expect.poll(() => section.getByRole('row').filter({ hasText: name }).count(), { timeout: 10_000 }).toBe(1);
    await section.getByLabel('New folder').fill(`March ${run}`);
    await section.getByRole('button', { name: 'Make folder' }).click();
    await expect
      .poll(
        () =>
          section
            .getByRole('combobox', { name: `Move ${name} to` })
            .getByRole('option', { name: `March ${run}` })
            .count(),
        { timeout: 10_000 },
      )
      .toBe(1);
    await section.getByRole('combobox', { name: `Move ${name} to` }).selectOption({ label: `March ${run}` });
    await expect.poll(() => section.getByRole('row').filter({ hasText: name }).count(), { timeout: 10_000 }).toBe(0);
    await section.getByRole('button', { name: `March ${run}`, exact: true }).click();
    await expect.poll(() => section.getByRole('row').filter({ hasText: name }).count(), { timeout: 10_000 }).toBe(1);
    await expectAccessible(staff);
    await staff.context().close();
  },
);

it('lets staff ask a client for a document by a date, which the client sends from their home, and staff see it received', { timeout: 60_000 }, async () => {
  const title = `Bank statements ${run}`;
  const staff = await leadOnJohnsPage();
  const asked = staff.getByRole('region', { name: 'Requested documents', exact: true });
  await asked.getByLabel('Document').fill(title);
  await asked.getByLabel('Due by').fill(new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10));
  await asked.getByRole('button', { name: 'Ask the client' }).click();
  await expect.poll(() => asked.getByRole('row').filter({ hasText: title }).textContent(), { timeout: 10_000 }).toContain('Waiting');
  await expectAccessible(staff);

  const page = await newPage(browser());
  await signInThroughForm(page, 'john.doe@example.com');
  await page.waitForURL(url('/portal/'));
  const card = page.getByRole('region', { name: 'Documents your firm asked for' });
  await expect.poll(() => card.getByText(title).count(), { timeout: 10_000 }).toBe(1);
  await expectAccessible(page);
  const chooser = page.waitForEvent('filechooser');
  await card.getByRole('button', { name: `Send the file for ${title}` }).click();
  await (await chooser).setFiles({ name: `statements-${run}.csv`, mimeType: 'text/csv', buffer: Buffer.from('date,amount\n2026-01-31,100.00\n') });
  // Received once scanned clean: it leaves the list.
  await expect.poll(() => card.getByText(title).count(), { timeout: 30_000 }).toBe(0);
  await page.context().close();

  await asked.getByLabel('Show').selectOption({ label: 'Received' });
  await expect.poll(() => asked.getByRole('row').filter({ hasText: title }).count(), { timeout: 10_000 }).toBe(1);
  await staff.context().close();
});

it(
  'shows a document’s versions: a new one sent from its page, two text versions compared, and staff reverting to an earlier one',
  { timeout: 60_000 },
  async () => {
    const name = `notes-v-${run}.txt`;
    const john = await signIn('john.doe@example.com');
    const first = await start(john, name, Buffer.from('alpha\nbeta\n'));
    await send(first.upload, Buffer.from('alpha\nbeta\n'));
    await expect.poll(() => statusOf(john, first.document.documentId), { timeout: 15_000 }).toBe('available');
    const documentId = first.document.documentId;

    const page = await newPage(browser());
    await signInThroughForm(page, 'john.doe@example.com');
    await page.waitForURL(url('/portal/'));
    await page.goto(url('/portal/documents/'));
    await page.getByRole('link', { name: `Details of ${name}` }).click();
    await page.waitForURL(url(`/portal/document/?id=${documentId}`));
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Upload a new version' }).click();
    await (await chooser).setFiles({ name, mimeType: 'text/plain', buffer: Buffer.from('alpha\ngamma\n') });
    const versions = page.getByRole('region', { name: 'Versions' });
    await expect.poll(() => versions.getByRole('listitem').filter({ hasText: 'Version 2' }).count(), { timeout: 30_000 }).toBe(1);
    await expect.poll(() => versions.getByRole('listitem').first().textContent(), { timeout: 30_000 }).toContain('Served now');
    // A client does not revert.
    expect(await versions.getByRole('button', { name: /Serve version/ }).count()).toBe(0);
    const compare = page.getByRole('region', { name: 'Compare versions' });
    await compare.getByRole('button', { name: 'Compare' }).click();
    await expect.poll(() => compare.getByRole('status').textContent()).toBe('1 lines added, 1 removed');
    expect(await compare.getByLabel('Changes between the versions').textContent()).toContain('gamma');
    await expectAccessible(page);
    await page.context().close();

    const staff = await newPage(browser());
    await signInThroughForm(staff, 'sarah@designpi.com');
    await staff.waitForURL(url('/staff/'));
    await staff.goto(url(`/staff/document/?id=${documentId}`));
    await staff.getByRole('button', { name: 'Serve version 1 again' }).click();
    const staffVersions = staff.getByRole('region', { name: 'Versions' });
    await expect.poll(() => staffVersions.getByRole('listitem').first().textContent(), { timeout: 10_000 }).toContain('Reverted to version 1');
    expect(await staffVersions.getByRole('listitem').first().textContent()).toContain('Served now');
    const history = staff.getByRole('region', { name: 'History', exact: true });
    await expect.poll(() => history.getByRole('row').filter({ hasText: 'Reverted a document to an earlier version' }).count(), { timeout: 10_000 }).toBe(1);
    await expectAccessible(staff);
    await staff.context().close();
  },
);

it(
  'lets staff share a document with someone outside the portal, who opens it in a fresh browser with the emailed code, until staff withdraw the link',
  { timeout: 60_000 },
  async () => {
    const name = `share-${run}.txt`;
    const recipient = `outsider-${run}@example.com`;
    const john = await signIn('john.doe@example.com');
    const first = await start(john, name, Buffer.from(`Shared ${run}`));
    await send(first.upload, Buffer.from(`Shared ${run}`));
    await expect.poll(() => statusOf(john, first.document.documentId), { timeout: 15_000 }).toBe('available');

    const staff = await newPage(browser());
    await signInThroughForm(staff, 'sarah@designpi.com');
    await staff.waitForURL(url('/staff/'));
    await staff.goto(url(`/staff/document/?id=${first.document.documentId}`));
    const shares = staff.getByRole('region', { name: 'Share outside the portal', exact: true });
    await shares.getByLabel('Their email').fill(recipient);
    await shares.getByLabel('Days it works').fill('2');
    await shares.getByRole('button', { name: 'Share', exact: true }).click();
    await expect.poll(() => shares.getByRole('row').filter({ hasText: recipient }).textContent(), { timeout: 10_000 }).toContain('Active');
    await expectAccessible(staff);

    // A fresh browser, signed in as nobody, with the link from the email.
    const link = linkIn(await emailTo(recipient, /shared “share-/), '/shared/?token=');
    const outsider = await newPage(browser());
    await outsider.goto(link);
    await expect.poll(() => outsider.getByRole('heading', { name }).count(), { timeout: 10_000 }).toBe(1);
    await outsider.getByRole('button', { name: 'Email me a code' }).click();
    await expect.poll(() => outsider.getByRole('status').textContent()).toContain('A code is on its way');
    const code = /: (\d{6})$/.exec((await emailTo(recipient, /Your code to open/)).subject)![1]!;
    await outsider.getByLabel('Code').fill(code);
    const download = outsider.waitForEvent('download');
    await outsider.getByRole('button', { name: 'Download' }).click();
    expect((await download).suggestedFilename()).toBe(name);
    await expectAccessible(outsider);

    await expect
      .poll(
        async () => {
          await staff.reload();
          return staff.getByRole('region', { name: 'Share outside the portal', exact: true }).getByRole('row').filter({ hasText: recipient }).textContent();
        },
        { timeout: 10_000 },
      )
      .toMatch(/Active\s*1/);
    await staff.getByRole('button', { name: `Withdraw the link shared with ${recipient}` }).click();
    await expect
      .poll(() => staff.getByRole('region', { name: 'Share outside the portal', exact: true }).getByRole('row').filter({ hasText: recipient }).textContent(), {
        timeout: 10_000,
      })
      .toContain('Withdrawn');
    await outsider.reload();
    await expect.poll(() => outsider.getByRole('alert').textContent(), { timeout: 10_000 }).toContain('This link was withdrawn');
    await outsider.context().close();
    await staff.context().close();
  },
);

it(
  'lets a client attach a file when asking for a service and another to a comment, refuses a program by name, and shows staff both to download',
  { timeout: 90_000 },
  async () => {
    const page = await newPage(browser());
    await signInThroughForm(page, 'john.doe@example.com');
    await page.waitForURL(url('/portal/'));
    await page.goto(url('/portal/requests/new/?service=svc-payroll-setup'));
    await page.getByLabel('Title').fill(`Payroll with our list ${run}`);
    await page.getByLabel('How many employees? *').fill('4');
    await page
      .locator('input[type=file]')
      .setInputFiles({ name: `staff-list-${run}.csv`, mimeType: 'text/csv', buffer: Buffer.from('name,role\nAna,clerk\n') });
    await expect.poll(() => page.getByRole('list', { name: 'Files to attach' }).textContent()).toContain(`staff-list-${run}.csv`);
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Send the request' }).click();
    await page.waitForURL(/\/portal\/request\/\?id=/);
    // Checked for malware in seconds, then ready to download.
    const files = page.getByRole('list', { name: 'Files' });
    await expect.poll(() => files.getByRole('button', { name: `Download staff-list-${run}.csv` }).count(), { timeout: 20_000 }).toBe(1);

    // A program is refused by its name, and nothing is said.
    await page.getByLabel('Your comment').fill('And our handbook');
    await page.locator('input[type=file]').setInputFiles({ name: `setup-${run}.exe`, mimeType: 'application/octet-stream', buffer: Buffer.from('MZ') });
    await page.getByRole('button', { name: 'Add the comment' }).click();
    await expect.poll(() => page.getByText(`setup-${run}.exe was not sent`).count()).toBe(1);
    await page.getByRole('button', { name: `Remove setup-${run}.exe` }).click();
    await page.locator('input[type=file]').setInputFiles({ name: `handbook-${run}.txt`, mimeType: 'text/plain', buffer: Buffer.from('Be kind.\n') });
    await page.getByRole('button', { name: 'Add the comment' }).click();
    await expect.poll(() => page.getByText('And our handbook').count()).toBe(1);
    await expect.poll(() => page.getByRole('button', { name: `Download handbook-${run}.txt` }).count(), { timeout: 20_000 }).toBe(1);
    await expectAccessible(page);

    // A lead opens the request: both files, the first downloads.
    const staff = await newPage(browser());
    await signInThroughForm(staff, 'sarah@designpi.com');
    await staff.waitForURL(url('/staff/'));
    await staff.goto(page.url().replace('/portal/', '/staff/'));
    await expect.poll(() => staff.getByRole('button', { name: `Download handbook-${run}.txt` }).count()).toBe(1);
    const download = staff.waitForEvent('download');
    await staff
      .getByRole('list', { name: 'Files' })
      .first()
      .getByRole('button', { name: `Download staff-list-${run}.csv` })
      .click();
    expect((await download).suggestedFilename()).toBe(`staff-list-${run}.csv`);
  },
);

it('lets a lead tag a document, find it by the tag on the client’s page, then delete it', { timeout: 60_000 }, async () => {
  const john = await signIn('john.doe@example.com');
  const name = `Return 2025 ${run}.txt`;
  const started = await start(john, name, Buffer.from('Form 1040\n'));
  await send(started.upload, Buffer.from('Form 1040\n'));
  await expect.poll(() => statusOf(john, started.document.documentId), { timeout: 10_000 }).toBe('available');

  const staff = await newPage(browser());
  await signInThroughForm(staff, 'sarah@designpi.com');
  await staff.waitForURL(url('/staff/'));
  await staff.goto(url(`/staff/document/?id=${started.document.documentId}`));
  await staff.getByRole('button', { name: 'Edit the tags' }).click();
  await staff.getByRole('textbox', { name: 'Tags' }).fill(`Tax ${run}, signed`);
  await staff.getByRole('button', { name: 'Save the tags' }).click();
  await expect.poll(() => staff.getByRole('list', { name: 'Tags' }).textContent()).toBe(`Tax ${run}signed`);
  await expectAccessible(staff);

  // On the client's page, the tag on the document's row finds every document with it.
  await staff.goto(url(`/staff/clients/view/?id=${started.document.customerId}`));
  const section = staff.getByRole('region', { name: 'Documents', exact: true });
  await section.getByRole('search').getByLabel('Tag').fill(`tax ${run}`);
  await section.getByRole('button', { name: 'Search', exact: true }).click();
  await expect.poll(() => section.getByRole('row').filter({ hasText: name }).count()).toBe(1);
  await section.getByRole('button', { name: 'Clear the search' }).click();

  // Deleted from its page, after a confirmation: back on the client's page, it is gone.
  await staff.goto(url(`/staff/document/?id=${started.document.documentId}`));
  staff.once('dialog', (dialog) => void dialog.accept());
  await staff.getByRole('button', { name: 'Delete' }).click();
  await staff.waitForURL(/\/staff\/clients\/view\//);
  await section.getByRole('search').getByLabel('Name starts with').fill(name);
  await section.getByRole('button', { name: 'Search', exact: true }).click();
  await expect.poll(() => section.getByText('No documents yet.').count()).toBe(1);
  expect(await section.getByText(name).count()).toBe(0);
  expect((await api(`/api/documents/${started.document.documentId}`, { token: john.token })).status).toBe(404);
});

it('lets an admin set how many years removed documents are kept, refusing a period out of range', { timeout: 40_000 }, async () => {
  const page = await newPage(browser());
  await signInThroughForm(page, 'admin@northwind.example');
  await page.waitForURL(url('/admin/'));
  await page.goto(url('/admin/settings/'));
  const card = page.getByRole('region', { name: 'Removed documents' });
  const years = card.getByLabel('Years kept');
  await expect.poll(() => years.inputValue()).toBe('7');
  await years.fill('12');
  await card.getByRole('button', { name: 'Save the period' }).click();
  await expect.poll(() => card.getByText('Years kept must be at most 10 years').count()).toBe(1);
  await years.fill('5');
  await card.getByRole('button', { name: 'Save the period' }).click();
  await expect.poll(() => card.getByText('Saved. Files uploaded from now on are kept this long once removed.').count()).toBe(1);
  await expectAccessible(page);
  await page.reload();
  await expect.poll(() => page.getByRole('region', { name: 'Removed documents' }).getByLabel('Years kept').inputValue()).toBe('5');
  const admin = await signIn('admin@northwind.example');
  await api('/api/firm/document-settings', { method: 'PATCH', token: admin.token, body: JSON.stringify({ retentionYears: 7 }) });
});

it('lets a client download a folder as a zip, following it while it is built, and come back to it from the notice', { timeout: 60_000 }, async () => {
  const [john, sarah] = await Promise.all([signIn('john.doe@example.com'), signIn('sarah@designpi.com')]);
  const { data: user } = await database().entities.user.get({ tenantId: 't-designpi', userId: john.userId }).go();
  const made = await api('/api/documents/folders', {
    method: 'POST',
    token: sarah.token,
    body: JSON.stringify({ customerId: user!.customerId, name: `Zipped ${run}` }),
  });
  const folderId = made.body.folderId as string;
  const started = await start(john, `payslip-${run}.txt`, Buffer.from('net 900\n'), { folderId });
  await send(started.upload, Buffer.from('net 900\n'));
  await expect.poll(() => statusOf(john, started.document.documentId), { timeout: 10_000 }).toBe('available');

  const page = await newPage(browser());
  await signInThroughForm(page, 'john.doe@example.com');
  await page.waitForURL(url('/portal/'));
  await page.goto(url(`/portal/documents/?folder=${folderId}`));
  await page.getByRole('button', { name: 'Download this folder as a zip' }).click();
  const zip = page.getByRole('region', { name: 'Zip of documents' });
  await expect.poll(() => zip.getByRole('button', { name: 'Download the zip' }).count(), { timeout: 20_000 }).toBe(1);
  expect(await zip.textContent()).toContain(`“Zipped ${run}” is ready. Files: 1.`);
  await expectAccessible(page);
  const download = page.waitForEvent('download');
  await zip.getByRole('button', { name: 'Download the zip' }).click();
  expect((await download).suggestedFilename()).toBe(`Zipped ${run}.zip`);

  // The bell's notice leads back to it.
  const notices = (await api('/api/notifications?limit=50', { token: john.token })).body.items as { kind: string; link: string }[];
  const link = notices.find((n) => n.kind === 'document.zip_ready')!.link;
  await page.goto(url(link));
  await expect.poll(() => page.getByRole('region', { name: 'Zip of documents' }).getByRole('button', { name: 'Download the zip' }).count()).toBe(1);
});

it('lets a lead move a folder, with what is in it, into the folder beside it', { timeout: 60_000 }, async () => {
  const sarah = await signIn('sarah@designpi.com');
  const staff = await leadOnJohnsPage();
  const customerId = new URL(staff.url()).searchParams.get('id')!;
  const make = async (name: string) =>
    (await api('/api/documents/folders', { method: 'POST', token: sarah.token, body: JSON.stringify({ customerId, name }) })).body.folderId as string;
  await make(`Old books ${run}`);
  const archive = await make(`Archive ${run}`);
  await staff.reload();
  const here = staff.getByRole('list', { name: 'Folders here' });
  await expect.poll(() => here.getByRole('button', { name: `Old books ${run}`, exact: true }).count()).toBe(1);
  await here.getByLabel(`Move Old books ${run} to`).selectOption({ label: `Archive ${run}` });
  await expect.poll(() => here.getByRole('button', { name: `Old books ${run}`, exact: true }).count()).toBe(0);
  await here.getByRole('button', { name: `Archive ${run}`, exact: true }).click();
  await expect
    .poll(() =>
      staff
        .getByRole('list', { name: 'Folders here' })
        .getByRole('button', { name: `Old books ${run}`, exact: true })
        .count(),
    )
    .toBe(1);
  expect(new URL(staff.url()).searchParams.get('folder')).toBe(archive);
  await expectAccessible(staff);
});

it('sends a large file in parts that the client pauses and resumes, and cancels another, which leaves nothing behind', { timeout: 90_000 }, async () => {
  const page = await newPage(browser());
  await signInThroughForm(page, 'john.doe@example.com');
  await page.waitForURL(url('/portal/'));
  await page.goto(url('/portal/documents/'));
  await expect.poll(() => page.getByRole('button', { name: 'Choose files to upload' }).count()).toBe(1);
  // Parts wait here while `holding` says so, as on a slow network, so a click lands mid-upload.
  let holding = (_url: string) => false;
  let release = () => {};
  await page.route(/portal-documents\/.*partNumber=/, async (route) => {
    if (holding(route.request().url())) await new Promise<void>((go) => (release = go));
    await route.continue().catch(() => undefined);
  });
  const dropLarge = (name: string) =>
    page.evaluate(
      async ({ name, size }) => {
        const data = new DataTransfer();
        data.items.add(new File(['A'.repeat(size)], name, { type: 'text/plain' }));
        const zone = document.querySelector('[role="group"][aria-label="Upload documents"]')!;
        zone.dispatchEvent(new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true }));
        zone.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
      },
      { name, size: 20 * 1024 * 1024 + 1 },
    );
  const uploads = page.getByRole('list', { name: 'Uploads' });
  const item = (name: string) => uploads.getByRole('listitem').filter({ hasText: name });

  const large = `Ledger ${run}.txt`;
  holding = (part) => part.includes('partNumber=2');
  const secondPart = page.waitForRequest(/partNumber=2/);
  await dropLarge(large);
  await secondPart;
  await page.getByRole('button', { name: `Pause ${large}`, exact: true }).click();
  await expect.poll(() => item(large).textContent()).toContain('Paused');
  await expectAccessible(page);
  holding = () => false;
  release();
  await page.getByRole('button', { name: `Resume ${large}`, exact: true }).click();
  await expect.poll(() => item(large).textContent(), { timeout: 30_000 }).toContain('Ready');
  await expect.poll(() => page.getByRole('table').getByRole('row').filter({ hasText: large }).textContent(), { timeout: 10_000 }).toContain('Available');

  const dropped = `Dropped ${run}.txt`;
  holding = () => true;
  const firstPart = page.waitForRequest(/partNumber=1/);
  await dropLarge(dropped);
  await firstPart;
  const cancelled = page.waitForResponse((r) => r.request().method() === 'DELETE' && /\/versions\/1\/upload$/.test(r.url()));
  await page.getByRole('button', { name: `Cancel ${dropped}`, exact: true }).click();
  expect((await cancelled).status()).toBe(204);
  await expect.poll(() => item(dropped).textContent()).toContain('Cancelled');
  release();
  const john = await signIn('john.doe@example.com');
  const { body } = await api('/api/documents?q=Dropped', { token: john.token });
  expect(body.items.filter((d: { name: string }) => d.name === dropped)).toEqual([]);
  await page.context().close();
});
