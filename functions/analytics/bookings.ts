/**
 * Booking KPIs: one Query of the day counters around today, and the bookable minutes of the
 * staff who take bookings: their working hours within the business hours of the services they
 * take, less time off (one Query per bookable role and one of the active services). Utilization
 * and the no-show rate are over the days up to today; the days ahead show what is booked.
 */
import { notFound } from '../../shared/api/errors.ts';
import type { BookingKpis } from '../../shared/api/schemas/analytics.ts';
import { unionOf, type WeeklyHours } from '../../shared/domain/bookings/availability.ts';
import { bookableMinutesOn, bookingDayBucket, noShowRate, openWindows, utilization } from '../../shared/domain/bookings/kpis.ts';
import { bookingSettingsOf } from '../../shared/domain/bookings/settings.ts';
import { holdsASkill } from '../../shared/domain/tasks/tasks.ts';
import { addDays, localDateOf } from '../../shared/domain/time/zoned.ts';
import type { ReplyOf, RequestOf } from '../lib/http.ts';
import { database } from './db.ts';

export async function getBookingKpis(req: RequestOf<'getBookingKpis'>): Promise<ReplyOf<'getBookingKpis'>> {
  const { tenantId } = req.actor;
  const { kpi, tenant, user, service } = database().entities;
  const { data: firm } = await tenant.get({ tenantId }).go();
  if (!firm) throw notFound('Firm');
  const today = localDateOf(firm.timeZone, Date.now());
  const half = Math.floor(req.query.days / 2);
  const [first, last] = [addDays(today, -half), addDays(today, req.query.days - half - 1)];
  const [{ data: counters }, { data: active }, ...staff] = await Promise.all([
    kpi.query
      .byBucket({ tenantId })
      .between({ bucket: bookingDayBucket(first) }, { bucket: bookingDayBucket(last) })
      .go({ pages: 'all' }),
    service.query.byStatus({ tenantId, status: 'active' }).go({ pages: 'all' }),
    ...(['TEAM_MEMBER', 'TEAM_LEAD'] as const).map((role) => user.query.byRole({ tenantId, role }).go({ pages: 'all' })),
  ]);
  const bookable = active.map((s) => ({ skills: s.requiredSkills, settings: bookingSettingsOf(s.booking) })).filter((s) => s.settings.enabled);
  const people = staff
    .flatMap((r) => r.data)
    .filter((u) => u.status === 'active' && u.takesBookings !== false)
    .map((u) => ({
      zone: u.timeZone,
      hours: (u.workingHours ?? {}) as WeeklyHours,
      timeOff: (u.timeOff ?? []).map((off) => ({ start: Date.parse(off.start), end: Date.parse(off.end) })),
      takes: bookable.map((s) => holdsASkill(s.skills, u.skills ?? [])),
    }));
  const byDate = new Map(counters.map((c) => [c.bucket.slice('booking-day#'.length), c]));
  const days: BookingKpis['days'] = [];
  for (let date = first; date <= last; date = addDays(date, 1)) {
    const c: Partial<Record<'bookings' | 'bookedMinutes' | 'attended' | 'noShows' | 'bookingsCancelled', number>> = byDate.get(date) ?? {};
    const open = bookable.map((s) => openWindows(firm.timeZone, s.settings, date));
    const openFor = (takes: boolean[]) => unionOf(open.filter((_, i) => takes[i]).flat());
    days.push({
      date,
      bookings: c.bookings ?? 0,
      bookedMinutes: c.bookedMinutes ?? 0,
      bookableMinutes: people.reduce((sum, p) => sum + bookableMinutesOn(p.zone, p.hours, p.timeOff, date, openFor(p.takes)), 0),
      attended: c.attended ?? 0,
      noShows: c.noShows ?? 0,
      cancelled: c.bookingsCancelled ?? 0,
    });
  }
  const past = days.filter((d) => d.date <= today);
  const sum = (key: keyof BookingKpis['days'][number]) => past.reduce((s, d) => s + (d[key] as number), 0);
  const rate = noShowRate(sum('noShows'), sum('attended'));
  const used = utilization(sum('bookedMinutes'), sum('bookableMinutes'));
  return { body: { days, ...(rate !== undefined && { noShowRate: rate }), ...(used !== undefined && { utilization: used }) } };
}
