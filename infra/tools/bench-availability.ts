/**
 * How long the availability engine takes for a month of slots for 20 staff, each with a
 * few bookings a day, time off and their own zones. `npm run bench:availability`.
 * Prints the median of repeated runs; compare figures from one run, not across machines.
 */
import { availableSlots, type AvailabilityQuery, type BusyBooking, type StaffSchedule, type WeeklyHours } from '../../shared/domain/bookings/availability.ts';
import { addDays, instantAt } from '../../shared/domain/time/zoned.ts';

const firmZone = 'America/New_York';
const weekdays: WeeklyHours = Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri'].map((d) => [d, [{ start: '08:00', end: '18:00' }]]));
const zones = ['America/New_York', 'America/Chicago', 'Europe/London', 'Asia/Kathmandu'];
const firstDay = '2026-10-15'; // the month crosses the autumn DST change on both sides of the Atlantic

const staff: StaffSchedule[] = Array.from({ length: 20 }, (_, i) => ({
  staffId: `u${i}`,
  zone: zones[i % zones.length]!,
  hours: Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri', 'sat'].map((d) => [d, [{ start: '00:00', end: '24:00' }]])),
  timeOff: [{ start: instantAt(firmZone, addDays(firstDay, i), 0)!, end: instantAt(firmZone, addDays(firstDay, i + 2), 0)! }],
  maxConcurrent: 1,
  maxPerDay: 6,
}));

const busy: BusyBooking[] = [];
for (let d = 0; d < 31; d++) {
  for (const [i, s] of staff.entries()) {
    for (const hour of [9, 11, 14]) {
      const start = instantAt(firmZone, addDays(firstDay, d), (hour + (i % 3)) * 60)!;
      busy.push({
        bookingId: `b${d}-${i}-${hour}`,
        staffId: s.staffId,
        serviceId: 's1',
        start,
        end: start + 3_600_000,
        bufferBeforeMinutes: 0,
        bufferAfterMinutes: 15,
      });
    }
  }
}

const query: AvailabilityQuery = {
  serviceId: 's1',
  rules: {
    durationMinutes: 45,
    advanceDays: 90,
    minNoticeHours: 4,
    maxPerDay: 0,
    bufferBeforeMinutes: 10,
    bufferAfterMinutes: 10,
    businessHours: weekdays,
    blackoutDates: [addDays(firstDay, 10)],
  },
  firmZone,
  staff,
  busy,
  range: { start: instantAt(firmZone, firstDay, 0)!, end: instantAt(firmZone, addDays(firstDay, 31), 0)! },
  now: instantAt(firmZone, firstDay, 0)! - 3_600_000,
  stepMinutes: 15,
};

const timings: number[] = [];
let slots = 0;
for (let run = 0; run < 25; run++) {
  const started = performance.now();
  slots = availableSlots(query).length;
  timings.push(performance.now() - started);
}
timings.sort((a, b) => a - b);
const median = timings[Math.floor(timings.length / 2)]!;
console.log(
  `availability: 31 days × ${staff.length} staff, ${busy.length} busy bookings → ${slots} slots; median ${median.toFixed(1)} ms, first run ${timings.at(-1)!.toFixed(1)} ms (worst of 25)`,
);
