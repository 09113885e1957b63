/**
 * A firm's public booking page, read-only: its bookable services, their free slots with prices,
 * and a quote with a promo code. No sign-in; the firm's slug says whose. The hottest public
 * path, so it is its own small Lambda with read-only table access.
 */
import type { OperationDef } from '../operations.ts';

export const AVAILABILITY_OPERATIONS = [
  { operationId: 'getBookingPage', method: 'GET', path: '/api/book/{firmSlug}', lambda: 'availability', access: 'public' },
  { operationId: 'getBookingSlots', method: 'GET', path: '/api/book/{firmSlug}/services/{serviceId}/slots', lambda: 'availability', access: 'public' },
  { operationId: 'quoteBooking', method: 'POST', path: '/api/book/{firmSlug}/quote', lambda: 'availability', access: 'public' },
] as const satisfies readonly OperationDef[];
