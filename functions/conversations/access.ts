/** Which conversations a caller may open, and how each is shown to them (ADR 0033). */
import { randomUUID } from 'node:crypto';
import type { EntityItem } from 'electrodb';
import { notFound } from '../../shared/api/errors.ts';
import type { ConversationView } from '../../shared/api/schemas/conversations.ts';
import { Conversation, ConversationRead, UNASSIGNED } from '../../shared/db/entities/conversation.ts';
import { getAll } from '../../shared/db/batch.ts';
import { databaseOf } from '../../shared/db/service.ts';
import { mayOpen, readerOf, unreadCount, type Position } from '../../shared/domain/conversations/conversations.ts';
import { leadKey } from '../../shared/domain/leads/leads.ts';
import type { AuthenticatedActor } from '../lib/auth.ts';

export type ConversationItem = EntityItem<typeof Conversation>;
type ReadItem = EntityItem<typeof ConversationRead>;

const database = databaseOf({ conversation: Conversation, read: ConversationRead });

/** The conversation the caller may open; another firm's, one they may not open or none: not found, so nothing tells them apart. */
export async function conversationFor(actor: AuthenticatedActor, conversationId: string): Promise<ConversationItem> {
  const { data } = await database().entities.conversation.get({ tenantId: actor.tenantId, conversationId }).go();
  if (!data || !mayOpen(readerOf(actor), data)) throw notFound('Conversation');
  return data;
}

/** A new conversation of a customer (or a lead), with nothing said yet; `assignee` takes it, or nobody does. */
export function newConversation(
  tenantId: string,
  party: { customerId: string; name: string } | { leadId: string; name: string },
  assignee: { userId: string; name: string } | undefined,
  about: Pick<ConversationItem, 'startedBy' | 'subject' | 'requestId' | 'bookingId'> = {},
): ConversationItem {
  const at = new Date().toISOString();
  return {
    tenantId,
    conversationId: randomUUID(),
    ...('leadId' in party
      ? { source: 'lead' as const, customerKey: leadKey(party.leadId), leadId: party.leadId }
      : { source: 'customer' as const, customerKey: party.customerId, customerId: party.customerId }),
    customerName: party.name,
    ...(assignee ? { assigneeKey: assignee.userId, assigneeId: assignee.userId, assigneeName: assignee.name } : { assigneeKey: UNASSIGNED }),
    ...(about.startedBy && { startedBy: about.startedBy }),
    ...(about.subject && { subject: about.subject }),
    ...(about.requestId && { requestId: about.requestId }),
    ...(about.bookingId && { bookingId: about.bookingId }),
    status: 'OPEN',
    lastSeq: 0,
    lastPublicNo: 0,
    lastActivityAt: at,
    createdAt: at,
    updatedAt: at,
    version: 1,
  };
}

export const lastOf = (c: ConversationItem): Position => ({ seq: c.lastSeq, publicNo: c.lastPublicNo });
export const positionOf = (read: ReadItem | null | undefined): Position => ({ seq: read?.seq ?? 0, publicNo: read?.publicNo ?? 0 });

/** The reader's read positions in these conversations: one BatchGet. */
export async function readsOf(actor: AuthenticatedActor, conversations: readonly ConversationItem[]): Promise<Map<string, ReadItem>> {
  if (!conversations.length) return new Map();
  const keys = conversations.map((c) => ({ tenantId: actor.tenantId, conversationId: c.conversationId, userId: actor.userId }));
  const reads = await getAll((batch) => database().entities.read.get(batch).go(), keys);
  return new Map(reads.map((r) => [r.conversationId, r]));
}

/** A conversation as the reader sees it: a client never the preview of an internal note. */
export function conversationView(c: ConversationItem, read: ReadItem | null | undefined, staff: boolean): ConversationView {
  const preview = staff ? c.preview : c.publicPreview;
  return {
    conversationId: c.conversationId,
    source: c.source,
    ...(c.customerId && { customerId: c.customerId }),
    ...(c.leadId && { leadId: c.leadId }),
    customerName: c.customerName,
    ...(c.assigneeId && { assigneeId: c.assigneeId, assigneeName: c.assigneeName ?? '' }),
    status: c.status,
    ...(c.subject && { subject: c.subject }),
    ...(c.requestId && { requestId: c.requestId }),
    ...(c.bookingId && { bookingId: c.bookingId }),
    last: lastOf(c),
    ...(preview && { preview }),
    lastActivityAt: c.lastActivityAt,
    unread: unreadCount(lastOf(c), positionOf(read), staff),
    createdAt: c.createdAt,
  };
}
