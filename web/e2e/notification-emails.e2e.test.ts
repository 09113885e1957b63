import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { api, joinAs, signIn } from '../../infra/local/test-client.ts';
import { linkIn, nextEmailTo, emailsTo } from '../../infra/local/test-inbox.ts';
import { expectAccessible, newPage, url, useBrowser } from './browser.ts';

const browser = useBrowser();
const run = randomUUID().slice(0, 8);

it.each([
  ['en', 'Ella', (reference: string, title: string) => `[DesignPi] Sarah Johnson commented on ${reference} (${title})`],
  ['ar', 'Amal', (reference: string, title: string) => `[DesignPi] علّق Sarah Johnson على ${reference} (${title})`],
] as const)(
  'a client away from the portal reads a comment’s email in %s, and its link opens the request after signing in, marking the notice read',
  { timeout: 45_000 },
  async (locale, name, subjectOf) => {
    const email = `${name.toLowerCase()}-${run}@example.com`;
    const password = `${name}-Passw0rd!`;
    const client = await joinAs({ email, name: `${name} ${run}`, role: 'CLIENT', password, locale });
    const sarah = await signIn('sarah@designpi.com');
    const title = `Payroll for the shop ${run}`;
    const { body: request } = await api('/api/requests', {
      method: 'POST',
      token: client.token,
      body: JSON.stringify({ serviceId: 'svc-payroll-setup', title, requirements: { 'q-employees': '3' } }),
    });
    const before = (await emailsTo(email)).length;
    await api(`/api/requests/${request.requestId}/comments`, {
      method: 'POST',
      token: sarah.token,
      body: JSON.stringify({ text: 'Which payroll day suits you?' }),
    });

    const message = await nextEmailTo(email, before);
    expect(message.subject).toBe(subjectOf(request.reference, title));
    const link = linkIn(message, '/go/?token=');

    const page = await newPage(browser());
    await page.goto(link);
    await page.waitForURL(/\/login\/\?next=/);
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(url(`/portal/request/?id=${request.requestId}`));
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain(title);
    await expect.poll(() => page.getByText('Which payroll day suits you?').count()).toBe(1);
    // The notice the email told of is read: the bell counts nothing unread.
    await expect.poll(() => page.getByTestId('bell').locator('span').count()).toBe(0);
    await expectAccessible(page);
    await page.context().close();
  },
);
