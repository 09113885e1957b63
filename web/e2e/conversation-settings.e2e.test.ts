import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { api, signIn } from '../../infra/local/test-client.ts';
import { expectAccessible, newPage, signInThroughForm, url, useBrowser } from './browser.ts';

const browser = useBrowser();

// The demo firm's seeded replies stay (the inbox test inserts one); this adds one of its own and removes it again.
it('lets an admin add a canned reply and set the SLA, naming what is wrong, for the whole team to use', { timeout: 60_000 }, async () => {
  const run = randomUUID().slice(0, 6);
  const mike = await signIn('mike@designpi.com');
  const page = await newPage(browser());
  await signInThroughForm(page, 'hello@designpi.com');
  await page.waitForURL(url('/admin/'));
  await page.goto(url('/admin/settings/'));
  const card = page.getByRole('region', { name: 'Conversations' });
  await expect.poll(() => card.getByLabel(/^Reply \d+: title$/).count(), { timeout: 10_000 }).toBeGreaterThan(0);
  const before = await card.getByLabel(/^Reply \d+: title$/).count();
  await expectAccessible(page);

  await card.getByRole('button', { name: 'Add a reply' }).click();
  const n = before + 1;
  await card.getByRole('button', { name: 'Save the conversation settings' }).click();
  await expect.poll(() => card.getByText(`Reply ${n}: title must not be empty`).count(), { timeout: 10_000 }).toBe(1);
  await card.getByLabel(`Reply ${n}: title`).fill(`Invoice question ${run}`);
  await card.getByLabel(`Reply ${n}: text`).fill('Your invoice is under **Documents → Invoices**.');
  await card.getByLabel('Urgent · First response (hours)').fill('2');
  await card.getByRole('button', { name: 'Save the conversation settings' }).click();
  await expect.poll(() => card.getByText('Saved. Your staff see these replies in their inbox.').count(), { timeout: 10_000 }).toBe(1);
  await expectAccessible(page);

  const { body: seen } = await api('/api/firm/conversation-settings', { token: mike.token });
  expect(seen.cannedReplies.map((r: { title: string }) => r.title)).toContain(`Invoice question ${run}`);
  expect(seen.ticketSla.urgent.firstResponseHours).toBe(2);

  // Removed again, and the SLA as it was.
  await card.getByRole('button', { name: `Remove reply ${n}` }).click();
  await card.getByLabel('Urgent · First response (hours)').fill('1');
  await card.getByRole('button', { name: 'Save the conversation settings' }).click();
  await expect.poll(async () => (await api('/api/firm/conversation-settings', { token: mike.token })).body.cannedReplies.length).toBe(before);
  await page.context().close();
});
