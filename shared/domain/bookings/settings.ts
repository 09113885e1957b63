/**
 * A service's booking settings as stored on the service, and how they become the rules of the
 * availability and pricing engines. Defaults are what a firm would pick for a first
 * appointment type: an hour on weekdays 09:00–17:00, a day's notice, two months ahead.
 */
import type { BookingRules, WeeklyHours } from './availability.ts';
import type { PricingRules } from './pricing.ts';

export const BOOKING_TYPES = ['in-person', 'video', 'phone'] as const;
export type BookingType = (typeof BOOKING_TYPES)[number];

export interface BookingSettings extends BookingRules {
  enabled: boolean;
  bookingTypes: BookingType[];
  /** Confirmed on booking; otherwise staff confirm. */
  autoConfirm: boolean;
  /** Clients may cancel or reschedule until this many hours before the start. */
  cancelCutoffHours: number;
  /** Distance between offered starts; 0 = the duration. */
  stepMinutes: number;
  /** Minor units per hour beyond the standard duration. */
  hourlyRate: number;
  peakPercent: number;
  peakHours: WeeklyHours;
  weekendPercent: number;
  rushWithinHours: number;
  rushPercent: number;
}

const WEEKDAY_HOURS = [{ start: '09:00', end: '17:00' }];

export const DEFAULT_BOOKING_SETTINGS: BookingSettings = {
  enabled: false,
  bookingTypes: ['video'],
  autoConfirm: true,
  cancelCutoffHours: 24,
  durationMinutes: 60,
  stepMinutes: 0,
  advanceDays: 60,
  minNoticeHours: 24,
  maxPerDay: 0,
  bufferBeforeMinutes: 0,
  bufferAfterMinutes: 0,
  businessHours: { mon: WEEKDAY_HOURS, tue: WEEKDAY_HOURS, wed: WEEKDAY_HOURS, thu: WEEKDAY_HOURS, fri: WEEKDAY_HOURS },
  blackoutDates: [],
  hourlyRate: 0,
  peakPercent: 0,
  peakHours: {},
  weekendPercent: 0,
  rushWithinHours: 0,
  rushPercent: 100,
};

/** Stored settings over the defaults (a service saved before a setting existed gets its default). */
export const bookingSettingsOf = (stored: unknown): BookingSettings => ({ ...DEFAULT_BOOKING_SETTINGS, ...(stored as Partial<BookingSettings> | undefined) });

export function pricingRulesOf(service: { basePrice: number; currency: string }, settings: BookingSettings): PricingRules {
  return {
    currency: service.currency,
    basePrice: service.basePrice,
    standardMinutes: settings.durationMinutes,
    hourlyRate: settings.hourlyRate,
    peakPercent: settings.peakPercent,
    peakHours: settings.peakHours,
    weekendPercent: settings.weekendPercent,
    rushWithinHours: settings.rushWithinHours,
    rushPercent: settings.rushPercent,
  };
}

/** Minutes before a booking that reminders go out when the recipient has chosen none: a day and two hours. */
export const DEFAULT_REMINDER_OFFSETS = [24 * 60, 2 * 60];
