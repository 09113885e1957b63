import ICAL from 'ical.js';
import type { Browser, Page } from 'playwright-core';
import { beforeAll, expect, it } from 'vitest';
import { at, bookingFixtures, firmZone } from '../../infra/local/test-bookings.ts';
import { localDateOf } from '../../shared/domain/time/zoned.ts';
import { attachmentOf, emailsTo, linkIn, nextEmailTo, type InboxEmail } from '../../infra/local/test-inbox.ts';
import { joinAs } from '../../infra/local/test-client.ts';
import { expectAccessible, loadWholeList, signInThroughForm, url, useBrowser } from './browser.ts';

const browser = useBrowser();
const { run, service, staff } = bookingFixtures();
const serviceName = `Strategy call ${run}`;

let eve: { email: string };
let serviceId: string;
beforeAll(async () => {
  eve = await staff('Eve');
  serviceId = await service();
});

/** A visitor in London, whatever this machine's zone: times on the page are theirs. */
/** A client's upcoming appointments, on their appointments page. */
const upcomingOf = (page: Page) => page.getByRole('region', { name: 'Upcoming', exact: true });

async function visitor(b: Browser): Promise<Page> {
  const context = await b.newContext({ locale: 'en-US', timezoneId: 'Europe/London' });
  return context.newPage();
}

/** Through the first two steps to a time next week at 2 PM in London (9 AM at the firm). */
async function chooseTime(page: Page, time = '2:00 PM') {
  await page.goto(url('/book/?firm=designpi'));
  await page.getByRole('button', { name: `Choose: ${serviceName}` }).click();
  await expect.poll(() => page.getByLabel('Times shown in').inputValue()).toBe('Europe/London');
  await page.getByRole('button', { name: /Next week/ }).click();
  const times = page.getByRole('region', { name: /Free times on/ });
  await times.getByRole('button', { name: new RegExp(`^${time}`) }).click();
  await page.getByRole('button', { name: 'Continue' }).click();
}

async function fillDetails(page: Page, name: string, email: string) {
  await page.getByLabel('Your name').fill(name);
  await page.getByLabel('Email').fill(email);
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect.poll(() => page.getByRole('heading', { name: 'Check and confirm' }).count()).toBe(1);
}

