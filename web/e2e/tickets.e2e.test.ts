import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { api, signIn } from '../../infra/local/test-client.ts';
import { expectAccessible, newPage, signInThroughForm, url, useBrowser } from './browser.ts';

const browser = useBrowser();

it('lets John raise a ticket and follow it; Sarah answers with a note he never sees, waits for him, and he closes it', { timeout: 90_000 }, async () => {
  const run = randomUUID().slice(0, 6);
  const sarah = await signIn('sarah@designpi.com');
  const john = await newPage(browser());
  await signInThroughForm(john, 'john.doe@example.com');
  await john.waitForURL(url('/portal/'));
  await john.getByRole('link', { name: 'Support tickets' }).first().click();
  await john.waitForURL(url('/portal/tickets/'));
  await expect.poll(() => john.getByRole('heading', { name: 'New ticket' }).count(), { timeout: 10_000 }).toBe(1);
  await expectAccessible(john);

  await john.getByRole('button', { name: 'Raise the ticket' }).click();
  await expect.poll(() => john.getByText('Subject must not be empty').count(), { timeout: 10_000 }).toBe(1);
  const form = john.getByRole('region', { name: 'New ticket' });
  await form.getByLabel('Subject').fill(`Missing 1099 ${run}`);
  await form.getByLabel('What do you need?').fill('My 1099-NEC from **Acme** is not in Documents.');
  await form.getByLabel('Category', { exact: true }).selectOption({ label: 'Documents' });
  await form.getByLabel('Priority', { exact: true }).selectOption({ label: 'High' });
  await john.getByRole('button', { name: 'Raise the ticket' }).click();
  await john.waitForURL(/\/portal\/ticket\/\?id=/);
  const ticketId = new URL(john.url()).searchParams.get('id')!;
  await expect.poll(() => john.getByRole('heading', { name: `Missing 1099 ${run}` }).count(), { timeout: 10_000 }).toBe(1);
  await expect.poll(() => john.getByText('High · Documents').count()).toBe(1);
  expect(await john.getByText(/due/).count()).toBe(0); // the SLA is for staff
  await expectAccessible(john);
  // While it is open, John may change its words and priority.
  await john.getByRole('button', { name: 'Edit the ticket' }).click();
  await john.getByLabel('Priority', { exact: true }).selectOption({ label: 'Urgent' });
  await expectAccessible(john);
  await john.getByRole('button', { name: 'Save the ticket' }).click();
  await expect.poll(() => john.getByText('Urgent · Documents').count(), { timeout: 10_000 }).toBe(1);

  // Sarah, on the staff page: the SLA's times, a note and an answer, and waiting for John.
  const staff = await newPage(browser());
  await signInThroughForm(staff, 'sarah@designpi.com');
  await staff.waitForURL(url('/staff/'));
  await staff.getByRole('link', { name: 'Support tickets' }).first().click();
  await staff.waitForURL(url('/staff/tickets/'));
  await staff.getByRole('link', { name: `Missing 1099 ${run}` }).click();
  await staff.waitForURL(/\/staff\/ticket\/\?id=/);
  await expect.poll(() => staff.getByText(/First answer due/).count(), { timeout: 10_000 }).toBe(1);
  await staff.getByLabel('Your comment').fill(`Ask Priya in payroll ${run}`);
  await staff.getByLabel('Internal note (staff only)').check();
  await staff.getByRole('button', { name: 'Add the comment' }).click();
  await expect
    .poll(
      () =>
        staff
          .getByRole('listitem')
          .filter({ hasText: `Ask Priya in payroll ${run}` })
          .count(),
      { timeout: 10_000 },
    )
    .toBe(1);
  await staff.getByLabel('Your comment').fill('It is uploaded now, under Tax returns. Can you confirm?');
  await staff.getByRole('button', { name: 'Add the comment' }).click();
  await expect.poll(() => staff.getByText(/First answered/).count(), { timeout: 10_000 }).toBe(1);
  await staff.getByLabel('Status', { exact: true }).selectOption({ label: 'Waiting for the client' });
  await staff.getByRole('button', { name: 'Save the ticket' }).click();
  await expect.poll(() => staff.getByText('Saved.').count(), { timeout: 10_000 }).toBe(1);
  await expectAccessible(staff);
  await staff.context().close();

  // John hears of the answer (not of the note) in his bell, live; its link opens the ticket. He sees the answer, never the note.
  await john.getByTestId('bell').click();
  const notices = john.getByRole('region', { name: 'Notifications' });
  await expect
    .poll(() => notices.getByRole('link', { name: `Sarah Johnson commented on the ticket “Missing 1099 ${run}”` }).count(), { timeout: 10_000 })
    .toBe(1);
  await expect.poll(() => notices.getByText(`The ticket “Missing 1099 ${run}” is now waiting for you`).count(), { timeout: 10_000 }).toBe(1);
  await notices.getByRole('link', { name: `Sarah Johnson commented on the ticket “Missing 1099 ${run}”` }).click();
  await john.waitForURL(url(`/portal/ticket/?id=${ticketId}`));
  // He answers, which opens it again, then closes it.
  await expect.poll(() => john.getByText('It is uploaded now, under Tax returns.', { exact: false }).count(), { timeout: 10_000 }).toBe(1);
  expect(await john.getByText(`Ask Priya in payroll ${run}`).count()).toBe(0);
  expect(await john.getByText('Waiting for the client', { exact: true }).count()).toBe(1);
  await john.getByLabel('Your comment').fill('Found it, thank you!');
  await john.getByRole('button', { name: 'Add the comment' }).click();
  await expect.poll(() => john.getByText('Open', { exact: true }).count(), { timeout: 10_000 }).toBe(1);
  await john.getByRole('button', { name: 'Close the ticket' }).click();
  await expect.poll(() => john.getByText('Closed', { exact: true }).count(), { timeout: 10_000 }).toBe(1);
  await expect.poll(() => john.getByRole('button', { name: 'Open it again' }).count()).toBe(1);
  const { body } = await api(`/api/tickets/${ticketId}`, { token: sarah.token });
  expect(body).toMatchObject({ status: 'closed', priority: 'urgent', category: 'documents', firstResponseAt: expect.any(String) });
  expect(JSON.stringify((await api(`/api/tickets/${ticketId}`, { token: (await signIn('john.doe@example.com')).token })).body)).not.toContain('Priya');
  await john.context().close();
});

