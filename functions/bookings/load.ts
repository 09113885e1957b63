/**
 * What the availability engine needs, read from the table: the firm, the service and its
 * booking settings, the staff who can take it (one Query per assignable role) and the busy
 * bookings of a range (one Query per UTC month of calendar entries — never a Scan).
 */
import type { EntityItem } from 'electrodb';
import { notFound } from '../../shared/api/errors.ts';
import type { CalendarEntry } from '../../shared/db/entities/calendar-entry.ts';
import type { Service } from '../../shared/db/entities/service.ts';
import type { Tenant } from '../../shared/db/entities/tenant.ts';
import type { User } from '../../shared/db/entities/user.ts';
import type { AvailabilityQuery, BusyBooking, Interval, StaffSchedule, WeeklyHours } from '../../shared/domain/bookings/availability.ts';
import { bookingSettingsOf, type BookingSettings } from '../../shared/domain/bookings/settings.ts';
import { holdsASkill } from '../../shared/domain/tasks/tasks.ts';
import { firmEntriesBetween } from './calendar.ts';

const DAY = 86_400_000;
const BOOKABLE_ROLES = ['TEAM_MEMBER', 'TEAM_LEAD'] as const;

export type UserItem = EntityItem<typeof User>;
export type CalendarItem = EntityItem<typeof CalendarEntry>;

export interface Bookable {
  tenant: EntityItem<typeof Tenant>;
  service: EntityItem<typeof Service>;
  settings: BookingSettings;
  staff: UserItem[];
}

interface BookingEntities {
  tenant: typeof Tenant;
  service: typeof Service;
  user: typeof User;
  calendar: typeof CalendarEntry;
}

/** Active team members and leads who take bookings, are not away, and hold one of the service's skills. */
async function bookableStaff(entities: BookingEntities, tenantId: string, requiredSkills: readonly string[]): Promise<UserItem[]> {
  const found = await Promise.all(BOOKABLE_ROLES.map((role) => entities.user.query.byRole({ tenantId, role }).go({ pages: 'all' })));
  return found
    .flatMap((r) => r.data)
    .filter((u) => u.status === 'active' && u.takesBookings !== false && u.availabilityStatus !== 'on_leave' && u.availabilityStatus !== 'offline')
    .filter((u) => holdsASkill(requiredSkills, u.skills ?? []))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** The signed-in caller's own firm. */
export async function firmOf(entities: Pick<BookingEntities, 'tenant'>, tenantId: string): Promise<Bookable['tenant']> {
  const { data: tenant } = await entities.tenant.get({ tenantId }).go();
  if (!tenant) throw notFound('Firm');
  return tenant;
}

/** The firm's service as far as booking goes; 404 unless it is active and bookable (whether it exists is not told). */
export async function loadBookable(entities: BookingEntities, tenant: Bookable['tenant'], serviceId: string): Promise<Bookable> {
  const { data: service } = await entities.service.get({ tenantId: tenant.tenantId, serviceId }).go();
  const settings = bookingSettingsOf(service?.booking);
  if (!service || service.status !== 'active' || !settings.enabled) throw notFound('Bookable service');
  return { tenant, service, settings, staff: await bookableStaff(entities, tenant.tenantId, service.requiredSkills) };
}

/** Calendar entries starting within a day either side of the range (buffers and day limits reach that far). */
export const entriesAround = (entities: Pick<BookingEntities, 'calendar'>, tenantId: string, range: Interval): Promise<CalendarItem[]> =>
  firmEntriesBetween(entities, tenantId, new Date(range.start - DAY).toISOString(), new Date(range.end + DAY).toISOString());

const busyOf = (e: CalendarItem): BusyBooking => ({
  bookingId: e.bookingId,
  staffId: e.staffId,
  serviceId: e.serviceId,
  start: Date.parse(e.start),
  end: Date.parse(e.end),
  bufferBeforeMinutes: e.bufferBeforeMinutes,
  bufferAfterMinutes: e.bufferAfterMinutes,
});

function scheduleOf(user: UserItem): StaffSchedule {
  return {
    staffId: user.userId,
    zone: user.timeZone,
    hours: (user.workingHours ?? {}) as WeeklyHours,
    timeOff: (user.timeOff ?? []).map((t) => ({ start: Date.parse(t.start), end: Date.parse(t.end) })),
    maxConcurrent: user.maxConcurrentBookings ?? 1,
    maxPerDay: user.maxBookingsPerDay ?? 0,
  };
}

export function availabilityQuery(bookable: Bookable, entries: readonly CalendarItem[], range: Interval, now: number, staffId?: string): AvailabilityQuery {
  const { settings } = bookable;
  return {
    serviceId: bookable.service.serviceId,
    rules: settings,
    firmZone: bookable.tenant.timeZone,
    staff: bookable.staff.filter((s) => !staffId || s.userId === staffId).map(scheduleOf),
    busy: entries.map(busyOf),
    range,
    now,
    ...(settings.stepMinutes > 0 && { stepMinutes: settings.stepMinutes }),
  };
}