/** The firm's local date of the booking an email invites to, read from its invite (whose DTSTART carries the firm's zone). */
async function firmDateOfInvite(mail: InboxEmail): Promise<string> {
  const calendar = new ICAL.Component(ICAL.parse(await attachmentOf(mail, 'invite.ics')));
  expect(calendar.getFirstSubcomponent('vevent')!.getFirstProperty('dtstart')!.getParameter('tzid')).toBe('America/New_York');
  for (const tz of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(tz);
  return localDateOf(firmZone, new ICAL.Event(calendar.getFirstSubcomponent('vevent')!).startDate.toJSDate().getTime());
}

it(
  'a guest books through the wizard, gets the invite by email and moves the booking from the emailed link while the admin’s calendar follows live; a second visitor of the same slot is offered others',
  { timeout: 90_000 },
  async () => {
    const guest = await visitor(browser());
    const rival = await visitor(browser());
    const email = `wizard.${run}@example.test`;

    await chooseTime(guest);
    await expectAccessible(guest);
    // The details step checks what it needs before going on.
    await guest.getByRole('button', { name: 'Continue' }).click();
    await expect.poll(() => guest.getByText('Your name is required').count()).toBe(1);
    await fillDetails(guest, 'Wendy Wizard', email);
    await expect.poll(() => guest.getByRole('row', { name: /Total/ }).textContent()).toContain('$150.00');
    await expectAccessible(guest);

    // Meanwhile someone else reaches the same time.
    await chooseTime(rival);
    await fillDetails(rival, 'Ray Rival', `rival.${run}@example.test`);

    await guest.getByRole('button', { name: 'Confirm the booking' }).click();
    await expect.poll(() => guest.getByRole('heading', { name: 'You are booked' }).count()).toBe(1);
    await expectAccessible(guest);

    await rival.getByRole('button', { name: 'Confirm the booking' }).click();
    await expect.poll(() => rival.getByText('That time has just been taken. Please pick another.').count()).toBe(1);
    expect(await rival.getByText('Someone has just booked that time. Choose another:').count()).toBe(1);

    // The confirmation: an invite at the firm's time with its zone, and the manage link.
    const mail = await nextEmailTo(email);
    expect(mail.subject).toMatch(new RegExp(`^Booked: ${serviceName}`));
    const bookedOn = await firmDateOfInvite(mail);

    // The admin watches the firm's calendar for that week, in New York.
    const adminContext = await browser().newContext({ locale: 'en-US', timezoneId: firmZone });
    const admin = await adminContext.newPage();
    await signInThroughForm(admin, 'hello@designpi.com');
    await admin.waitForURL(url('/admin/'));
    await admin.goto(url(`/admin/calendar/?view=week&date=${bookedOn}`));
    const booking = admin.getByRole('button', { name: new RegExp(`Wendy Wizard`) });
    await expect.poll(() => booking.textContent()).toContain('9:00 AM–10:00 AM');
    await expectAccessible(admin);

    await guest.goto(linkIn(mail, '/book/manage/?token='));
    await expect.poll(() => guest.getByRole('heading', { name: 'Your booking with DesignPi' }).count()).toBe(1);
    await expectAccessible(guest);
    await guest.getByRole('button', { name: 'Reschedule' }).click();
    await guest.getByRole('button', { name: /Next week/ }).click();
    await guest
      .getByRole('region', { name: /Free times on/ })
      .getByRole('button', { name: /^3:00 PM/ })
      .click();
    await guest.getByRole('button', { name: 'Move to this time' }).click();
    await expect.poll(() => guest.getByRole('status').filter({ hasText: 'Done: your booking is now on' }).textContent()).toContain('3:00');
    const moved = await nextEmailTo(email, 1);
    expect(moved.subject).toMatch(new RegExp(`^Moved: ${serviceName}`));
    // Live: the admin's calendar moved it without a reload.
    await expect.poll(() => booking.textContent()).toContain('10:00 AM–11:00 AM');
    await booking.click();
    await expect.poll(() => admin.getByRole('region', { name: new RegExp(serviceName) }).textContent()).toContain('Wendy Wizard');
    await adminContext.close();

    await guest.context().close();
    await rival.context().close();
  },
);

it(
  'a signed-in client books from the portal; an admin moves it before opening hours, past the warning once seen, books another time for the client, and finds both under the requests page’s Appointments tab',
  { timeout: 90_000 },
  async () => {
    const email = `portal.${run}@example.test`;
    await joinAs({ email, name: 'Petra Portal', role: 'CLIENT', password: 'Portal-Passw0rd!' });
    const context = await browser().newContext({ locale: 'en-US', timezoneId: firmZone });
    const client = await context.newPage();
    await signInThroughForm(client, email, 'Portal-Passw0rd!');
    await client.waitForURL(url('/portal/'));
    // Signed in, the firm's public link books as the client, in the portal.
    await client.goto(url('/book/?firm=designpi'));
    await client.waitForURL(url('/portal/book/'));
    await client.goto(url('/portal/appointments/'));
    await client.getByRole('link', { name: 'Book an appointment' }).click();
    await client.getByRole('button', { name: `Choose: ${serviceName}` }).click();
    await client.getByRole('button', { name: /Next week/ }).click();
    await client
      .getByRole('region', { name: /Free times on/ })
      .getByRole('button', { name: /^1:00 PM/ })
      .click();
    await client.getByRole('button', { name: 'Continue' }).click();
    // No name or email to type: the client books as themselves.
    await expect.poll(() => client.getByText(`Booking as Petra Portal (${email}).`).count()).toBe(1);
    await client.getByRole('button', { name: 'Continue' }).click();
    await client.getByRole('button', { name: 'Confirm the booking' }).click();
    await expect.poll(() => client.getByRole('heading', { name: /You are booked|Your request is in/ }).count()).toBe(1);
    await expectAccessible(client);
    // The client's appointments are a plain list.
    await client.getByRole('link', { name: 'See it in the calendar' }).click();
    await client.waitForURL(url('/portal/appointments/'));
    await expect.poll(() => upcomingOf(client).getByText(serviceName, { exact: true }).count()).toBe(1);
    // The invitation to join was the first email; the confirmation is the second.
    const bookedOn = await firmDateOfInvite(await nextEmailTo(email, 1));

    const admin = await context
      .browser()!
      .newContext({ locale: 'en-US', timezoneId: firmZone })
      .then((c) => c.newPage());
    await signInThroughForm(admin, 'hello@designpi.com');
    await admin.waitForURL(url('/admin/'));
    await admin.goto(url(`/admin/calendar/?view=week&date=${bookedOn}`));
    const booking = admin.getByRole('button', { name: /Petra Portal/ });
    await expect.poll(() => booking.textContent()).toContain('1:00 PM–2:00 PM');
    await booking.click();
    const details = admin.getByRole('region', { name: new RegExp(serviceName) });
    await details.getByRole('button', { name: 'Move', exact: true }).click();
    await details.getByLabel(/Or type a time/).fill(`${bookedOn}T08:00`);
    await details.getByRole('button', { name: 'Move the booking' }).click();
    // 8 AM is before the firm's hours: staff are told, and may go ahead.
    await expect.poll(() => details.getByRole('alert').textContent()).toContain('outside the firm’s booking hours');
    await expectAccessible(admin);
    await details.getByRole('button', { name: 'Move anyway' }).click();
    await expect.poll(() => booking.textContent()).toContain('8:00 AM–9:00 AM');
    // The firm's calendar filters by person and by how people meet.
    // Each filter asks the server again: under load that may take more than a second.
    await admin.getByLabel('Person').selectOption({ label: `Eve ${run}` });
    await expect.poll(() => booking.count(), { timeout: 10_000 }).toBe(1);
    await admin.getByLabel('How').selectOption({ label: 'Phone call' });
    await expect.poll(() => booking.count(), { timeout: 10_000 }).toBe(0);
    await admin.getByLabel('How').selectOption({ label: 'All' });
    expect((await nextEmailTo(email, 2)).subject).toMatch(new RegExp(`^Moved: ${serviceName}`));

    // Staff book for a client they choose; the booking is confirmed at once.
    await admin.getByRole('link', { name: 'New booking' }).click();
    await admin.getByRole('button', { name: `Choose: ${serviceName}` }).click();
    await admin.getByRole('button', { name: /Next week/ }).click();
    await admin
      .getByRole('region', { name: /Free times on/ })
      .getByRole('button', { name: /^3:00 PM/ })
      .click();
    await admin.getByRole('button', { name: 'Continue' }).click();
    await admin.getByRole('button', { name: 'Continue' }).click();
    await expect.poll(() => admin.getByText('Client is required').count()).toBe(1);
    // Typing narrows the firm's clients to the one meant.
    await admin.getByLabel('Find a client by name or email').fill(email);
    await expect.poll(() => admin.getByText(/^1 of \d+ clients$/).count()).toBe(1);
    await admin.getByLabel('Client', { exact: true }).selectOption({ label: `Petra Portal · ${email}` });
    await expectAccessible(admin);
    await admin.getByRole('button', { name: 'Continue' }).click();
    await admin.getByRole('button', { name: 'Confirm the booking' }).click();
    await expect.poll(() => admin.getByRole('heading', { name: 'You are booked' }).count()).toBe(1);
    expect((await nextEmailTo(email, 3)).subject).toMatch(new RegExp(`^Booked: ${serviceName}`));

    // The requests page's Appointments tab (reached by keyboard) lists them in time order from a date, by person and type, to act on there.
    await admin.goto(url('/admin/requests/'));
    await admin.getByRole('tab', { name: 'Requests' }).focus();
    await admin.keyboard.press('ArrowRight');
    await expect.poll(() => admin.getByRole('tab', { name: 'Appointments' }).getAttribute('aria-selected')).toBe('true');
    expect(new URL(admin.url()).hash).toBe('#appointments');
    const panel = admin.getByRole('tabpanel');
    await panel.getByLabel('From', { exact: true }).fill(bookedOn);
    await panel.getByLabel('Person').selectOption({ label: `Eve ${run}` });
    const rows = panel.getByRole('button', { name: /Petra Portal/ });
    await expect.poll(() => rows.allTextContents()).toEqual([expect.stringContaining('8:00 AM–9:00 AM'), expect.stringContaining('3:00 PM–4:00 PM')]);
    await panel.getByLabel('How').selectOption({ label: 'Phone call' });
    await expect.poll(() => rows.count()).toBe(0);
    await panel.getByLabel('How').selectOption({ label: 'All' });
    await rows.first().click();
    await expect
      .poll(() =>
        panel
          .getByRole('region', { name: new RegExp(serviceName) })
          .getByRole('button', { name: 'Move', exact: true })
          .count(),
      )
      .toBe(1);
    await expectAccessible(admin);
    await admin.reload();
    await expect.poll(() => admin.getByRole('tab', { name: 'Appointments' }).getAttribute('aria-selected')).toBe('true');
    await admin.context().close();
    await context.close();
  },
);

it(
  'a signed-in client books a weekly series (dates planned on the firm’s clock, one email for all), an admin moves it a day on, and the client moves, then cancels, it from the second date on',
  { timeout: 90_000 },
  async () => {
    const email = `series.${run}@example.test`;
    await joinAs({ email, name: 'Sam Series', role: 'CLIENT', password: 'Series-Passw0rd!' });
    const client = await browser()
      .newContext({ locale: 'en-US', timezoneId: firmZone })
      .then((c) => c.newPage());
    await signInThroughForm(client, email, 'Series-Passw0rd!');
    await client.waitForURL(url('/portal/'));
    await client.goto(url('/portal/book/'));
    await client.getByRole('button', { name: `Choose: ${serviceName}` }).click();
    await client.getByRole('button', { name: /Next week/ }).click();
    await client
      .getByRole('region', { name: /Free times on/ })
      .getByRole('button', { name: /^11:00 AM/ })
      .click();
    await client.getByRole('button', { name: 'Continue' }).click();

    await client.getByLabel('How often').selectOption({ label: 'Every week' });
    await client.getByLabel('How many times in all').fill('60');
    await client.getByRole('button', { name: 'Continue' }).click();
    await expect.poll(() => client.getByText('How many times in all must be at most 52').count()).toBe(1);
    await client.getByLabel('How many times in all').fill('3');
    await expectAccessible(client);
    await client.getByRole('button', { name: 'Continue' }).click();

    const planned = client.getByRole('region', { name: 'Planned dates' });
    await expect.poll(() => planned.getByRole('listitem').count()).toBe(3);
    // Weekly on the firm's clock: each at 11:00 AM, a week apart.
    for (const date of await planned.getByRole('listitem').allTextContents()) expect(date).toMatch(/at 11:00 AM$/);
    expect(await client.getByLabel('Promo code').count()).toBe(0);
    await expectAccessible(client);
    await client.getByRole('button', { name: 'Book all of them' }).click();
    await expect.poll(() => client.getByText('3 appointments booked:').count()).toBe(1);
    await expectAccessible(client);

    // The invitation to join was the first email; the series is the second, with all three dates.
    const mail = await nextEmailTo(email, 1);
    expect(mail.subject).toMatch(new RegExp(`^3 × ${serviceName} from `));
    const calendar = new ICAL.Component(ICAL.parse(await attachmentOf(mail, 'invite.ics')));
    expect(calendar.getAllSubcomponents('vevent')).toHaveLength(3);

    // The admin moves the whole series a day on, to 9 AM: the client hears once.
    const firstDate = await firmDateOfInvite(mail);
    const admin = await browser()
      .newContext({ locale: 'en-US', timezoneId: firmZone })
      .then((c) => c.newPage());
    await signInThroughForm(admin, 'hello@designpi.com');
    await admin.waitForURL(url('/admin/'));
    await admin.goto(url(`/admin/calendar/?view=week&date=${firstDate}`));
    await admin.getByRole('button', { name: /Sam Series/ }).click();
    const details = admin.getByRole('region', { name: new RegExp(serviceName) });
    await details.getByRole('button', { name: 'Move', exact: true }).click();
    await details.getByLabel('Move this one and the later ones alike').check();
    const nextDay = new Date(Date.parse(`${firstDate}T12:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    await details.getByLabel(/Or type a time/).fill(`${nextDay}T09:00`);
    await expectAccessible(admin);
    await details.getByRole('button', { name: 'Move the booking' }).click();
    await expect.poll(() => details.getByText('Moved. Later appointments moved alike: 2.').count()).toBe(1);
    expect((await nextEmailTo(email, 2)).subject).toMatch(new RegExp(`^Moved: 3 × ${serviceName} from `));
    await admin.context().close();

    // From the second date on, the rest of the series is moved, then cancelled, in one go each, from the portal.
    await client.getByRole('link', { name: 'See it in the calendar' }).click();
    const entries = upcomingOf(client).getByRole('listitem');
    await expect.poll(() => entries.count()).toBe(3);
    await entries.nth(1).getByRole('button', { name: 'Reschedule or cancel' }).click();
    await client.waitForURL(/\/book\/manage\/\?token=/);
    // The client moves it and the last one alike, to 3 PM on a day the week after next.
    await client.getByRole('button', { name: 'Reschedule' }).click();
    await client.getByRole('button', { name: /Next week/ }).click();
    await client.getByRole('button', { name: /Next week/ }).click();
    await client
      .getByRole('region', { name: /Free times on/ })
      .getByRole('button', { name: /^3:00 PM/ })
      .click();
    await client.getByLabel('Move this one and the later ones alike').check();
    await expectAccessible(client);
    await client.getByRole('button', { name: 'Move to this time' }).click();
    await expect.poll(() => client.getByText('Moved. Later appointments moved alike: 1.').count()).toBe(1);
    expect((await nextEmailTo(email, 3)).subject).toMatch(new RegExp(`^Moved: 2 × ${serviceName} from `));
    await client.getByRole('button', { name: 'Cancel the booking' }).click();
    await client.getByLabel('Cancel this one and the later ones').check();
    await expectAccessible(client);
    await client.getByRole('button', { name: 'Yes, cancel it' }).click();
    await expect.poll(() => client.getByText('Cancelled. Later appointments of the series cancelled too: 1.', { exact: false }).count()).toBe(1);
    expect((await nextEmailTo(email, 4)).subject).toMatch(new RegExp(`^Cancelled: 2 × ${serviceName} from `));
    await client.context().close();
  },
);

it('a guest who booked creates their account from the confirmation, and finds the booking in the portal', { timeout: 60_000 }, async () => {
  const guest = await visitor(browser());
  const email = `claimer.${run}@example.test`;
  await chooseTime(guest, '5:00 PM');
  await fillDetails(guest, 'Clara Claimer', email);
  await guest.getByRole('button', { name: 'Confirm the booking' }).click();
  await expect.poll(() => guest.getByRole('heading', { name: 'You are booked' }).count()).toBe(1);
  await guest.getByRole('link', { name: 'Create your account' }).click();
  await guest.waitForURL(/\/register\//);
  expect(await guest.getByLabel('Your name').inputValue()).toBe('Clara Claimer');
  expect(await guest.getByLabel('Email').inputValue()).toBe(email);
  await guest.getByRole('button', { name: 'Send the link' }).click();
  await expect.poll(() => guest.getByRole('status').textContent()).toContain(`We sent a link to ${email}.`);

  const confirmation = async () => (await emailsTo(email)).find((m) => m.subject === 'Confirm your email for DesignPi');
  await expect.poll(confirmation, { timeout: 10_000 }).toBeDefined();
  await guest.goto(linkIn((await confirmation())!, '/invitation/?token='));
  await guest.getByLabel('New password').fill('Clara-Claimer-Passw0rd');
  await guest.getByLabel('Repeat the password').fill('Clara-Claimer-Passw0rd');
  await guest.getByRole('button', { name: 'Confirm and open my portal' }).click();
  await guest.waitForURL(url('/portal/'));
  // The booking made as a guest is theirs in the portal.
  await guest.goto(url('/portal/appointments/'));
  await expect.poll(() => upcomingOf(guest).getByText(serviceName, { exact: true }).count()).toBe(1);
  await expectAccessible(guest);
  await guest.context().close();
});

it('a booking made as a guest with a client’s address waits for that client, who adds it to their account from the email', { timeout: 60_000 }, async () => {
  const email = `held.${run}@example.test`;
  await joinAs({ email, name: `Hana ${run}`, role: 'CLIENT', password: 'Hana-Held-Passw0rd' });
  const guest = await visitor(browser());
  await chooseTime(guest, '4:00 PM');
  await fillDetails(guest, 'Somebody', email);
  await guest.getByRole('button', { name: 'Confirm the booking' }).click();
  // Told what any guest is told: nothing says the address has an account.
  await expect
    .poll(() => guest.getByText(`We emailed ${email} about this booking. If that address already has an account with DesignPi`, { exact: false }).count())
    .toBe(1);
  await guest.context().close();

  const ask = async () => (await emailsTo(email)).find((m) => m.subject.startsWith(`Is this your booking? ${serviceName}`));
  await expect.poll(ask, { timeout: 10_000 }).toBeDefined();
  const client = await visitor(browser());
  await client.goto(linkIn((await ask())!, '/book/manage/?token='));
  await expect.poll(() => client.getByText('Waiting for you to confirm it').count()).toBe(1);
  await expectAccessible(client);
  await client.getByRole('button', { name: 'Yes, it is mine: add it to my account' }).click();
  await expect.poll(() => client.getByText('Done: the booking is in your account.', { exact: false }).count()).toBe(1);
  await expect.poll(async () => (await emailsTo(email)).some((m) => m.subject.startsWith(`Booked: ${serviceName}`)), { timeout: 10_000 }).toBe(true);
  await signInThroughForm(client, email, 'Hana-Held-Passw0rd');
  await client.waitForURL(url('/portal/'));
  await client.goto(url('/portal/appointments/'));
  await expect.poll(() => upcomingOf(client).getByText(serviceName, { exact: true }).count()).toBe(1);
  await client.context().close();
});

it('says so when a manage link is wrong', async () => {
  const page = await visitor(browser());
  await page.goto(url('/book/manage/?token=t-designpi.nope.nope'));
  await expect.poll(() => page.getByText('This link is not valid.', { exact: false }).count()).toBe(1);
  await page.context().close();
});

it('an admin sets how a service is booked, and the public page follows', { timeout: 60_000 }, async () => {
  const context = await browser().newContext({ locale: 'en-US' });
  const admin = await context.newPage();
  await signInThroughForm(admin, 'hello@designpi.com');
  await admin.waitForURL(url('/admin/'));
  await admin.goto(url('/admin/services/'));
  await loadWholeList(admin);
  await admin.getByRole('link', { name: `Booking: ${serviceName}` }).click();
  await expect.poll(() => admin.getByRole('heading', { name: `Booking: ${serviceName}` }).count()).toBe(1);
  expect(await admin.getByLabel('Clients can book this service online').isChecked()).toBe(true);
  await admin.getByLabel('Duration (minutes)').fill('50');
  await admin.getByRole('button', { name: 'Save the booking settings' }).click();
  await expect.poll(() => admin.getByText('Duration (minutes) must be a multiple of 15 minutes').count()).toBe(1);
  await admin.getByLabel('Duration (minutes)').fill('45');
  await admin.getByRole('button', { name: 'Save the booking settings' }).click();
  await expect.poll(() => admin.getByText('Saved. The booking page shows the new settings now.').count()).toBe(1);
  await expectAccessible(admin);

  const guest = await visitor(browser());
  await guest.goto(url('/book/?firm=designpi'));
  await expect.poll(() => guest.getByRole('listitem').filter({ hasText: serviceName }).textContent()).toContain('45 min');
  await context.close();
  await guest.context().close();
});

it('an admin adds a promo code and switches it off; the booking page prices with it only while it is on', { timeout: 60_000 }, async () => {
  const code = `AUTUMN-${run}`.toUpperCase();
  const context = await browser().newContext({ locale: 'en-US' });
  const admin = await context.newPage();
  await signInThroughForm(admin, 'hello@designpi.com');
  await admin.waitForURL(url('/admin/'));
  await admin.goto(url('/admin/services/'));
  await admin.getByRole('link', { name: 'Promo codes' }).click();
  await admin.getByRole('button', { name: 'Add a promo code' }).click();
  await admin.getByLabel('Code', { exact: true }).fill(code.toLowerCase());
  await admin.getByLabel('Percent off').fill('150');
  await admin.getByRole('button', { name: 'Save the code' }).click();
  await expect.poll(() => admin.getByText('Discount cannot be more than 100 percent').count()).toBe(1);
  await admin.getByLabel('Percent off').fill('15');
  await admin.getByRole('button', { name: 'Save the code' }).click();
  const row = admin.getByRole('row', { name: new RegExp(code) });
  await expect.poll(() => row.textContent()).toContain('15%');
  await expectAccessible(admin);
  const quote = () =>
    fetch(url('/api/book/designpi/quote'), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ serviceId, start: at(7, 600), promoCode: code }),
    });
  expect((await quote()).status).toBe(200);

  await row.getByRole('button', { name: `Change: ${code}` }).click();
  await admin.getByLabel('On: clients can use it').uncheck();
  await admin.getByRole('button', { name: 'Save the code' }).click();
  await expect.poll(() => row.textContent()).toContain('Off');
  expect((await quote()).status).toBe(400);
  await context.close();
});

it('a team member plans time off and reminders on their account', { timeout: 60_000 }, async () => {
  const context = await browser().newContext({ locale: 'en-US', timezoneId: 'America/New_York' });
  const page = await context.newPage();
  await signInThroughForm(page, eve.email, 'Booking-Passw0rd!');
  await page.waitForURL(url('/staff/'));
  await page.goto(url('/account/bookings/'));
  await expect.poll(() => page.getByRole('heading', { name: 'Bookings and reminders' }).count()).toBe(1);
  await page.getByLabel('an hour before').check();
  await page.getByLabel('From').fill('2030-01-02T09:00');
  await page.getByLabel('Until').fill('2030-01-03T17:00');
  await page.getByLabel('Reason (optional)').fill('Dentist');
  await page.getByRole('button', { name: 'Add time off' }).click();
  await page.getByRole('button', { name: 'Save' }).click();
  await expect.poll(() => page.getByRole('status').filter({ hasText: 'Saved.' }).count()).toBe(1);
  await expectAccessible(page);
  await page.reload();
  await expect.poll(() => page.getByText('Dentist').count()).toBe(1);
  expect(await page.getByLabel('an hour before').isChecked()).toBe(true);
  await context.close();
});
