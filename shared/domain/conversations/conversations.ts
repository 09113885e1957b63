/**
 * Conversations between a customer's contacts (or a lead) and the firm's staff (ADR 0033): who
 * may open one, how messages are numbered, and how unread counts follow from read positions.
 */
import { contactMaySee, type Contact } from '../customers/customers.ts';
import { isStaff } from '../identity/permissions.ts';
import { hasPermission, type Actor } from '../identity/policy.ts';

export const CONVERSATION_STATUSES = ['OPEN', 'PENDING', 'RESOLVED', 'CLOSED'] as const;
export type ConversationStatus = (typeof CONVERSATION_STATUSES)[number];

export const CONVERSATION_SOURCES = ['customer', 'lead'] as const;
export type ConversationSource = (typeof CONVERSATION_SOURCES)[number];

/** The inbox's views: assigned to the reader, to nobody, or every one (leads and admins). */
export const INBOX_VIEWS = ['mine', 'unassigned', 'all'] as const;
export type InboxView = (typeof INBOX_VIEWS)[number];

export const MAX_MESSAGE_LENGTH = 5000;
export const MAX_SUBJECT_LENGTH = 200;

/** Canned replies a firm keeps for its staff: enough for a team's stock answers, small enough to load with the inbox. */
export const MAX_CANNED_REPLIES = 50;
export const MAX_CANNED_TITLE_LENGTH = 80;
const PREVIEW_LENGTH = 140;

/** A message's first words on one line, as a list shows it. */
export const previewOf = (body: string) => {
  const line = body.replace(/\s+/g, ' ').trim();
  return line.length > PREVIEW_LENGTH ? `${line.slice(0, PREVIEW_LENGTH - 1)}…` : line;
};

/** Who reads: a member of staff (who sees every conversation, or only those assigned to them), or a contact. */
export type Reader = { userId: string; staff: true; seesAll: boolean } | { userId: string; staff: false; contact: Contact | undefined };

/** The reader a person is: every request, socket and email job asks through this one. */
export const readerOf = (actor: Actor): Reader =>
  isStaff(actor.role)
    ? { userId: actor.userId, staff: true, seesAll: hasPermission(actor, 'conversations.read.all') }
    : { userId: actor.userId, staff: false, contact: actor.contact };

/**
 * Whether the reader may open the conversation. Leads and admins: all. A team member: those
 * assigned to them, not unassigned ones. A contact: their customer's, by their access (`own`:
 * those they started).
 */
export function mayOpen(
  reader: Reader,
  conversation: { customerId?: string | undefined; startedBy?: string | undefined; assigneeId?: string | undefined },
): boolean {
  if (reader.staff) return reader.seesAll || conversation.assigneeId === reader.userId;
  if (!reader.contact || conversation.customerId === undefined) return false;
  return contactMaySee(reader.contact, { customerId: conversation.customerId, clientId: conversation.startedBy });
}

/**
 * Messages carry two numbers, given in the transaction that writes them: `seq` counts every
 * message of the conversation, `publicNo` only those a client sees (not internal notes). A
 * read position keeps both, so what is unread is a subtraction, exact after any reconnect.
 */
export interface Position {
  seq: number;
  publicNo: number;
}

export const START: Position = { seq: 0, publicNo: 0 };

/** The messages after the reader's position that they may see: staff every one, a contact the public ones. */
export const unreadCount = (last: Position, read: Position | undefined, staff: boolean) =>
  Math.max(0, staff ? last.seq - (read?.seq ?? 0) : last.publicNo - (read?.publicNo ?? 0));

/** The position after one more message (an internal note counts for staff only). */
export const nextPosition = (last: Position, internal: boolean): Position => ({ seq: last.seq + 1, publicNo: last.publicNo + (internal ? 0 : 1) });

const MINUTE = 60_000;
/** How long an email for new messages waits for more to join it. */
export const EMAIL_BATCH_MS = MINUTE;
/** At most one email a conversation per this, per person. */
export const EMAIL_GAP_MS = 10 * MINUTE;

/** When the email owed for a message now falls due: after the batch's wait, and not within the gap after the last one sent. */
export const emailDueAt = (now: number, lastSentAt: string | undefined) =>
  new Date(Math.max(now + EMAIL_BATCH_MS, lastSentAt ? Date.parse(lastSentAt) + EMAIL_GAP_MS : 0)).toISOString();

/** How long after sending its sender may edit or delete a message (the audit keeps what it said). */
export const MESSAGE_CHANGE_HOURS = 24;

/** Why the reader may not edit or delete this message now; undefined: they may. */
export function whyNotChangeable(
  message: { senderId: string; createdAt: string; deletedAt?: string | undefined },
  readerId: string,
  now: number,
): 'not_yours' | 'deleted' | 'too_late' | undefined {
  if (message.senderId !== readerId) return 'not_yours';
  if (message.deletedAt) return 'deleted';
  if (now - Date.parse(message.createdAt) > MESSAGE_CHANGE_HOURS * 3_600_000) return 'too_late';
  return undefined;
}