it('lets Sarah raise a ticket for a client, which she takes and John (who sees all of Acme’s) hears of', { timeout: 60_000 }, async () => {
  const run = randomUUID().slice(0, 6);
  const [john, lisa] = await Promise.all([signIn('john.doe@example.com'), signIn('lisa@acme.example')]);
  const page = await newPage(browser());
  await signInThroughForm(page, 'sarah@designpi.com');
  await page.waitForURL(url('/staff/'));
  await page.goto(url('/staff/tickets/'));
  await page.getByRole('button', { name: 'Raise a ticket for a client' }).click();
  const form = page.getByRole('region', { name: 'New ticket for a client' });
  await expect.poll(() => form.getByLabel('Customer', { exact: true }).count(), { timeout: 10_000 }).toBe(1);
  await form.getByLabel('Subject').fill(`Renewal forms ${run}`);
  await form.getByLabel('What do you need?').fill('Please sign the renewal forms by Friday.');
  await form.getByRole('button', { name: 'Raise the ticket' }).click();
  await expect.poll(() => form.getByText(/^Client /).count(), { timeout: 10_000 }).toBeGreaterThan(0);
  await expectAccessible(page);

  await form.getByLabel('Find the customer').fill('Acme');
  await form.getByLabel('Find the customer').press('Enter');
  await expect.poll(() => form.getByRole('option', { name: 'Acme Corporation' }).count(), { timeout: 10_000 }).toBe(1);
  await form.getByLabel('Customer', { exact: true }).selectOption({ label: 'Acme Corporation' });
  await form.getByRole('button', { name: 'Raise the ticket' }).click();
  await page.waitForURL(/\/staff\/ticket\/\?id=/);
  const ticketId = new URL(page.url()).searchParams.get('id')!;
  await expect.poll(() => page.getByRole('heading', { name: `Renewal forms ${run}` }).count(), { timeout: 10_000 }).toBe(1);
  await expectAccessible(page);
  const { body } = await api(`/api/tickets/${ticketId}`, { token: john.token });
  expect(body).toMatchObject({ customerName: 'Acme Corporation', assigneeName: 'Sarah Johnson', status: 'open' });
  const heard = async (who: typeof john) =>
    ((await api('/api/notifications', { token: who.token })).body.items as { kind: string; values: { subject?: string } }[]).some(
      (n) => n.kind === 'ticket.created' && n.values.subject === `Renewal forms ${run}`,
    );
  await expect.poll(() => heard(john), { timeout: 10_000 }).toBe(true);
  expect(await heard(lisa)).toBe(false);
  expect((await api(`/api/tickets/${ticketId}`, { token: lisa.token })).status).toBe(404);
  await page.context().close();
});
