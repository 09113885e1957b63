/**
 * Every domain event: who produces it, what it means and the fields of its detail, as a zod
 * schema. The outbox writer checks each detail against its schema when the change is written
 * (shared/db/mutation.ts), and consumers receive it parsed and typed (functions/lib/consumer.ts).
 * `npm run docs:events` turns this into docs/events.md, with each event's consumers from the rules.
 */
import { CONVERSATION_SOURCES, CONVERSATION_STATUSES } from '../domain/conversations/conversations.ts';
import { TICKET_PRIORITIES, TICKET_SOURCES, TICKET_STATUSES } from '../domain/conversations/tickets.ts';
import * as z from 'zod/mini';
import type { BoundedContext } from '../contexts.ts';
import { LOCALES } from '../domain/locales.ts';
import { ROLES } from '../domain/identity/permissions.ts';
import { EMAIL_PROBLEMS } from '../domain/notifications/email-feedback.ts';
import { PRIORITIES, REQUEST_STATUSES } from '../domain/requests/workflow.ts';
import { HELD_STATUSES, VERSION_STATUSES } from '../domain/documents/scans.ts';

const id = z.string();
const text = z.string();
const instant = z.string();
const nothingOr = <T extends z.ZodMiniType>(schema: T) => z.optional(z.nullable(schema));

/** What the writer adds to every detail: the record it is about, who changed it, and the request that began it (logs follow it). */
const written = { entityId: id, actorId: id, correlationId: z.optional(id) };

/** A request's KPI state (shared/domain/requests/kpis.ts): counters move by the difference of before and after. */
const kpiState = z.strictObject({ status: z.enum(REQUEST_STATUSES), priority: z.enum(PRIORITIES), serviceId: id, serviceName: text, value: z.number() });
const kpiChange = z.strictObject({ before: z.optional(kpiState), after: z.optional(kpiState) });
const bookingKpiState = z.strictObject({ date: text, minutes: z.number(), outcome: z.enum(['booked', 'attended', 'no_show', 'cancelled']) });
const bookingKpiChange = z.strictObject({ before: z.optional(bookingKpiState), after: z.optional(bookingKpiState) });

const person = { userId: id };

/** An address someone typed on a public form, looked into after the answer (ADR 0017). */
const asked = { email: text, ip: text, userAgent: text };

/** Enough for consumers to know whom a request's change concerns without reading it. */
const requestChange = {
  requestId: id,
  reference: text,
  title: text,
  clientId: id,
  clientName: z.optional(text),
  actorName: z.optional(text),
  assigneeId: z.nullable(id),
  status: text,
  internal: z.optional(z.boolean()),
  kpi: z.optional(kpiChange),
};

/** Enough for consumers to know whom a task's change concerns without reading it. */
const taskChange = {
  taskId: id,
  title: text,
  status: text,
  requestId: z.nullable(id),
  reference: z.nullable(text),
  assigneeId: z.nullable(id),
  previousAssigneeId: z.nullable(id),
  createdBy: id,
  actorName: z.optional(text),
};

/** What a booking's emails, notices and counters need (functions/bookings/records.ts). */
const bookingChange = {
  requestId: id,
  reference: text,
  title: text,
  serviceName: text,
  clientId: id,
  clientName: text,
  assigneeId: id,
  assigneeName: z.optional(text),
  status: text,
  start: instant,
  end: instant,
  firmZone: text,
  clientZone: text,
  bookingType: text,
  confirmed: z.optional(z.boolean()),
  inviteSequence: z.number(),
  seriesId: z.optional(id),
  actorName: z.optional(text),
  kpi: z.optional(kpiChange),
  bookingKpi: z.optional(bookingKpiChange),
  /** Part of a series change, which is told once by the series event. */
  withSeries: z.optional(z.boolean()),
};

const series = { seriesId: id, clientId: id, bookingIds: z.array(id) };

interface EventDefinition {
  producer: BoundedContext;
  description: string;
  detail: z.ZodMiniObject;
}

const event = <Shape extends z.core.$ZodLooseShape>(producer: BoundedContext, description: string, shape: Shape) =>
  ({ producer, description, detail: z.strictObject({ ...shape, ...written }) }) satisfies EventDefinition;

