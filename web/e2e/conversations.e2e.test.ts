import { randomUUID } from 'node:crypto';
import type WebSocket from 'ws';
import { afterAll, expect, it } from 'vitest';
import { api, runJob, signIn } from '../../infra/local/test-client.ts';
import { emailsTo, linkIn } from '../../infra/local/test-inbox.ts';
import { connect, dropConnectionsOf, ticketFor, waitFor } from '../../infra/local/test-socket.ts';
import { database } from '../../shared/db/all-entities.ts';
import { expectAccessible, newPage, signInThroughForm, url, useBrowser } from './browser.ts';

const browser = useBrowser();
const MINUTE = 60_000;
const sockets: WebSocket[] = [];
afterAll(() => sockets.forEach((s) => s.terminate()));

it('lets John message his team from the portal and see Sarah’s answer, her typing and that she read it, live', { timeout: 60_000 }, async () => {
  const run = randomUUID().slice(0, 6);
  const [john, sarah, admin] = await Promise.all([signIn('john.doe@example.com'), signIn('sarah@designpi.com'), signIn('hello@designpi.com')]);
  const { body: conversation } = await api('/api/conversations', { method: 'POST', token: john.token, body: '{}' });
  await api(`/api/conversations/${conversation.conversationId}`, { method: 'PATCH', token: admin.token, body: JSON.stringify({ assigneeId: sarah.userId }) });

  const page = await newPage(browser());
  await signInThroughForm(page, 'john.doe@example.com');
  await page.waitForURL(url('/portal/'));
  await page.getByRole('link', { name: 'Messages' }).first().click();
  await page.waitForURL(url('/portal/chat/'));
  const thread = page.getByRole('list', { name: 'Conversation' });
  await expect.poll(() => thread.textContent(), { timeout: 10_000 }).toContain('can I upload my 2026 W-2 here');
  await expectAccessible(page);

  const question = `Is my return filed yet? ${run}`;
  await page.getByLabel('Your message').fill(question);
  await page.getByLabel('Your message').press('Enter');
  await expect.poll(() => thread.textContent()).toContain(question);
  await expect.poll(async () => (await api(`/api/conversations/${conversation.conversationId}`, { token: sarah.token })).body.unread).toBeGreaterThan(0);

  // Sarah, in her inbox: typing, then her answer, then she reads John's message.
  const sarahLive = await connect(await ticketFor(sarah), sockets);
  sarahLive.socket.send(JSON.stringify({ type: 'subscribe', conversationId: conversation.conversationId }));
  await waitFor(() => sarahLive.messages.find((m) => m.type === 'subscribed'), 'Sarah subscribed');
  sarahLive.socket.send(JSON.stringify({ type: 'typing', conversationId: conversation.conversationId }));
  await expect.poll(() => page.getByText(/is typing/).count(), { timeout: 10_000 }).toBe(1);
  const answer = `Yes, filed on **Monday** ${run}`;
  await api(`/api/conversations/${conversation.conversationId}/messages`, {
    method: 'POST',
    token: sarah.token,
    body: JSON.stringify({ clientMessageId: randomUUID(), body: answer }),
  });
  await expect.poll(() => thread.textContent(), { timeout: 10_000 }).toContain(`Yes, filed on Monday ${run}`);
  expect(await thread.locator('strong', { hasText: 'Monday' }).count()).toBe(1);
  // John answers once more; Sarah reads it, and John sees it was seen.
  await page.getByLabel('Your message').fill(`Thanks! ${run}`);
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  // Stored (not only shown while sending): then Sarah reads up to it.
  await expect.poll(async () => (await api(`/api/conversations/${conversation.conversationId}`, { token: sarah.token })).body.preview).toBe(`Thanks! ${run}`);
  const { body: now } = await api(`/api/conversations/${conversation.conversationId}`, { token: sarah.token });
  await api(`/api/conversations/${conversation.conversationId}/read`, { method: 'POST', token: sarah.token, body: JSON.stringify({ seq: now.last.seq }) });
  await expect.poll(() => thread.getByText('Seen', { exact: true }).count(), { timeout: 10_000 }).toBe(1);
  await expectAccessible(page);
  await page.context().close();
});

