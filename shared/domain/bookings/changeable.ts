/**
 * Who may still move or cancel a booking themselves: its client until the service's cut-off,
 * staff until it starts. The booking routes refuse by these rules and the request page offers
 * the buttons by them, so the two cannot disagree.
 */
import { MINUTE } from './availability.ts';
import type { BookingSettings } from './settings.ts';

const HOUR = 60 * MINUTE;

export interface ChangeableBooking {
  status: string;
  scheduledAt?: string;
}

export type Unchangeable = 'cancelled' | 'taken_place' | 'past_cutoff';

/** Until when a client may still change the booking themselves. */
export const changeableUntil = (booking: ChangeableBooking, settings: Pick<BookingSettings, 'cancelCutoffHours'>) =>
  Date.parse(booking.scheduledAt!) - settings.cancelCutoffHours * HOUR;

/** Why the booking can no longer be changed by this side, or undefined when it can. */
export function whyUnchangeable(
  booking: ChangeableBooking,
  settings: Pick<BookingSettings, 'cancelCutoffHours'>,
  by: { staff: boolean; now: number },
): Unchangeable | undefined {
  if (booking.status === 'cancelled') return 'cancelled';
  if (booking.status === 'completed' || Date.parse(booking.scheduledAt!) <= by.now) return 'taken_place';
  if (!by.staff && by.now > changeableUntil(booking, settings)) return 'past_cutoff';
  return undefined;
}
