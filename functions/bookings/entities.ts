/**
 * The entities the booking functions use, in two sets: a function that only changes existing
 * bookings bundles the smaller one (each entity definition costs bundle size; ADR 0003).
 */
import type { Service } from 'electrodb';
import { AuditEntry } from '../../shared/db/entities/audit-entry.ts';
import { BookingReminder } from '../../shared/db/entities/booking-reminder.ts';
import { CalendarEntry } from '../../shared/db/entities/calendar-entry.ts';
import { ManageLink } from '../../shared/db/entities/manage-link.ts';
import { OutboxEvent } from '../../shared/db/entities/outbox-event.ts';
import { RequestActivity } from '../../shared/db/entities/request-activity.ts';
import { ServiceRequest } from '../../shared/db/entities/service-request.ts';
import { Service as ServiceEntity } from '../../shared/db/entities/service.ts';
import { SlotLock } from '../../shared/db/entities/slot-lock.ts';
import { Workload } from '../../shared/db/entities/workload.ts';

/** What changing an existing booking writes (confirm, cancel, outcome). */
export const CHANGE_ENTITIES = {
  service: ServiceEntity,
  request: ServiceRequest,
  activity: RequestActivity,
  calendar: CalendarEntry,
  lock: SlotLock,
  reminder: BookingReminder,
  manageLink: ManageLink,
  workload: Workload,
  audit: AuditEntry,
  outbox: OutboxEvent,
};
export type ChangeDb = Service<typeof CHANGE_ENTITIES>;
