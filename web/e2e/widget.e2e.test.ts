import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { api, runJob, signIn } from '../../infra/local/test-client.ts';
import { emailsTo, linkIn } from '../../infra/local/test-inbox.ts';
import { expectAccessible, newPage, signInThroughForm, url, useBrowser } from './browser.ts';

const browser = useBrowser();
let site: Server;
let siteUrl: string;

// A firm's own site on another origin, with a strict CSP that allows only the portal's script and API.
beforeAll(async () => {
  const portal = new URL(url('/')).origin;
  site = createServer((_req, res) => {
    res.writeHead(200, {
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': `default-src 'none'; script-src ${portal}; connect-src ${portal}; style-src 'self'`,
    });
    res.end(
      `<!doctype html><html lang="en"><head><title>Acme Accounting</title></head><body><main><h1>Acme Accounting</h1><p>Bookkeeping for startups.</p></main>` +
        `<script src="${portal}/widget.js" data-firm="designpi"></script></body></html>`,
    );
  });
  await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
  siteUrl = `http://127.0.0.1:${(site.address() as AddressInfo).port}/`;
});
afterAll(() => new Promise<void>((resolve) => site.close(() => resolve())));

it(
  'lets a lead write from the widget on a firm’s own site, on another origin, without breaking its CSP, and read the answer',
  { timeout: 60_000 },
  async () => {
    const run = randomUUID().slice(0, 6);
    const sarah = await signIn('sarah@designpi.com');
    const page = await newPage(browser());
    const violations: string[] = [];
    page.on('console', (m) => /Content Security Policy|CORS/i.test(m.text()) && violations.push(m.text()));
    await page.goto(siteUrl);
    await page.getByRole('button', { name: 'Chat with us' }).click();
    const panel = page.getByRole('dialog', { name: 'Write to us' });
    await panel.getByRole('button', { name: 'Start the conversation' }).click();
    await expect.poll(() => panel.getByRole('alert').textContent()).toBe('Please fill in every field.');
    await panel.getByLabel('Your name').fill(`Alicia ${run}`);
    await panel.getByLabel('Your email').fill(`alicia-${run}@startup.example`);
    await panel.getByLabel('Your message').fill(`Do you take startups? ${run}`);
    await panel.getByRole('button', { name: 'Start the conversation' }).click();
    const thread = panel.getByRole('list', { name: 'Write to us' });
    await expect.poll(() => thread.textContent(), { timeout: 10_000 }).toContain(`Do you take startups? ${run}`);

    // The firm sees it, unassigned, from a lead; Sarah answers, and the visitor reads it in the widget.
    const { body: list } = await api('/api/conversations?view=unassigned&source=lead&limit=100', { token: sarah.token });
    const made = list.items.find((c: { customerName: string }) => c.customerName === `Alicia ${run}`);
    expect(made).toMatchObject({ source: 'lead', status: 'OPEN' });
    await api(`/api/conversations/${made.conversationId}/messages`, {
      method: 'POST',
      token: sarah.token,
      body: JSON.stringify({ clientMessageId: randomUUID(), body: `We do! ${run}` }),
    });
    await expect.poll(() => thread.textContent(), { timeout: 15_000 }).toContain(`We do! ${run}`);
    await panel.getByLabel('Your message').fill('Great, let us talk.');
    await panel.getByRole('button', { name: 'Send', exact: true }).click();
    await expect.poll(() => thread.textContent(), { timeout: 10_000 }).toContain('Great, let us talk.');

    // Back later on the same site: the conversation is still theirs.
    await page.reload();
    await page.getByRole('button', { name: 'Chat with us' }).click();
    await expect.poll(() => page.getByRole('list', { name: 'Write to us' }).textContent(), { timeout: 10_000 }).toContain(`We do! ${run}`);
    expect(violations).toEqual([]);
    await page.context().close();

    // In Sarah's inbox: the lead beside the thread, with where they wrote from.
    const inbox = await newPage(browser());
    await signInThroughForm(inbox, 'sarah@designpi.com');
    await inbox.waitForURL(url('/staff/'));
    await inbox.goto(url(`/staff/conversations/?id=${made.conversationId}`));
    const lead = inbox.getByRole('region', { name: 'Lead' });
    await expect.poll(() => lead.textContent(), { timeout: 10_000 }).toContain(`alicia-${run}@startup.example`);
    expect(await lead.textContent()).toContain('New lead');
    await expectAccessible(inbox);
    await inbox.context().close();
  },
);

it('lets a lead who left read the answer from the email’s link, on the portal, and write back', { timeout: 60_000 }, async () => {
  const run = randomUUID().slice(0, 6);
  const email = `marta-${run}@startup.example`;
  const sarah = await signIn('sarah@designpi.com');
  const site = await newPage(browser());
  await site.goto(siteUrl);
  await site.getByRole('button', { name: 'Chat with us' }).click();
  const form = site.getByRole('dialog', { name: 'Write to us' });
  await form.getByLabel('Your name').fill(`Marta ${run}`);
  await form.getByLabel('Your email').fill(email);
  await form.getByLabel('Your message').fill(`Can you send me a quote? ${run}`);
  await form.getByRole('button', { name: 'Start the conversation' }).click();
  await expect.poll(() => form.getByRole('list', { name: 'Write to us' }).textContent(), { timeout: 10_000 }).toContain(`quote? ${run}`);
  await site.context().close();

  const { body: list } = await api('/api/conversations?view=unassigned&source=lead&limit=100', { token: sarah.token });
  const { conversationId } = list.items.find((c: { customerName: string }) => c.customerName === `Marta ${run}`);
  await api(`/api/conversations/${conversationId}/messages`, {
    method: 'POST',
    token: sarah.token,
    body: JSON.stringify({ clientMessageId: randomUUID(), body: `Here it is: 400 a month ${run}` }),
  });
  // The job runs each minute; here, as if two minutes had passed, until the email is out.
  await expect
    .poll(
      async () => {
        await runJob('send-conversation-emails', new Date(Date.now() + 2 * 60_000));
        return (await emailsTo(email)).length;
      },
      { timeout: 15_000 },
    )
    .toBe(1);
  const [mail] = await emailsTo(email);

  // Another browser (nothing stored): the link alone opens the conversation.
  const page = await newPage(browser());
  await page.goto(linkIn(mail!, '/chat/?firm=designpi#'));
  const panel = page.getByRole('dialog', { name: 'Write to us' });
  const thread = panel.getByRole('list', { name: 'Write to us' });
  await expect.poll(() => thread.textContent(), { timeout: 10_000 }).toContain(`Here it is: 400 a month ${run}`);
  expect(new URL(page.url()).hash).toBe(''); // the key leaves the address
  await expectAccessible(page);
  await panel.getByLabel('Your message').fill(`Deal ${run}`);
  await panel.getByRole('button', { name: 'Send', exact: true }).click();
  await expect
    .poll(async () => (await api(`/api/conversations/${conversationId}`, { token: sarah.token })).body.preview, { timeout: 10_000 })
    .toBe(`Deal ${run}`);
  await page.context().close();
});
