import { expect, it } from 'vitest';
import { api, signIn } from '../../infra/local/test-client.ts';
import { linkIn, nextEmailTo } from '../../infra/local/test-inbox.ts';
import { expectAccessible, newPage, signInThroughForm, url, useBrowser } from './browser.ts';

const browser = useBrowser();

// Northwind's admin: no other test makes notifications for them.
it('a notification reaches the admin live, without a reload, and can be marked read', async () => {
  const admin = await signIn('admin@northwind.example');
  const unread = async () => (await api('/api/notifications', { token: admin.token })).body.items.filter((n: { readAt: string | null }) => !n.readAt).length;
  const page = await newPage(browser());
  await signInThroughForm(page, 'admin@northwind.example');
  await page.waitForURL(url('/admin/'));
  await page.evaluate(() => ((window as unknown as { stillHere: boolean }).stillHere = true));
  const bell = page.getByTestId('bell');
  await expect.poll(() => bell.getAttribute('data-live')).toBe('open');
  const before = await unread();
  await expect.poll(() => bell.getAttribute('aria-label')).toBe(before ? `Notifications, ${before} unread` : 'Notifications');

  // Elsewhere, someone is invited and accepts.
  await api('/api/invitations', { method: 'POST', token: admin.token, body: JSON.stringify({ email: 'rosa@example.com', name: 'Rosa Diaz', role: 'CLIENT' }) });
  const token = new URL(linkIn(await nextEmailTo('rosa@example.com'), '/invitation/?token=')).searchParams.get('token')!;
  expect((await api('/api/invitations/accept', { method: 'POST', body: JSON.stringify({ token, password: 'Rosa-Passw0rd!' }) })).status).toBe(201);

  await expect.poll(() => bell.getAttribute('aria-label'), { timeout: 5000 }).toBe(`Notifications, ${before + 1} unread`);
  expect(await page.evaluate(() => (window as unknown as { stillHere?: boolean }).stillHere)).toBe(true);

  await bell.click();
  const panel = page.getByRole('region', { name: 'Notifications' });
  await expect.poll(() => panel.getByText('Rosa Diaz accepted the invitation and joined as Client.').count()).toBe(1);
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Mark all read' }).click();
  await expect.poll(() => bell.getAttribute('aria-label')).toBe('Notifications');
  await page.keyboard.press('Escape');
  await expect.poll(() => panel.count()).toBe(0);
  await page.context().close();
});