it(
  'shows Sarah a client’s new message live with its unread count, lets her answer with a private note John never sees, and keeps Mike out by URL',
  { timeout: 60_000 },
  async () => {
    const run = randomUUID().slice(0, 6);
    const [john, sarah, admin] = await Promise.all([signIn('john.doe@example.com'), signIn('sarah@designpi.com'), signIn('hello@designpi.com')]);
    const { body: conversation } = await api('/api/conversations', { method: 'POST', token: john.token, body: '{}' });
    const id = conversation.conversationId as string;
    await api(`/api/conversations/${id}`, { method: 'PATCH', token: admin.token, body: JSON.stringify({ assigneeId: sarah.userId }) });
    const { body: seen } = await api(`/api/conversations/${id}`, { token: sarah.token });
    await api(`/api/conversations/${id}/read`, { method: 'POST', token: sarah.token, body: JSON.stringify({ seq: seen.last.seq }) });

    const page = await newPage(browser());
    await signInThroughForm(page, 'sarah@designpi.com');
    await page.waitForURL(url('/staff/'));
    await page.getByRole('link', { name: 'Conversations' }).first().click();
    await page.waitForURL(url('/staff/conversations/'));
    const list = page.getByRole('region', { name: 'Conversations' });
    const row = list.locator(`a[href="?id=${id}"]`);
    await expect.poll(() => row.textContent(), { timeout: 10_000 }).toContain('Acme Corporation');
    await expectAccessible(page);

    await api(`/api/conversations/${id}/messages`, {
      method: 'POST',
      token: john.token,
      body: JSON.stringify({ clientMessageId: randomUUID(), body: `Quick question ${run}` }),
    });
    await expect.poll(() => row.getByLabel('1 unread').count(), { timeout: 10_000 }).toBe(1);
    // And in the menu, her unread total.
    await expect.poll(() => page.getByRole('link', { name: /Conversations.*\d+ unread/ }).count(), { timeout: 10_000 }).toBeGreaterThan(0);
    await row.click();
    const thread = page.getByRole('list', { name: 'Conversation' });
    await expect.poll(() => thread.textContent(), { timeout: 10_000 }).toContain(`Quick question ${run}`);
    await page.getByRole('radio', { name: 'Private note' }).check();
    await page.getByLabel('Your message').fill(`Check his 1099 first ${run}`);
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    await expect.poll(() => thread.textContent()).toContain(`Check his 1099 first ${run}`);
    await expect.poll(() => row.getByLabel(/unread/).count()).toBe(0);
    await expectAccessible(page);
    const { body: johnSees } = await api(`/api/conversations/${id}/messages`, { token: john.token });
    expect(JSON.stringify(johnSees)).not.toContain('Check his 1099');
    await page.context().close();

    const mikes = await newPage(browser());
    await signInThroughForm(mikes, 'mike@designpi.com');
    await mikes.waitForURL(url('/staff/'));
    await mikes.goto(url(`/staff/conversations/?id=${id}`));
    await expect.poll(() => mikes.getByRole('alert').textContent(), { timeout: 10_000 }).toContain('not assigned to you');
    expect(await mikes.getByRole('list', { name: 'Conversation' }).count()).toBe(0);
    await mikes.context().close();
  },
);

