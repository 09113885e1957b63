/**
 * Event bus rules: which consumer gets which events. CDK creates one EventBridge rule per
 * entry (with a DLQ); the local bus applies the same patterns (shared/events/pattern.ts).
 */
import { SERIES_EVENTS } from '../domain/bookings/series.ts';
import { HELD_STATUSES, SCAN_RESULT_DETAIL_TYPE, SCAN_RESULT_SOURCE } from '../domain/documents/scans.ts';
import type { BoundedContext } from '../contexts.ts';
import { SES_FEEDBACK_DETAIL_TYPES, SES_SOURCE } from '../domain/notifications/email-feedback.ts';
import type { Pattern } from './pattern.ts';

export const EVENT_SOURCE = 'service-portal';

/** Each consumer is a Lambda, `functions/<context>/consumers/<consumer>.ts`, in the bounded context named here. */
export const CONSUMER_CONTEXTS = {
  notifier: 'identity',
  notifications: 'notifications',
  assignment: 'team',
  kpis: 'analytics',
  exports: 'analytics',
  'booking-emails': 'bookings',
  accounts: 'identity',
  'document-scans': 'documents',
  'document-folders': 'documents',
  archives: 'documents',
  'conversation-live': 'conversations',
  usage: 'platform',
  'email-feedback': 'identity',
} as const satisfies Record<string, BoundedContext>;
export type Consumer = keyof typeof CONSUMER_CONTEXTS;
export const CONSUMERS = Object.keys(CONSUMER_CONTEXTS) as Consumer[];

/** The stream router's event source filter: only new outbox items wake it (CDK and the local poller). */
export const OUTBOX_STREAM_FILTER = { eventName: ['INSERT'], dynamodb: { NewImage: { __edb_e__: { S: ['outbox'] } } } } satisfies Pattern;

export interface Rule {
  name: string;
  description: string;
  pattern: Pattern;
  consumer: Consumer;
  /** 'default': an AWS service's events, which arrive on the account's default bus; otherwise the portal's own. */
  bus?: 'default';
}

/** Events whose people must be told by email. */
export const EMAIL_EVENTS = [
  'user.invited',
  'user.invitation_resent',
  'user.signed_up',
  'auth.signup_existing',
  'auth.password_reset_requested',
  'document.shared',
  'document.share_code_requested',
] as const;

/** What was asked, or tried, with an address someone typed: looked into after the answer (ADR 0017). */
export const ACCOUNT_REQUEST_EVENTS = ['auth.signup_asked', 'auth.password_reset_asked', 'auth.sign_in_failed'] as const;

/** The tenant id of events that belong to no firm (yet): a password reset or a failed sign-in of a typed address. */
export const NO_FIRM = 'no-firm';

/** A request's changes: notices for the people concerned, and live refreshes of their pages. */
export const REQUEST_EVENTS = [
  'request.submitted',
  'request.status_changed',
  'request.assigned',
  'request.unassigned',
  'request.commented',
  'request.approved',
  'request.updated',
  'request.deleted',
] as const;

/** A task's changes: notices for its assignee and creator, and live refreshes of task lists and pages. */
export const TASK_EVENTS = ['task.created', 'task.assigned', 'task.status_changed', 'task.updated', 'task.checked', 'task.commented', 'task.deleted'] as const;

/** A booking's changes: an email with a calendar invite to its client and its staff member, notices and live refreshes. */
export const BOOKING_EVENTS = [
  'booking.created',
  'booking.confirmed',
  'booking.rescheduled',
  'booking.cancelled',
  'booking.outcome_recorded',
  'booking.claimed',
] as const;

/** A booking's changes its client and staff member are emailed of (a recorded outcome is not). */
export const BOOKING_EMAIL_EVENTS = ['booking.created', 'booking.confirmed', 'booking.rescheduled', 'booking.cancelled', 'booking.claimed'] as const;

/** A request's changes that can move its KPIs (they carry its state before and after); a booking is a request. */
export const KPI_EVENTS = [
  'request.drafted',
  'request.submitted',
  'request.status_changed',
  'request.assigned',
  'request.updated',
  'request.deleted',
  ...BOOKING_EVENTS,
] as const;

/** A document request's news: its customer's contacts are asked and reminded; whoever asked hears when it is answered. */
export const DOCUMENT_REQUEST_EVENTS = ['document_request.created', 'document_request.reminded', 'document_request.fulfilled'] as const;

/** Documents' news for whoever asked: a folder's zip is ready to download. */
export const DOCUMENT_NOTICE_EVENTS = ['document.zip_ready'] as const;

/** Support tickets' news: each side hears of what the other did, a new assignee that it is theirs. */
export const TICKET_NOTICE_EVENTS = ['ticket.created', 'ticket.updated', 'ticket.commented'] as const;

/** What a firm's usage counts (ADR 0035): people who may sign in, requests sent and bookings made. */
export const USAGE_EVENTS = ['user.joined', 'user.reactivated', 'user.deactivated', 'request.submitted', 'booking.created'] as const;

/** Events that end every session of a person: their open WebSockets are closed as well. */
export const SESSION_END_EVENTS = ['user.deactivated', 'auth.password_reset'] as const;

/** The event types a rule sends its consumer (its pattern lists them by name). */
export const typesOf = (rule: Rule): string[] => (rule.pattern['detail-type'] as string[] | undefined) ?? [];

