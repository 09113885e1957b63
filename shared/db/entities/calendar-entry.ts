import { Entity } from '../entity.ts';
import { NO_CUSTOMER, hasCustomer } from './customer.ts';

/**
 * A booking as the calendar and the availability engine read it: small, and kept in one
 * partition per firm and UTC month so a month of the whole firm's bookings is one Query.
 * Written with the booking in one transaction, moved on reschedule, deleted on cancel.
 */
export const CalendarEntry = new Entity({
  model: { entity: 'calendarEntry', version: '1', service: 'portal' },
  attributes: {
    tenantId: { type: 'string', required: true, readOnly: true },
    /** UTC 'YYYY-MM' of the start. */
    month: { type: 'string', required: true, readOnly: true },
    /** ISO instant. */
    start: { type: 'string', required: true, readOnly: true },
    end: { type: 'string', required: true },
    bookingId: { type: 'string', required: true, readOnly: true },
    reference: { type: 'string', required: true },
    staffId: { type: 'string', required: true },
    staffName: { type: 'string', required: true },
    seat: { type: 'number', required: true },
    serviceId: { type: 'string', required: true },
    serviceName: { type: 'string', required: true },
    clientId: { type: 'string', required: true },
    /** The customer the client acts for: it owns the booking. */
    customerId: { type: 'string', required: true, default: NO_CUSTOMER },
    clientName: { type: 'string', required: true },
    bookingType: { type: 'string', required: true },
    confirmed: { type: 'boolean', required: true },
    bufferBeforeMinutes: { type: 'number', required: true },
    bufferAfterMinutes: { type: 'number', required: true },
    /** The series the booking belongs to (its first booking's id). */
    seriesId: { type: 'string', readOnly: true },
    /** Held for its address to confirm until then (ADR 0016). */
    awaitingOwnerUntil: { type: 'string' },
  },
  indexes: {
    byMonth: {
      pk: { field: 'pk', composite: ['tenantId', 'month'], template: 't#${tenantId}#calendar#${month}', casing: 'none' },
      sk: { field: 'sk', composite: ['start', 'bookingId'], template: '${start}#${bookingId}', casing: 'none' },
    },
    /** A client's appointments in time order. */
    byClient: {
      index: 'gsi2',
      pk: { field: 'gsi2pk', composite: ['tenantId', 'clientId'], template: 't#${tenantId}#client-calendar#${clientId}', casing: 'none' },
      sk: { field: 'gsi2sk', composite: ['start', 'bookingId'], template: '${start}#${bookingId}', casing: 'none' },
    },
    /** One person's appointments in time order. */
    byStaff: {
      index: 'gsi3',
      pk: { field: 'gsi3pk', composite: ['tenantId', 'staffId'], template: 't#${tenantId}#staff-calendar#${staffId}', casing: 'none' },
      sk: { field: 'gsi3sk', composite: ['start', 'bookingId'], template: '${start}#${bookingId}', casing: 'none' },
    },
    /** A customer's appointments in time order, whichever contact booked them. */
    byCustomer: {
      index: 'gsi4',
      condition: hasCustomer,
      pk: { field: 'gsi4pk', composite: ['tenantId', 'customerId'], template: 't#${tenantId}#customer-calendar#${customerId}', casing: 'none' },
      sk: { field: 'gsi4sk', composite: ['start', 'bookingId'], template: '${start}#${bookingId}', casing: 'none' },
    },
  },
});