it(
  'lets an admin work a conversation from the admin inbox: the client beside it, reassigned to Mike with its ticket, a canned reply, and the keys',
  { timeout: 90_000 },
  async () => {
    const run = randomUUID().slice(0, 6);
    const [john, sarah, mike, admin] = await Promise.all([
      signIn('john.doe@example.com'),
      signIn('sarah@designpi.com'),
      signIn('mike@designpi.com'),
      signIn('hello@designpi.com'),
    ]);
    // A topic of its own (John's default conversation is other tests'), with the ticket John's message makes.
    const { body: topic } = await api('/api/conversations', {
      method: 'POST',
      token: sarah.token,
      body: JSON.stringify({ customerId: 'cus-acme', subject: `Quarterly review ${run}` }),
    });
    const id = topic.conversationId as string;
    await api(`/api/conversations/${id}/messages`, {
      method: 'POST',
      token: john.token,
      body: JSON.stringify({ clientMessageId: randomUUID(), body: `When do we meet? ${run}` }),
    });

    const page = await newPage(browser());
    await signInThroughForm(page, 'hello@designpi.com');
    await page.waitForURL(url('/admin/'));
    await page.getByRole('link', { name: 'Conversations' }).first().click();
    await page.waitForURL(url('/admin/conversations/'));
    await page.getByRole('region', { name: 'Conversations' }).locator(`a[href="?id=${id}"]`).click();
    const thread = page.getByRole('list', { name: 'Conversation' });
    await expect.poll(() => thread.textContent(), { timeout: 10_000 }).toContain(`When do we meet? ${run}`);
    const panel = page.getByRole('region', { name: 'Client' });
    await expect.poll(() => panel.textContent(), { timeout: 10_000 }).toContain('john.doe@example.com');
    expect(await panel.getByRole('link', { name: 'Open the client’s page' }).count()).toBe(1);
    await expect.poll(() => page.getByText(`Ticket: Support request from Acme Corporation`).count()).toBe(1);
    await expectAccessible(page);

    // Reassigned to Mike: the ticket follows, and he now reaches it.
    await page.getByLabel('Assigned to', { exact: true }).selectOption({ label: 'Mike Chen' });
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Saved.' }).count(), { timeout: 10_000 }).toBe(1);
    await expect.poll(() => page.getByText(/Ticket: .*Assigned to Mike Chen/).count(), { timeout: 10_000 }).toBe(1);
    const { body: mikeSees } = await api(`/api/conversations/${id}`, { token: mike.token });
    expect(mikeSees).toMatchObject({ assigneeId: mike.userId, ticket: { assigneeName: 'Mike Chen' } });
    expect((await api(`/api/conversations/${id}`, { token: sarah.token })).status).toBe(200); // a lead still sees all

    // r: to the composer; a canned reply; sent.
    await thread.click();
    await page.keyboard.press('r');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('composer');
    await page.getByLabel('Canned reply').selectOption({ label: 'Book a call' });
    await expect.poll(() => page.getByLabel('Your message').inputValue()).toContain('Pick a time that suits you');
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    await expect.poll(() => thread.textContent(), { timeout: 10_000 }).toContain('Pick a time that suits you');

    // e: resolved (and its ticket); j: the next conversation in the list.
    await thread.click();
    await page.keyboard.press('e');
    await expect.poll(() => page.getByLabel('Status', { exact: true }).last().inputValue(), { timeout: 10_000 }).toBe('RESOLVED');
    await expect.poll(async () => (await api(`/api/conversations/${id}`, { token: admin.token })).body.ticket.status).toBe('resolved');
    await page.keyboard.press('j');
    await expect.poll(() => new URL(page.url()).searchParams.get('id')).not.toBe(id);
    await page.goBack();
    await expect.poll(() => new URL(page.url()).searchParams.get('id')).toBe(id);
    await expectAccessible(page);
    await page.context().close();
  },
);

