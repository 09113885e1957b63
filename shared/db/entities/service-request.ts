import { Entity } from '../entity.ts';
import { NO_CUSTOMER, hasCustomer } from './customer.ts';
import { ATTACHMENTS_ATTRIBUTE } from './document.ts';
import { PRIORITIES, REQUEST_STATUSES, type Priority } from '../../domain/requests/workflow.ts';
import { deadlineOrder, priorityOrder } from '../../domain/requests/list-order.ts';

/**
 * A client's request for a service. Its own partition holds it and its activity (timeline and
 * comments: request-activity.ts), so a request page is one Query. Lists use one index each:
 * the firm's (newest first), a client's, an assignee's, a status's, a customer's; and the firm's
 * by deadline and by priority (ADR 0028).
 */
/** The assignee while nobody is assigned: the assignee index needs a key either way. */
export const UNASSIGNED = '-';

export const ServiceRequest = new Entity({
  model: { entity: 'serviceRequest', version: '1', service: 'portal' },
  attributes: {
    tenantId: { type: 'string', required: true, readOnly: true },
    requestId: { type: 'string', required: true, readOnly: true },
    /** Per-firm human reference, e.g. SR-1042. */
    reference: { type: 'string', required: true, readOnly: true },
    clientId: { type: 'string', required: true, readOnly: true },
    clientName: { type: 'string', required: true },
    /** The customer the client acts for (shared/domain/customers): it owns the request. */
    customerId: { type: 'string', required: true, default: NO_CUSTOMER },
    serviceId: { type: 'string', required: true },
    serviceName: { type: 'string', required: true },
    title: { type: 'string', required: true },
    description: { type: 'string', required: true, default: '' },
    priority: { type: PRIORITIES, required: true, default: 'medium' },
    status: { type: REQUEST_STATUSES, required: true },
    /** Integer minor units of `currency`. */
    budgetMin: { type: 'number' },
    budgetMax: { type: 'number' },
    currency: { type: 'string', required: true },
    /** The service's price when it was asked for (minor units): what the work is worth without a budget. */
    listPrice: { type: 'number' },
    /** A calendar date (YYYY-MM-DD) in the firm's zone. */
    deadline: { type: 'string' },
    /** Answers to the service's questions, with the question as it was asked. */
    requirements: {
      type: 'list',
      required: true,
      default: () => [],
      items: {
        type: 'map',
        properties: { key: { type: 'string', required: true }, label: { type: 'string', required: true }, answer: { type: 'string', required: true } },
      },
    },
    /** Documents attached when it was asked for (shared/domain/documents/attachments.ts). */
    attachedDocuments: ATTACHMENTS_ATTRIBUTE,
    /** Legacy: file names typed before documents existed, until the `migrate-attachments` job makes them `attachedDocuments` (ADR 0031). */
    attachments: { type: 'list', items: { type: 'string' } },
    assigneeId: { type: 'string', required: true, default: UNASSIGNED },
    assigneeName: { type: 'string' },
    assignedAt: { type: 'string' },
    assignedBy: { type: 'string' },
    /** Why this person: the ranking's reasons when assigned automatically, or who chose. */
    assignmentReason: { type: 'string' },
    completedAt: { type: 'string' },
    clientApprovedAt: { type: 'string' },
    /** Who wrote the last comment the client sees, and when: staff's last word waits for the client's answer (their home lists it). */
    lastCommentBy: { type: ['client', 'staff'] as const },
    lastCommentAt: { type: 'string' },
    // A booking is a request with a time (ADR 0010). Times are ISO instants; zones are IANA.
    isBooking: { type: 'boolean' },
    scheduledAt: { type: 'string' },
    endsAt: { type: 'string' },
    durationMinutes: { type: 'number' },
    bookingType: { type: ['in-person', 'video', 'phone'] as const },
    firmZone: { type: 'string' },
    clientZone: { type: 'string' },
    confirmed: { type: 'boolean' },
    /** Which of the assignee's seats the booking holds (see slot-lock.ts). */
    seat: { type: 'number' },
    /** The service's buffers when booked, so later changes to the service do not move them. */
    bufferBeforeMinutes: { type: 'number' },
    bufferAfterMinutes: { type: 'number' },
    /** A series' RRULE and its first booking's id, on each of its bookings. */
    recurrence: { type: 'string' },
    seriesId: { type: 'string' },
    /** The price breakdown when booked (shared/domain/bookings/pricing.ts). */
    price: { type: 'any' },
    promoCode: { type: 'string' },
    guestPhone: { type: 'string' },
    /**
     * A guest booking made with the address of an existing account is held, under an id of its
     * own, until that address confirms it from its email (ADR 0016): the address, and until when.
     */
    guestEmail: { type: 'string' },
    awaitingOwnerUntil: { type: 'string' },
    /** Hashes of the secrets in the emailed manage links, each made when its email is sent (functions/bookings/manage-link.ts). */
    manageLinks: {
      type: 'list',
      items: { type: 'map', properties: { hash: { type: 'string', required: true }, expiresAt: { type: 'string', required: true } } },
    },
    /** SEQUENCE of the calendar invite: raised on every change the client is told about. */
    inviteSequence: { type: 'number' },
    cancelledAt: { type: 'string' },
    noShow: { type: 'boolean' },
    /** Soft deletion by an admin: hidden from every list and page, kept for the audit trail. */
    deletedAt: { type: 'string' },
    deletedBy: { type: 'string' },
    /** Lower-cased title, for the list's text filter (DynamoDB's contains is case-sensitive); kept from the title alone, so an edit of the title can renew it. */
    searchText: { type: 'string', hidden: true, watch: ['title'], set: (_, item: { title?: string }) => (item.title ?? '').toLowerCase() },
    /**
     * The sort keys of the deadline and priority orders, made from the fields they follow on a
     * create, a put or a patch of those fields, unless given. ElectroDB runs no watcher on a
     * `remove`, so clearing a deadline gives `deadlineOrder` (record.ts).
     */
    deadlineOrder: {
      type: 'string',
      hidden: true,
      watch: ['deadline'],
      set: (given, item: { deadline?: string }) => given ?? deadlineOrder(item.deadline),
    },
    priorityOrder: {
      type: 'string',
      hidden: true,
      watch: ['priority'],
      set: (given, item: { priority?: Priority }) => given ?? priorityOrder(item.priority ?? 'medium'),
    },
    createdAt: { type: 'string', required: true, readOnly: true },
    updatedAt: { type: 'string', required: true, default: () => new Date().toISOString(), set: () => new Date().toISOString(), watch: '*' },
    version: { type: 'number', required: true, default: 1 },
  },
  indexes: {
    byId: {
      pk: { field: 'pk', composite: ['tenantId', 'requestId'], template: 't#${tenantId}#request#${requestId}' },
      sk: { field: 'sk', composite: [], template: 'request' },
    },
    byFirm: {
      index: 'gsi1',
      pk: { field: 'gsi1pk', composite: ['tenantId'], template: 't#${tenantId}#requests' },
      sk: { field: 'gsi1sk', composite: ['createdAt', 'requestId'], template: '${createdAt}#${requestId}' },
    },
    byClient: {
      index: 'gsi2',
      pk: { field: 'gsi2pk', composite: ['tenantId', 'clientId'], template: 't#${tenantId}#client-requests#${clientId}' },
      sk: { field: 'gsi2sk', composite: ['createdAt', 'requestId'], template: '${createdAt}#${requestId}' },
    },
    byAssignee: {
      index: 'gsi3',
      pk: { field: 'gsi3pk', composite: ['tenantId', 'assigneeId'], template: 't#${tenantId}#assignee-requests#${assigneeId}' },
      sk: { field: 'gsi3sk', composite: ['createdAt', 'requestId'], template: '${createdAt}#${requestId}' },
    },
    byStatus: {
      index: 'gsi4',
      pk: { field: 'gsi4pk', composite: ['tenantId', 'status'], template: 't#${tenantId}#status-requests#${status}' },
      sk: { field: 'gsi4sk', composite: ['createdAt', 'requestId'], template: '${createdAt}#${requestId}' },
    },
    /** A customer's requests, whichever contact made them. Setting `customerId` needs `.composite({ createdAt })` for the sort key. */
    byCustomer: {
      index: 'gsi5',
      condition: hasCustomer,
      pk: { field: 'gsi5pk', composite: ['tenantId', 'customerId'], template: 't#${tenantId}#customer-requests#${customerId}', casing: 'none' },
      sk: { field: 'gsi5sk', composite: ['createdAt', 'requestId'], template: '${createdAt}#${requestId}', casing: 'none' },
    },
    /** The firm's requests by deadline (none last); changing the deadline needs `.composite({ createdAt })`. */
    byDeadline: {
      index: 'gsi6',
      pk: { field: 'gsi6pk', composite: ['tenantId'], template: 't#${tenantId}#requests-by-deadline' },
      sk: { field: 'gsi6sk', composite: ['deadlineOrder', 'createdAt', 'requestId'], template: '${deadlineOrder}#${createdAt}#${requestId}' },
    },
    /** The firm's requests by priority; changing the priority needs `.composite({ createdAt })`. */
    byPriority: {
      index: 'gsi7',
      pk: { field: 'gsi7pk', composite: ['tenantId'], template: 't#${tenantId}#requests-by-priority' },
      sk: { field: 'gsi7sk', composite: ['priorityOrder', 'createdAt', 'requestId'], template: '${priorityOrder}#${createdAt}#${requestId}' },
    },
  },
});