export const EVENTS = {
  'user.invited': event('identity', 'An admin invited someone; the invitation email is sent.', { ...person, invitationId: id, role: z.enum(ROLES) }),
  'user.invitation_resent': event('identity', 'An admin sent a pending invitation again, with a new link.', { ...person, invitationId: id }),
  'user.signed_up': event('identity', 'A client signed up; the email confirming their address is sent.', {
    ...person,
    invitationId: id,
    role: z.literal('CLIENT'),
  }),
  'user.joined': event('identity', 'An invitation or sign-up was accepted: the person is active.', {
    ...person,
    invitationId: id,
    role: z.enum(ROLES),
    source: z.enum(['firm', 'self']),
  }),
  'user.updated': event('identity', 'A person’s profile, role or settings changed.', { ...person, fields: z.array(text) }),
  'user.deactivated': event('identity', 'A person was deactivated: every session ends.', person),
  'user.reactivated': event('identity', 'A deactivated person may sign in again.', person),
  'user.email_stopped': event('identity', 'Mail to a person’s address bounced for good, or they marked it as spam: the portal stopped emailing it.', {
    ...person,
    reason: z.enum(EMAIL_PROBLEMS),
  }),
  'user.email_resumed': event('identity', 'An admin let the portal email a person’s address again after it had stopped.', person),
  'permission.granted': event('identity', 'A person was given an extra permission for a while.', person),
  'permission.revoked': event('identity', 'An extra permission was taken back.', person),
  'auth.mfa_enabled': event('identity', 'A person turned on two-step sign-in.', person),
  'auth.mfa_disabled': event('identity', 'A person turned off two-step sign-in.', person),
  'auth.password_reset': event('identity', 'A person chose a new password from a reset link: every session ends.', person),
  'auth.password_reset_requested': event('identity', 'An active account asked to reset its password; the link is emailed.', person),
  'auth.signup_existing': event('identity', 'Someone tried to sign up with an address that has an account; its owner is told.', {
    email: text,
    locale: z.enum(LOCALES),
  }),
  'auth.signup_asked': event('identity', 'Someone asked to sign up with a typed address (looked into after the answer).', {
    ...asked,
    name: text,
    locale: z.enum(LOCALES),
  }),
  'auth.password_reset_asked': event('identity', 'Someone asked to reset the password of a typed address (looked into after the answer).', asked),
  'auth.sign_in_failed': event('identity', 'A sign-in with a typed address failed (counted against its account after the answer).', {
    ...asked,
    paused: z.boolean(),
  }),

  'request.drafted': event('requests', 'A client saved a request as a draft.', requestChange),
  'request.submitted': event('requests', 'A request was submitted: it is assigned, and staff are told.', requestChange),
  'request.status_changed': event('requests', 'A request moved through its workflow.', requestChange),
  'request.assigned': event('requests', 'A request was given to a team member (by a lead, or automatically).', requestChange),
  'request.unassigned': event('team', 'Nobody fitting was free to take a submitted request.', requestChange),
  'request.commented': event('requests', 'Someone commented on a request (internal notes are for staff only).', requestChange),
  'request.approved': event('requests', 'The client approved the work on a request.', requestChange),
  'request.updated': event('requests', 'A request’s fields (title, priority, deadline…) changed.', requestChange),
  'request.deleted': event('requests', 'A request was deleted.', requestChange),

  'task.created': event('tasks', 'A task was created.', taskChange),
  'task.assigned': event('tasks', 'A task was given to someone.', taskChange),
  'task.status_changed': event('tasks', 'A task moved (to do, in progress, done…).', taskChange),
  'task.updated': event('tasks', 'A task’s fields changed.', taskChange),
  'task.checked': event('tasks', 'A checklist item of a task was ticked or unticked.', taskChange),
  'task.commented': event('tasks', 'Someone commented on a task.', taskChange),
  'task.deleted': event('tasks', 'A task was deleted.', taskChange),

  'booking.created': event('bookings', 'A booking was placed (by its client, staff or a guest).', bookingChange),
  'booking.confirmed': event('bookings', 'Staff confirmed a booking that needed it.', bookingChange),
  'booking.rescheduled': event('bookings', 'A booking moved to another time or person.', {
    ...bookingChange,
    previousStart: instant,
    previousAssigneeId: id,
  }),
  'booking.cancelled': event('bookings', 'A booking was cancelled.', { ...bookingChange, reason: z.optional(text) }),
  'booking.outcome_recorded': event('bookings', 'Staff recorded whether the client came.', { ...bookingChange, outcome: z.enum(['attended', 'no_show']) }),
  'booking.claimed': event('bookings', 'A held guest booking was confirmed by the owner of its address (ADR 0016).', {
    ...bookingChange,
    previousClientId: id,
  }),
  'booking.series_booked': event('bookings', 'A recurring series was booked: told once, with every date.', {
    ...series,
    rule: text,
    skipped: z.array(instant),
  }),
  'booking.series_rescheduled': event('bookings', 'A series’ later bookings moved along with one of them.', series),
  'booking.series_cancelled': event('bookings', 'A series’ later bookings were cancelled along with one of them.', { ...series, reason: nothingOr(text) }),

  'export.requested': event('analytics', 'Someone asked for a CSV export of requests; it is built in the background.', { exportId: id, requestedBy: id }),

  'customer.migrated': event('customers', 'Client users without a customer were made its contacts (a new customer, or one of their company).', {
    customerId: id,
    name: text,
    contactIds: z.array(id),
  }),
  'customer.created': event('customers', 'A customer was added: by an admin, or along with a client who signed up, was invited or booked for the first time.', {
    customerId: id,
    name: text,
  }),
  'customer.updated': event('customers', 'A customer’s details, status, tags, notes, account manager or billing details changed.', {
    customerId: id,
    fields: z.array(text),
  }),
  'customer.contact_changed': event('customers', 'A contact’s role or access changed, or they became the primary contact.', {
    customerId: id,
    contactId: id,
    fields: z.array(text),
  }),
  'customer.merged': event('customers', 'A customer was merged into another: its contacts and records moved there, and it was removed.', {
    customerId: id,
    mergedId: id,
    contactIds: z.array(id),
    recordIds: z.array(id),
  }),

  'document.upload_started': event('documents', 'Someone started uploading a document, or a new version of one; its scan follows once the file arrives.', {
    documentId: id,
    versionNo: z.number(),
    customerId: id,
    name: text,
    uploadedBy: id,
  }),
  'document.upload_cancelled': event(
    'documents',
    'The uploader cancelled an upload before its file arrived: the version is gone, and with it a document that had no other.',
    { documentId: id, versionNo: z.number(), customerId: id, name: text, uploadedBy: id, documentRemoved: z.boolean() },
  ),
  'document.scanned': event(
    'documents',
    'A malware scan of a document version ended, or failed: the version is available, quarantined, rejected (not the type its name says), unscannable, or waits for another try.',
    { documentId: id, versionNo: z.number(), customerId: id, name: text, status: z.enum(VERSION_STATUSES), uploadedBy: id, threats: z.optional(z.array(text)) },
  ),

  'document.version_discarded': event(
    'documents',
    'An admin discarded a held (quarantined, unscannable or rejected) version from the quarantine console: its file is removed.',
    {
      documentId: id,
      versionNo: z.number(),
      customerId: id,
      name: text,
      status: z.enum(HELD_STATUSES),
    },
  ),
  'document.rescan_requested': event('documents', 'An admin asked for an unscannable version to be scanned again; its result follows as `document.scanned`.', {
    documentId: id,
    versionNo: z.number(),
    customerId: id,
    name: text,
  }),

  'document.reverted': event('documents', 'Staff made a document serve an earlier clean version again, as a new version.', {
    documentId: id,
    customerId: id,
    versionNo: z.number(),
    revertedFrom: z.number(),
    name: text,
  }),
  'document.shared': event('documents', 'Staff shared a document with someone outside the portal: the link is emailed to them.', {
    documentId: id,
    customerId: id,
    shareId: id,
    recipientEmail: text,
    validUntil: text,
  }),
  'document.share_code_requested': event('documents', 'Someone with a share link asked for its one-time code: it is emailed to the link’s recipient.', {
    documentId: id,
    shareId: id,
  }),
  'document.share_used': event('documents', 'A document was downloaded through a share link.', { documentId: id, customerId: id, shareId: id }),
  'document.share_revoked': event('documents', 'Staff withdrew a share link; it no longer opens.', { documentId: id, customerId: id, shareId: id }),
  'document.folder_created': event('documents', 'Staff made a folder in a customer’s documents.', { folderId: id, customerId: id, parentId: id, name: text }),
  'document.folder_renamed': event('documents', 'Staff renamed a customer’s document folder.', { folderId: id, customerId: id, name: text }),
  'document.folder_moved': event('documents', 'Staff moved a document folder, with what is in it, into another of its customer’s folders.', {
    folderId: id,
    customerId: id,
    parentId: id,
    name: text,
  }),
  'document.folder_deleted': event('documents', 'Staff removed an empty document folder.', { folderId: id, customerId: id, name: text }),
  'conversation.started': event('conversations', 'A conversation began: a client’s first, or one staff started with a customer on a topic.', {
    conversationId: id,
    source: z.enum(CONVERSATION_SOURCES),
    customerId: z.optional(id),
    assigneeId: z.optional(id),
    startedBy: id,
  }),
  'conversation.message_sent': event(
    'conversations',
    'A message in a conversation, numbered in its write: `internal` notes reach staff only. Live delivery and offline emails follow it.',
    {
      conversationId: id,
      seq: z.number(),
      publicNo: z.number(),
      internal: z.boolean(),
      senderId: id,
      senderKind: z.enum(['staff', 'contact', 'lead']),
      customerId: z.optional(id),
      assigneeId: z.optional(id),
    },
  ),
  'conversation.message_changed': event('conversations', 'A message’s sender edited or deleted it: those following see the change (a note’s, staff only).', {
    conversationId: id,
    seq: z.number(),
    internal: z.boolean(),
    change: z.enum(['edited', 'deleted']),
    customerId: z.optional(id),
  }),
  'conversation.read': event('conversations', 'Someone read a conversation up to a message: read receipts and unread counts follow.', {
    conversationId: id,
    userId: id,
    seq: z.number(),
    publicNo: z.number(),
  }),
  'conversation.assigned': event('conversations', 'A lead or admin gave a conversation (and its ticket) to a member of staff, or to nobody.', {
    conversationId: id,
    customerId: z.optional(id),
    assigneeId: z.optional(id),
    previousAssigneeId: z.optional(id),
  }),
  'conversation.status_changed': event('conversations', 'Staff set a conversation open, pending, resolved or closed (its ticket follows).', {
    conversationId: id,
    customerId: z.optional(id),
    from: z.enum(CONVERSATION_STATUSES),
    to: z.enum(CONVERSATION_STATUSES),
  }),
  'ticket.created': event('conversations', 'A support ticket was made: from a customer’s first message in a conversation, or raised in the portal.', {
    ticketId: id,
    source: z.enum(TICKET_SOURCES),
    conversationId: z.optional(id),
    customerId: z.optional(id),
    assigneeId: z.optional(id),
    subject: text,
    priority: z.enum(TICKET_PRIORITIES),
  }),
  'ticket.updated': event('conversations', 'A support ticket changed: its status, priority, assignee, category or resolution.', {
    ticketId: id,
    customerId: z.optional(id),
    fields: z.array(z.string()),
    status: z.enum(TICKET_STATUSES),
    /** Who has it after the change. */
    assigneeId: z.optional(id),
  }),
  'ticket.commented': event('conversations', 'Someone commented on a support ticket; an internal note (staff only) says so.', {
    ticketId: id,
    customerId: z.optional(id),
    commentId: id,
    internal: z.boolean(),
    authorKind: z.enum(['staff', 'contact']),
    assigneeId: z.optional(id),
  }),
  'document.zip_requested': event('documents', 'Someone asked for a folder’s documents as one zip file; it is built in the background.', {
    zipId: id,
    customerId: id,
    requestedBy: id,
  }),
  'document.zip_ready': event('documents', 'A zip someone asked for is built; they are told, with its link.', {
    zipId: id,
    customerId: id,
    requestedBy: id,
    name: text,
    files: z.number(),
  }),
  'document.deleted': event(
    'documents',
    'Staff removed a document: it leaves every list, link and share, and its files are deleted (kept until the retention period).',
    {
      documentId: id,
      customerId: id,
      name: text,
    },
  ),
  'document.updated': event('documents', 'Staff moved a document to another folder, or changed its description, tags or who may see it.', {
    documentId: id,
    customerId: id,
    fields: z.array(text),
  }),
  'document_request.created': event('documents', 'Staff asked a customer for a document by a date; its contacts are told.', {
    documentRequestId: id,
    customerId: id,
    title: text,
    dueDate: text,
  }),
  'document_request.reminded': event('documents', 'The daily reminder of an open document request is due: its contacts are reminded (once a day at most).', {
    documentRequestId: id,
    customerId: id,
    title: text,
    dueDate: text,
    remindersSent: z.number(),
  }),
  'document_request.fulfilled': event(
    'documents',
    'A file sent for a document request was scanned clean: the request is fulfilled, and whoever asked is told.',
    {
      documentRequestId: id,
      customerId: id,
      title: text,
      documentId: id,
      requestedBy: id,
    },
  ),
  'document_request.cancelled': event('documents', 'Staff withdrew an open document request.', { documentRequestId: id, customerId: id, title: text }),
  'firm.document_settings_changed': event('documents', 'An admin changed the default folders new customers get, or how long removed documents are kept.', {
    fields: z.array(text),
  }),

  'firm.conversation_settings_changed': event('conversations', 'An admin changed the firm’s canned replies or its ticket SLA.', { fields: z.array(text) }),
  'firm.brand_changed': event('catalog', 'An admin changed the firm’s accent colour or email footer.', { fields: z.array(text) }),
  'firm.languages_changed': event(
    'identity',
    'An admin changed the firm’s default language or the languages it offers (people keep theirs; emails fall back to the default).',
    {
      locale: z.enum(LOCALES),
      languages: z.array(z.enum(LOCALES)),
    },
  ),
  'firm.request_settings_changed': event('requests', 'An admin changed whether and above which value new requests are reviewed.', { fields: z.array(text) }),

  'firm.created': event('platform', 'The platform operator made a firm (its slug claimed for good); its first admin’s invitation follows as `user.invited`.', {
    slug: text,
    name: text,
  }),
  'firm.suspended': event('platform', 'The platform operator suspended a firm: its people are refused and their open WebSockets close; nothing is deleted.', {
    reason: text,
  }),
  'firm.reactivated': event('platform', 'The platform operator let a suspended firm’s people back in.', {}),
  'firm.export_requested': event('platform', 'A firm’s admin asked for all of its data as one file; it is built in the background.', {
    exportId: id,
    requestedBy: id,
  }),
  'firm.export_ready': event('platform', 'A firm’s export is built; whoever asked is told, with its link.', {
    exportId: id,
    requestedBy: id,
    records: z.number(),
    files: z.number(),
  }),

  'view.saved': event('views', 'Someone saved the filters of a list as a view of their own.', { ...person, viewId: id, list: text, name: text }),
  'view.deleted': event('views', 'Someone deleted one of their saved views.', { ...person, viewId: id, list: text }),
} satisfies Record<string, EventDefinition>;