it('lets John attach a file to a chat message, which Sarah receives with it', { timeout: 60_000 }, async () => {
  const run = randomUUID().slice(0, 6);
  const sarah = await signIn('sarah@designpi.com');
  const page = await newPage(browser());
  await signInThroughForm(page, 'john.doe@example.com');
  await page.waitForURL(url('/portal/'));
  await page.goto(url('/portal/chat/'));
  const thread = page.getByRole('list', { name: 'Conversation' });
  await expect.poll(() => thread.count(), { timeout: 10_000 }).toBe(1);
  await page.locator('input[type=file]').setInputFiles({ name: `receipt-${run}.txt`, mimeType: 'text/plain', buffer: Buffer.from(`Receipt ${run}\n`) });
  await expect.poll(() => page.getByRole('list', { name: 'Files to attach' }).textContent()).toContain(`receipt-${run}.txt`);
  await page.getByLabel('Your message').fill(`Here is the receipt ${run}`);
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  await expect.poll(() => thread.textContent(), { timeout: 15_000 }).toContain(`receipt-${run}.txt`);
  await expectAccessible(page);
  const { body: mine } = await api('/api/conversations', { method: 'POST', token: (await signIn('john.doe@example.com')).token, body: '{}' });
  const { body: messages } = await api(`/api/conversations/${mine.conversationId}/messages`, { token: sarah.token });
  const sent = messages.items.find((m: { body: string }) => m.body === `Here is the receipt ${run}`);
  expect(sent.attachments).toEqual([expect.objectContaining({ name: `receipt-${run}.txt` })]);
  await page.context().close();
});

it('lets John fix a typo in his message and delete another, which Sarah sees as edited and deleted', { timeout: 60_000 }, async () => {
  const run = randomUUID().slice(0, 6);
  const [john, sarah] = await Promise.all([signIn('john.doe@example.com'), signIn('sarah@designpi.com')]);
  const { body: conversation } = await api('/api/conversations', { method: 'POST', token: john.token, body: '{}' });
  const page = await newPage(browser());
  await signInThroughForm(page, 'john.doe@example.com');
  await page.waitForURL(url('/portal/'));
  await page.goto(url('/portal/chat/'));
  const thread = page.getByRole('list', { name: 'Conversation' });
  for (const text of [`Teh invoice ${run}`, `Wrong chat ${run}`]) {
    await page.getByLabel('Your message').fill(text);
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    await expect.poll(async () => (await api(`/api/conversations/${conversation.conversationId}`, { token: sarah.token })).body.preview).toBe(text);
  }
  const typo = thread.getByRole('listitem').filter({ hasText: `Teh invoice ${run}` });
  await typo.getByRole('button', { name: /^Edit the message you sent/ }).click();
  await thread.getByLabel('New text of the message').fill(`The invoice ${run}`);
  await thread.getByRole('button', { name: 'Save', exact: true }).click();
  await expect.poll(() => thread.textContent(), { timeout: 10_000 }).toContain(`The invoice ${run}`);
  await expect
    .poll(() =>
      thread
        .getByRole('listitem')
        .filter({ hasText: `The invoice ${run}` })
        .textContent(),
    )
    .toContain('edited');
  page.once('dialog', (dialog) => void dialog.accept());
  await thread
    .getByRole('listitem')
    .filter({ hasText: `Wrong chat ${run}` })
    .getByRole('button', { name: /^Delete the message you sent/ })
    .click();
  await expect.poll(() => thread.textContent(), { timeout: 10_000 }).not.toContain(`Wrong chat ${run}`);
  expect(await thread.getByText('This message was deleted.').count()).toBeGreaterThan(0);
  await expectAccessible(page);
  const { body } = await api(`/api/conversations/${conversation.conversationId}/messages?limit=100`, { token: sarah.token });
  const bodies = body.items.map((m: { body: string; editedAt?: string; deletedAt?: string }) => [m.body, Boolean(m.editedAt), Boolean(m.deletedAt)]);
  expect(bodies).toEqual(
    expect.arrayContaining([
      [`The invoice ${run}`, true, false],
      ['', false, true],
    ]),
  );
  await page.context().close();
});

