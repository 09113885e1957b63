import { beforeAll, expect, it } from 'vitest';
import { at, bookingFixtures, firmZone } from '../../infra/local/test-bookings.ts';
import { api, joinAs } from '../../infra/local/test-client.ts';
import { localDateOf } from '../../shared/domain/time/zoned.ts';
import { expectAccessible, signInThroughForm, url, useBrowser } from './browser.ts';

const browser = useBrowser();
const { run, service, staff } = bookingFixtures();
const start = at(2, 600);
let reference: string;

beforeAll(async () => {
  await staff('Hal');
  const client = await joinAs({ email: `cal-${run}@example.com`, name: `Cleo ${run}`, role: 'CLIENT', password: 'Client-Passw0rd!' });
  const booked = await api('/api/bookings', {
    method: 'POST',
    token: client.token,
    body: JSON.stringify({ serviceId: await service(), start, timeZone: 'Europe/London' }),
  });
  expect(booked.status).toBe(201);
  reference = booked.body.reference;
});

it(
  'staff move an appointment on the week’s hour grid by dragging it or with Alt and the arrows, confirm before it changes, and pass the hours warning once seen',
  { timeout: 60_000 },
  async () => {
    const context = await browser().newContext({ locale: 'en-US', timezoneId: firmZone, viewport: { width: 1280, height: 900 } });
    const admin = await context.newPage();
    await signInThroughForm(admin, 'hello@designpi.com');
    await admin.waitForURL(url('/admin/'));
    await admin.goto(url(`/admin/calendar/?view=week&date=${localDateOf(firmZone, Date.parse(start))}`));
    await admin.getByLabel('Person').selectOption({ label: `Hal ${run}` });
    const entry = admin.getByRole('button', { name: new RegExp(`Cleo ${run}`) });
    await expect.poll(() => entry.textContent()).toContain('10:00 AM–11:00 AM');
    // In the colour of its person; with one person shown, no key to the colours.
    await expect.poll(() => admin.getByRole('list', { name: 'Colours' }).count()).toBe(0);
    expect(await entry.evaluate((e) => getComputedStyle(e).borderInlineStartWidth)).toBe('4px');
    await expectAccessible(admin);

    // Dragged two hours down: nothing changes until the move is confirmed.
    const box = (await entry.boundingBox())!;
    await admin.mouse.move(box.x + box.width / 2, box.y + 10);
    await admin.mouse.down();
    await admin.mouse.move(box.x + box.width / 2, box.y + 10 + 96, { steps: 8 });
    await admin.mouse.up();
    const proposed = admin.getByRole('region', { name: 'Move to another time' });
    await expect.poll(() => proposed.textContent()).toMatch(new RegExp(`Move ${reference} · Cleo ${run} from .*10:00 AM to .*12:00 PM\\?`));
    expect(await entry.textContent()).toContain('10:00 AM–11:00 AM');
    await expectAccessible(admin);
    await proposed.getByRole('button', { name: 'Move the booking' }).click();
    await expect.poll(() => entry.textContent()).toContain('12:00 PM–1:00 PM');
    expect(await proposed.count()).toBe(0);

    // By keys: each press adds a quarter hour; Escape leaves it where it was.
    await entry.focus();
    await admin.keyboard.press('Alt+ArrowDown');
    await admin.keyboard.press('Alt+ArrowDown');
    await expect.poll(() => proposed.textContent()).toMatch(/to .*12:30 PM\?/);
    await proposed.getByRole('button', { name: 'Leave it where it was' }).click();
    expect(await proposed.count()).toBe(0);

    // Before the firm's hours: the server warns, and staff may go ahead once they have seen it.
    await entry.focus();
    for (let i = 0; i < 16; i++) await admin.keyboard.press('Alt+ArrowUp');
    await expect.poll(() => proposed.textContent()).toMatch(/to .*8:00 AM\?/);
    await proposed.getByRole('button', { name: 'Move the booking' }).click();
    await expect.poll(() => proposed.getByRole('alert').textContent()).toContain('outside the firm’s booking hours');
    await proposed.getByRole('button', { name: 'Move anyway' }).click();
    await expect.poll(() => entry.textContent()).toContain('8:00 AM–9:00 AM');
    // Each person's colour reads in the dark scheme too.
    await admin.emulateMedia({ colorScheme: 'dark' });
    await expectAccessible(admin);

    await context.close();
  },
);