export type EventType = keyof typeof EVENTS;
export const EVENT_TYPES = Object.keys(EVENTS) as EventType[];

/** The events of one kind of record, e.g. `EventOf<'task'>`: what a change of that record announces. */
export type EventOf<Kind extends string> = Extract<EventType, `${Kind}.${string}`>;

/** The detail a producer writes (without what the writer adds: the record it is about and who changed it). */
export type EventDetailInput<T extends EventType> = Omit<z.input<(typeof EVENTS)[T]['detail']>, keyof typeof written>;

/** A domain event as a producer hands it to the outbox writer. */
export type DomainEvent = { [T in EventType]: { type: T; detail: EventDetailInput<T> } }[EventType];

/** The detail a consumer receives: what was written, and what the bus adds (the firm, the event's own id and when it happened). */
export type EventDetail<T extends EventType> = z.output<(typeof EVENTS)[T]['detail']> & { tenantId: string; eventId: string; at: string };

/** Problems with a detail, as `field: message` (none when it fits its type's schema). */
export function detailProblems(type: string, detail: unknown): string[] {
  const definition = EVENTS[type as EventType];
  if (!definition) return [`type: ${type} is not in the event catalogue (shared/events/catalogue.ts)`];
  const result = definition.detail.safeParse(detail);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.') || 'detail'}: ${i.message}`);
}
