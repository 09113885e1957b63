/**
 * Series plans: expanding a repeat rule needs rrule, which no function that writes bookings has
 * room for, so a small function without the database plans and signs (ADR 0011).
 */
import type { OperationDef } from '../operations.ts';

export const BOOKING_PLANS_OPERATIONS = [
  { operationId: 'planBookingSeries', method: 'POST', path: '/api/booking-plans', lambda: 'booking-plans', access: 'public' },
] as const satisfies readonly OperationDef[];
