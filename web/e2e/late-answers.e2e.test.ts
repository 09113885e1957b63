/**
 * A list whose filters change while an earlier answer is still on its way must show the answer
 * for the filters chosen last. Each test holds the answer for one filter until the answer for the
 * next has shown, then lets it through: a list that shows whatever arrives last fails.
 */
import type { Page, Route } from 'playwright-core';
import { expect, it } from 'vitest';
import { at, bookingFixtures } from '../../infra/local/test-bookings.ts';
import { api, joinAs, signIn } from '../../infra/local/test-client.ts';
import { newPage, signInThroughForm, url, useBrowser } from './browser.ts';

const browser = useBrowser();
const { run, service, staff } = bookingFixtures();

/** Holds the next API answer whose address matches: `held` settles once it is asked for, `release` lets it reach the page. */
async function holdNext(page: Page, matches: (address: URL) => boolean) {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let delivered!: Promise<void>;
  let seen!: () => void;
  const held = new Promise<void>((resolve) => (seen = resolve));
  let taken = false;
  await page.route('**/api/**', async (route: Route) => {
    if (taken || !matches(new URL(route.request().url()))) return route.fallback();
    taken = true;
    const response = await route.fetch();
    delivered = released.then(() => route.fulfill({ response }));
    seen();
  });
  return { held, release: () => (release(), delivered) };
}

/** Time enough for the page to render what it was just given. */
const settle = (page: Page) => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 300))));

it('the appointments list shows the type chosen last, though the answer for the type before came after it', { timeout: 60_000 }, async () => {
  const holder = await staff('Lia');
  const serviceId = await service();
  const client = await joinAs({ email: `late.${run}@example.test`, name: `Late Client ${run}`, role: 'CLIENT', password: 'Client-Passw0rd!' });
  const booked = await api('/api/bookings', {
    method: 'POST',
    token: client.token,
    body: JSON.stringify({ serviceId, start: at(3, 600), timeZone: 'Europe/London', bookingType: 'video' }),
  });
  expect(booked.status, JSON.stringify(booked.body)).toBe(201);

  const admin = await newPage(browser());
  await signInThroughForm(admin, 'hello@designpi.com');
  await admin.waitForURL(url('/admin/'));
  await admin.goto(url('/admin/requests/#appointments'));
  const panel = admin.getByRole('tabpanel');
  await panel.getByLabel('Person').selectOption({ label: `Lia ${run}` });
  const rows = panel.getByRole('button', { name: new RegExp(`Late Client ${run}`) });
  await expect.poll(() => rows.count(), { timeout: 10_000 }).toBe(1);

  // The video answer (with the booking) is held; the phone answer (without it) shows first.
  const video = await holdNext(
    admin,
    (a) => a.pathname === '/api/bookings' && a.searchParams.get('bookingType') === 'video' && a.searchParams.get('staffId') === holder.userId,
  );
  await panel.getByLabel('How').selectOption({ label: 'Video call' });
  await video.held;
  await panel.getByLabel('How').selectOption({ label: 'Phone call' });
  await expect.poll(() => rows.count()).toBe(0);
  await video.release();
  await settle(admin);
  expect(await rows.count()).toBe(0);
  expect(await panel.getByLabel('How').inputValue()).toBe('phone');
  await admin.context().close();
});

it('the staff ticket list shows the priority chosen last, though the answer for the priority before came after it', { timeout: 60_000 }, async () => {
  const subject = `Late answer ${run}`;
  const john = await signIn('john.doe@example.com');
  const raised = await api('/api/tickets', {
    method: 'POST',
    token: john.token,
    body: JSON.stringify({ subject, description: 'Which form?', priority: 'low' }),
  });
  expect(raised.status, JSON.stringify(raised.body)).toBe(201);

  const sarah = await newPage(browser());
  await signInThroughForm(sarah, 'sarah@designpi.com');
  await sarah.waitForURL(/\/staff\//);
  await sarah.goto(url('/staff/tickets/'));
  const ticket = sarah.getByRole('link', { name: new RegExp(subject) });
  await expect.poll(() => ticket.count(), { timeout: 10_000 }).toBe(1);

  const low = await holdNext(sarah, (a) => a.pathname === '/api/tickets' && a.searchParams.get('priority') === 'low');
  await sarah.getByLabel(/^Priority/).selectOption({ label: 'Low' });
  await low.held;
  await sarah.getByLabel(/^Priority/).selectOption({ label: 'Urgent' });
  await expect.poll(() => ticket.count()).toBe(0);
  await low.release();
  await settle(sarah);
  expect(await ticket.count()).toBe(0);
  await sarah.context().close();
});