export const RULES: readonly Rule[] = [
  {
    name: 'email-notifications',
    description: 'Invitations, sign-ups, password resets and share links (with their one-time codes) become emails with single-use links',
    pattern: { source: [EVENT_SOURCE], 'detail-type': [...EMAIL_EVENTS] },
    consumer: 'notifier',
  },
  {
    name: 'account-requests',
    description: 'Sign-ups, password resets and failed sign-ins of a typed address are looked into after the answer, so its timing tells nothing',
    pattern: { source: [EVENT_SOURCE], 'detail-type': [...ACCOUNT_REQUEST_EVENTS] },
    consumer: 'accounts',
  },
  {
    name: 'auto-assignment',
    description: 'A request that reaches "submitted" is assigned to the best-fitting team member',
    pattern: { source: [EVENT_SOURCE], 'detail-type': ['request.submitted', 'request.status_changed'], detail: { status: ['submitted'] } },
    consumer: 'assignment',
  },
  {
    name: 'in-app-notifications',
    description: 'Events that concern people become notifications in their bell (a series once), pushed live',
    pattern: {
      source: [EVENT_SOURCE],
      'detail-type': [
        'user.joined',
        ...REQUEST_EVENTS,
        ...TASK_EVENTS,
        ...BOOKING_EVENTS,
        ...SERIES_EVENTS,
        ...DOCUMENT_REQUEST_EVENTS,
        ...DOCUMENT_NOTICE_EVENTS,
        'firm.export_ready',
        ...TICKET_NOTICE_EVENTS,
      ],
    },
    consumer: 'notifications',
  },
  {
    name: 'customer-folders',
    description: 'A new customer gets the firm’s default document folders',
    pattern: { source: [EVENT_SOURCE], 'detail-type': ['customer.created', 'customer.migrated'] },
    consumer: 'document-folders',
  },
  {
    name: 'document-alerts',
    description:
      'A document found infected, or that could not be scanned, is told to its uploader and the admins; one not of the type its name says, to its uploader',
    pattern: { source: [EVENT_SOURCE], 'detail-type': ['document.scanned'], detail: { status: [...HELD_STATUSES] } },
    consumer: 'notifications',
  },
  {
    name: 'live-sign-out',
    description: "A deactivation or a password reset closes the person's open WebSockets; a firm's suspension, all of its people's",
    pattern: { source: [EVENT_SOURCE], 'detail-type': [...SESSION_END_EVENTS, 'firm.suspended'] },
    consumer: 'notifications',
  },
  {
    name: 'booking-emails',
    description: 'Booking changes (and each series booked, moved or cancelled, once) become emails with a calendar invite and the manage link',
    pattern: { source: [EVENT_SOURCE], 'detail-type': [...BOOKING_EMAIL_EVENTS, ...SERIES_EVENTS] },
    consumer: 'booking-emails',
  },
  {
    name: 'request-kpis',
    description: 'Request changes keep the KPI counters the dashboard reads',
    pattern: { source: [EVENT_SOURCE], 'detail-type': [...KPI_EVENTS] },
    consumer: 'kpis',
  },
  {
    name: 'request-exports',
    description: 'A requested CSV export of requests is built and stored for its requester',
    pattern: { source: [EVENT_SOURCE], 'detail-type': ['export.requested'] },
    consumer: 'exports',
  },
  {
    name: 'archives',
    description: 'A folder asked for as a zip, or a firm’s whole export, is built into one file for whoever asked',
    pattern: { source: [EVENT_SOURCE], 'detail-type': ['document.zip_requested', 'firm.export_requested'] },
    consumer: 'archives',
  },
  {
    name: 'conversation-live',
    description: 'Messages and read receipts of conversations go live to the connections following them',
    pattern: { source: [EVENT_SOURCE], 'detail-type': ['conversation.message_sent', 'conversation.message_changed', 'conversation.read'] },
    consumer: 'conversation-live',
  },
  {
    name: 'firm-usage',
    description: 'A firm’s people, requests and bookings are counted for the platform’s operators',
    pattern: { source: [EVENT_SOURCE], 'detail-type': [...USAGE_EVENTS] },
    consumer: 'usage',
  },
  {
    name: 'email-feedback',
    description: 'SES’s bounces and complaints stop the portal sending to the address, and mark the person it belongs to',
    pattern: { source: [SES_SOURCE], 'detail-type': [...SES_FEEDBACK_DETAIL_TYPES] },
    consumer: 'email-feedback',
    bus: 'default',
  },
  {
    name: 'document-scans',
    description: 'Malware scan results of uploaded documents make them available, quarantine them, or count a failed attempt',
    pattern: { source: [SCAN_RESULT_SOURCE], 'detail-type': [SCAN_RESULT_DETAIL_TYPE], detail: { resourceType: ['S3_OBJECT'] } },
    consumer: 'document-scans',
    bus: 'default',
  },
];

/** The rules of the portal's own events (listed in the event catalogue). */
export const PORTAL_RULES = RULES.filter((rule) => rule.bus !== 'default');

/** The dead-letter queue of a consumer's own failures: events it failed on after Lambda's retries. */
export const consumerFailures = (consumer: Consumer) => `consumer-${consumer}`;

/**
 * Every dead-letter queue by name: the stream router's; one per rule, for events the bus could
 * not deliver; one per consumer, for events it failed on; and the scheduled jobs'.
 */
export const DEAD_LETTER_QUEUES = ['stream-router', ...RULES.map((r) => r.name), ...CONSUMERS.map(consumerFailures), 'jobs'];