it('emails John once for three messages that arrive after he left the portal, and the email’s link opens that conversation', { timeout: 90_000 }, async () => {
  const run = randomUUID().slice(0, 6);
  const [john, sarah] = await Promise.all([signIn('john.doe@example.com'), signIn('sarah@designpi.com')]);
  const { body: topic } = await api('/api/conversations', {
    method: 'POST',
    token: sarah.token,
    body: JSON.stringify({ customerId: 'cus-acme', subject: `Year-end papers ${run}` }),
  });
  const id = topic.conversationId as string;
  const say = (body: string) =>
    api(`/api/conversations/${id}/messages`, { method: 'POST', token: sarah.token, body: JSON.stringify({ clientMessageId: randomUUID(), body }) });
  const owed = async () => (await database().entities.conversationEmail.get({ tenantId: 't-designpi', conversationId: id, userId: john.userId }).go()).data;
  const emailsOfRun = async () => (await emailsTo('john.doe@example.com')).filter((e) => e.text.includes(run));

  // In the portal, John is told live: no email is owed.
  const page = await newPage(browser());
  await signInThroughForm(page, 'john.doe@example.com');
  await page.waitForURL(url('/portal/'));
  await page.goto(url('/portal/chat/'));
  await page
    .getByRole('navigation', { name: 'Your conversations' })
    .getByRole('link', { name: new RegExp(`Year-end papers ${run}`) })
    .click();
  await expect.poll(() => page.getByTestId('bell').getAttribute('data-live'), { timeout: 10_000 }).toBe('open');
  await say(`Hello John ${run}`);
  const thread = page.getByRole('list', { name: 'Conversation' });
  await expect.poll(() => thread.textContent(), { timeout: 10_000 }).toContain(`Hello John ${run}`);
  await expectAccessible(page);
  await page.context().close();
  expect(await owed()).toBeNull();

  // Away: three messages, one email.
  await expect.poll(async () => (await database().entities.connection.query.byUser({ tenantId: 't-designpi', userId: john.userId }).go()).data.length).toBe(0);
  const said = [`Your return is ready ${run}`, `Please check page 2 ${run}`, `Then press Approve ${run}`];
  for (const text of said) expect((await say(text)).status).toBe(201);
  await expect.poll(async () => (await owed())?.state).toBe('pending');
  await runJob('send-conversation-emails', new Date(Date.now() + 2 * MINUTE));
  await expect.poll(async () => (await emailsOfRun()).length).toBe(1);
  // A later run sends nothing more for what that email told of.
  await runJob('send-conversation-emails', new Date(Date.now() + 15 * MINUTE));
  const [email] = await emailsOfRun();
  expect(await emailsOfRun()).toHaveLength(1);
  expect(email!.subject).toBe('[DesignPi] 3 new messages from DesignPi');
  for (const text of said) expect(email!.text).toContain(text);
  expect(email!.text).not.toContain(`Hello John ${run}`);

  const again = await newPage(browser());
  await signInThroughForm(again, 'john.doe@example.com');
  await again.waitForURL(url('/portal/'));
  await again.goto(linkIn(email!, `/portal/chat/?id=${id}`));
  const opened = again.getByRole('list', { name: 'Conversation' });
  await expect.poll(() => opened.textContent(), { timeout: 10_000 }).toContain(said[2]);
  expect(await again.getByRole('link', { name: new RegExp(`Year-end papers ${run}`) }).getAttribute('aria-current')).toBe('page');
  await expect.poll(async () => (await api(`/api/conversations/${id}`, { token: john.token })).body.unread).toBe(0);
  // One that is not his: said so, not an empty thread.
  await again.goto(url('/portal/chat/?id=not-his'));
  await expect.poll(() => again.getByRole('alert').textContent(), { timeout: 10_000 }).toMatch(/not found|does not exist/i);
  await again.context().close();
});

