import { beforeAll, describe, expect, it } from 'vitest';
import { bookAsGuest, bookingFixtures, everyDay, firmZone, tenantId } from '../../../infra/local/test-bookings.ts';
import { api } from '../../../infra/local/test-client.ts';
import { emailsTo, nextEmailTo } from '../../../infra/local/test-inbox.ts';
import { runJob } from '../../../infra/local/test-client.ts';
import { database } from '../../../shared/db/all-entities.ts';
import { instantAt } from '../../../shared/domain/time/zoned.ts';
import { issueManageLink } from '../manage-link.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const { run, service, staff } = bookingFixtures(everyDay('00:00', '24:00'));
let serviceId: string;
/** What issueManageLink writes through, from the tests' own service. */
const links = () => ({ entities: { request: database().entities.serviceRequest, manageLink: database().entities.manageLink } });
let staffEmail: string;

/** A whole hour (an offered start) at least `hours` from now. */
const hoursAhead = (hours: number) => new Date(Math.ceil((Date.now() + hours * HOUR) / HOUR) * HOUR).toISOString();
const reminders = async (subject: string, address: string) =>
  (await emailsTo(address)).filter((e) => e.subject.startsWith('Reminder:') && e.subject.includes(subject));
const remindersOf = async (bookingId: string) => (await database().entities.reminder.query.byBooking({ tenantId, bookingId }).go()).data;

async function booked(name: string, start: string, extra: Record<string, unknown> = {}) {
  const email = `${name.toLowerCase()}.${run}@example.test`;
  const res = await bookAsGuest(serviceId, start, { name, email }, extra);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  await nextEmailTo(email); // the confirmation
  return { email, bookingId: res.body.bookingId as string, start };
}

beforeAll(async () => {
  ({ email: staffEmail } = await staff('Rita'));
  serviceId = await service({ advanceDays: 200, cancelCutoffHours: 0 });
});

describe('the send-reminders job', () => {
  it('sends each due reminder exactly once, however often and however concurrently it runs', async () => {
    const { email, bookingId, start } = await booked('Once', hoursAhead(3));
    const twoHoursBefore = Date.parse(start) - 2 * HOUR;
    // The day-before reminder was already past when booked: never written, never sent.
    expect((await remindersOf(bookingId)).map((r) => `${r.offsetMinutes}:${r.state}`).sort()).toEqual(['120:pending', '120:pending']);

    await runJob('send-reminders', new Date(twoHoursBefore - 5 * MINUTE));
    expect(await reminders('Strategy call', email)).toHaveLength(0);

    const due = new Date(twoHoursBefore + MINUTE);
    await Promise.all([runJob('send-reminders', due), runJob('send-reminders', due), runJob('send-reminders', due)]);
    await runJob('send-reminders', new Date(twoHoursBefore + 6 * MINUTE));
    expect(await reminders('Strategy call', email)).toHaveLength(1);
    const [reminder] = await reminders('Strategy call', email);
    expect(reminder!.text).toContain('/book/manage/?token=');
    expect((await emailsTo(staffEmail)).filter((e) => e.subject.startsWith('Reminder:') && e.text.includes(bookingId))).toHaveLength(1);
    expect((await remindersOf(bookingId)).filter((r) => r.offsetMinutes === 120).map((r) => r.state)).toEqual(['sent', 'sent']);
  });

  it('resets pending reminders on a reschedule, and sends none for a cancelled booking', async () => {
    const moving = await booked('Moving', hoursAhead(5));
    const { data: booking } = await database().entities.serviceRequest.get({ tenantId, requestId: moving.bookingId }).go();
    const token = await issueManageLink(links(), booking!);
    const later = hoursAhead(9);
    const rescheduled = await api(`/api/manage-booking/${token}/reschedule`, { method: 'POST', body: JSON.stringify({ start: later, version: 1 }) });
    expect(rescheduled.status, JSON.stringify(rescheduled.body)).toBe(200);
    // At the old time's reminder nothing goes out; at the new one, it does.
    await runJob('send-reminders', new Date(Date.parse(moving.start) - 2 * HOUR + MINUTE));
    expect(await reminders('Strategy call', moving.email)).toHaveLength(0);
    await runJob('send-reminders', new Date(Date.parse(later) - 2 * HOUR + MINUTE));
    expect(await reminders('Strategy call', moving.email)).toHaveLength(1);

    const cancelled = await booked('Cancelled', hoursAhead(7));
    const { data: toCancel } = await database().entities.serviceRequest.get({ tenantId, requestId: cancelled.bookingId }).go();
    const cancelToken = await issueManageLink(links(), toCancel!);
    expect((await api(`/api/manage-booking/${cancelToken}/cancel`, { method: 'POST', body: JSON.stringify({ version: 1 }) })).status).toBe(200);
    await runJob('send-reminders', new Date(Date.parse(cancelled.start) - 2 * HOUR + MINUTE));
    expect(await reminders('Strategy call', cancelled.email)).toHaveLength(0);
  });

  it('reminds a day before at the appointment’s local hour across the March DST change', async () => {
    // Sunday 14 March 2027, 10:00 in New York: the clocks went forward at 02:00 that night.
    const start = new Date(instantAt(firmZone, '2027-03-14', 600)!).toISOString();
    const { email, bookingId } = await booked('Spring', start, { timeZone: firmZone });
    const dayBefore = instantAt(firmZone, '2027-03-13', 600)!; // 10:00 EST: 23 real hours earlier
    const reminder = (await remindersOf(bookingId)).find((r) => r.offsetMinutes === 1440 && r.state === 'pending');
    expect(Date.parse(reminder!.dueAt)).toBe(dayBefore);
    await runJob('send-reminders', new Date(dayBefore - 5 * MINUTE));
    expect(await reminders('Strategy call', email)).toHaveLength(0);
    await runJob('send-reminders', new Date(dayBefore + MINUTE));
    const sent = await reminders('Strategy call', email);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.text).toContain('10:00');
  });
});
