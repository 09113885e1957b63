import type { BookingSettings } from '../../shared/domain/bookings/settings.ts';
import type { PriceBreakdown } from '../../shared/domain/bookings/pricing.ts';
import type { RequestItem } from '../requests/request-access.ts';
import { changeableUntil } from '../../shared/domain/bookings/changeable.ts';

/** A booking as the API shows it to its client and to staff. */
export function bookingView(b: RequestItem, settings: Pick<BookingSettings, 'cancelCutoffHours'>) {
  return {
    bookingId: b.requestId,
    reference: b.reference,
    serviceId: b.serviceId,
    serviceName: b.serviceName,
    clientName: b.clientName,
    ...(b.assigneeId && { staffId: b.assigneeId }),
    ...(b.assigneeName && { staffName: b.assigneeName }),
    start: b.scheduledAt!,
    end: b.endsAt!,
    durationMinutes: b.durationMinutes ?? 0,
    bookingType: b.bookingType ?? 'video',
    firmZone: b.firmZone ?? 'UTC',
    clientZone: b.clientZone ?? b.firmZone ?? 'UTC',
    status: b.status,
    confirmed: b.confirmed ?? false,
    ...(b.price !== undefined && { price: b.price as PriceBreakdown }),
    changeableUntil: new Date(changeableUntil(b, settings)).toISOString(),
    ...(b.seriesId && { seriesId: b.seriesId, recurrence: b.recurrence }),
    ...(b.awaitingOwnerUntil && { awaitingOwnerUntil: b.awaitingOwnerUntil }),
    version: b.version,
  };
}