it('keeps Sarah’s unread counts exact when her socket drops while messages arrive, once it is back', { timeout: 90_000 }, async () => {
  const run = randomUUID().slice(0, 6);
  const [john, sarah] = await Promise.all([signIn('john.doe@example.com'), signIn('sarah@designpi.com')]);
  const { body: topic } = await api('/api/conversations', {
    method: 'POST',
    token: sarah.token,
    body: JSON.stringify({ customerId: 'cus-acme', subject: `Payroll ${run}` }),
  });
  const id = topic.conversationId as string;
  const page = await newPage(browser());
  await signInThroughForm(page, 'sarah@designpi.com');
  await page.waitForURL(url('/staff/'));
  await page.goto(url('/staff/conversations/'));
  const row = page.getByRole('region', { name: 'Conversations' }).locator(`a[href="?id=${id}"]`);
  await expect.poll(() => row.count(), { timeout: 10_000 }).toBe(1);
  const bell = page.getByTestId('bell');
  await expect.poll(() => bell.getAttribute('data-live'), { timeout: 10_000 }).toBe('open');

  // The network goes: the socket is dropped and, while offline, cannot come back.
  await page.context().setOffline(true);
  expect(await dropConnectionsOf('t-designpi', sarah.userId)).toBeGreaterThan(0);
  await expect.poll(() => bell.getAttribute('data-live')).toBe('connecting');
  for (const n of [1, 2, 3]) {
    const sent = await api(`/api/conversations/${id}/messages`, {
      method: 'POST',
      token: john.token,
      body: JSON.stringify({ clientMessageId: randomUUID(), body: `Payslip question ${n} ${run}` }),
    });
    expect(sent.status).toBe(201);
  }
  await expect.poll(async () => (await api(`/api/conversations/${id}`, { token: sarah.token })).body.unread).toBe(3);
  expect(await row.getByLabel(/unread/).count()).toBe(0); // nothing reached the page meanwhile

  await page.context().setOffline(false);
  await expect.poll(() => bell.getAttribute('data-live'), { timeout: 30_000 }).toBe('open');
  await expect.poll(() => row.getByLabel('3 unread').count(), { timeout: 10_000 }).toBe(1);
  const { body: server } = await api('/api/conversations/unread', { token: sarah.token });
  await expect
    .poll(() => page.getByRole('link', { name: new RegExp(`Conversations.*\\b${server.total} unread`) }).count(), { timeout: 10_000 })
    .toBeGreaterThan(0);
  // Opened: each message once, in order.
  await row.click();
  const thread = page.getByRole('list', { name: 'Conversation' });
  await expect.poll(() => thread.textContent(), { timeout: 10_000 }).toContain(`Payslip question 3 ${run}`);
  const shown = (await thread.textContent())!.match(new RegExp(`Payslip question \\d ${run}`, 'g'));
  expect(shown).toEqual([1, 2, 3].map((n) => `Payslip question ${n} ${run}`));
  await expectAccessible(page);
  await page.context().close();
});

it('tells Sarah when her inbox could not be read, and reads it again when she asks', { timeout: 60_000 }, async () => {
  const page = await newPage(browser());
  await signInThroughForm(page, 'sarah@designpi.com');
  await page.waitForURL(url('/staff/'));
  // Reading the list fails, as a server in trouble answers, until the test lets it through.
  let failing = true;
  await page.route('**/api/conversations?**', (route) =>
    failing && route.request().method() === 'GET'
      ? route.fulfill({ status: 503, contentType: 'application/json', body: JSON.stringify({ error: { code: 'unavailable', message: 'Try again later.' } }) })
      : route.fallback(),
  );
  await page.goto(url('/staff/conversations/'));
  const alert = page.getByRole('alert').filter({ has: page.getByRole('button', { name: 'Try again' }) });
  await expect.poll(() => alert.count(), { timeout: 10_000 }).toBe(1);
  failing = false;
  await alert.getByRole('button', { name: 'Try again' }).click();
  await expect.poll(() => alert.count()).toBe(0);
  await expect.poll(() => page.getByRole('region', { name: 'Conversations' }).locator('a[href^="?id="]').count(), { timeout: 10_000 }).toBeGreaterThan(0);
  await page.context().close();
});
