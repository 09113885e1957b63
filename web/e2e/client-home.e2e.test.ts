import { randomUUID } from 'node:crypto';
import { beforeAll, expect, it } from 'vitest';
import { at, bookingFixtures } from '../../infra/local/test-bookings.ts';
import { api, joinAs, signIn, type Signed } from '../../infra/local/test-client.ts';
import { expectAccessible, newPage, signInThroughForm, url, useBrowser } from './browser.ts';

const browser = useBrowser();
const run = randomUUID().slice(0, 8);
const { service, staff } = bookingFixtures();
const post = (who: Signed, path: string, body: unknown) => api(path, { method: 'POST', token: who.token, body: JSON.stringify(body) });
const email = `home-${run}@example.com`;
let draft: string;
let question: string;
let bookingRef: string;

beforeAll(async () => {
  const [admin, sarah] = await Promise.all([signIn('hello@designpi.com'), signIn('sarah@designpi.com')]);
  const customer = await post(admin, '/api/customers', { name: `Home Studio ${run}` });
  const ada = await joinAs({
    email,
    name: `Ada ${run}`,
    role: 'CLIENT',
    password: 'Client-Passw0rd!',
    customerId: customer.body.customerId,
    contactAccess: 'full',
  });
  const ask = async (title: string, submit: boolean) =>
    (await post(ada, '/api/requests', { serviceId: 'svc-payroll-setup', title, requirements: { 'q-employees': '3' }, submit })).body.reference as string;
  draft = await ask(`Payroll draft ${run}`, false);
  question = await ask(`Payroll question ${run}`, true);
  const { body } = await api(`/api/requests?q=${encodeURIComponent(question)}`, { token: ada.token });
  expect((await post(sarah, `/api/requests/${body.items[0].requestId}/comments`, { text: 'Are any of them contractors?', internal: false })).status).toBe(201);
  await staff('Iris');
  const booked = await post(ada, '/api/bookings', { serviceId: await service(), start: at(2, 600), timeZone: 'Europe/London' });
  expect(booked.status).toBe(201);
  bookingRef = booked.body.reference;
});

it(
  'a client’s home says what needs them, who works on what, their next appointment and what happened; the appointment is managed from its request and from a plain list',
  { timeout: 60_000 },
  async () => {
    const page = await newPage(browser());
    await signInThroughForm(page, email, 'Client-Passw0rd!');
    await page.waitForURL(url('/portal/'));
    const attention = page.getByRole('region', { name: 'Needs your attention' });
    await expect
      .poll(() => attention.getByRole('listitem').allTextContents())
      .toEqual([
        expect.stringMatching(new RegExp(`^Send your draft · ${draft}`)),
        expect.stringMatching(new RegExp(`^Answer the firm’s message · ${question}`)),
      ]);
    const open = page.getByRole('region', { name: 'Your open requests' });
    await expect.poll(() => open.getByText(`Payroll question ${run}`).count()).toBe(1);
    const upcoming = page.getByRole('region', { name: 'Upcoming appointments' });
    await expect.poll(() => upcoming.getByRole('button', { name: 'Reschedule or cancel' }).count()).toBe(1);
    await expect.poll(() => page.getByRole('region', { name: 'Recent activity' }).getByText(`commented on ${question}`, { exact: false }).count()).toBe(1);
    // Nothing promised that the product does not do (documents exist now; invoices do not yet).
    expect(await page.getByText(/invoice/i).count()).toBe(0);
    await expectAccessible(page);

    // Answering the firm clears it from the home.
    await attention.getByRole('link', { name: 'Answer the firm’s message' }).click();
    await page.waitForURL(/\/portal\/request\/\?id=/);
    await page.getByLabel('Your comment').fill('No, all five are employees.');
    await page.getByRole('button', { name: 'Add the comment' }).click();
    await expect.poll(() => page.getByText('No, all five are employees.').count()).toBe(1);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Home' }).click();
    await page.waitForURL(url('/portal/'));
    await expect.poll(() => attention.getByRole('listitem').count()).toBe(1);

    // The appointment's request shows it in the reader's zone, with its price, to cancel there.
    // Its date is the link (the list loads on its own: wait for the appointment, not the "see all" link).
    await upcoming.getByRole('listitem').first().getByRole('link').click();
    await page.waitForURL(/\/portal\/request\/\?id=/);
    const booking = page.getByTestId('request-booking');
    await expect
      .poll(() => booking.getByText('Times in').textContent())
      .toBe(`Times in ${await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone)}`);
    expect(await booking.getByText('Total').count()).toBe(1);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain(bookingRef);
    await expectAccessible(page);
    await booking.getByRole('button', { name: 'Cancel the booking' }).click();
    await booking.getByLabel('Reason (optional)').fill('Travelling that week');
    await booking.getByRole('button', { name: 'Yes, cancel it' }).click();
    await expect.poll(() => booking.getByRole('status').textContent()).toContain('Your booking is cancelled');
    await expect.poll(() => page.getByTestId('request-status').textContent()).toBe('Cancelled');

    // The appointments page is a plain list, not the staff calendar: the cancelled one is gone from it.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Appointments' }).click();
    await page.waitForURL(url('/portal/appointments/'));
    await expect.poll(() => page.getByText('No appointments coming up.').count()).toBe(1);
    expect(await page.getByText(/Keys:/).count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Book an appointment' }).getAttribute('href')).toBe('/portal/book/');
    await expectAccessible(page);
    await page.context().close();
  },
);
