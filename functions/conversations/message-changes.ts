/**
 * A message's sender edits or deletes it within a day (ADR 0033). The message shows as edited
 * or deleted; the audit keeps what it said. Those following the conversation see the change
 * live (a private note's, staff only); nobody is emailed for it.
 */
import { conflict, forbidden, notFound } from '../../shared/api/errors.ts';
import { AuditEntry } from '../../shared/db/entities/audit-entry.ts';
import { Conversation, ConversationMessage } from '../../shared/db/entities/conversation.ts';
import { OutboxEvent } from '../../shared/db/entities/outbox-event.ts';
import { auditAndEvent, commitTransaction } from '../../shared/db/mutation.ts';
import { databaseOf } from '../../shared/db/service.ts';
import { previewOf, whyNotChangeable } from '../../shared/domain/conversations/conversations.ts';
import { isStaff } from '../../shared/domain/identity/permissions.ts';
import { changeContext } from '../lib/change-context.ts';
import type { ReplyOf, RequestOf } from '../lib/http.ts';
import { conversationFor, type ConversationItem } from './access.ts';
import { messageView, type MessageItem } from './messages.ts';

const database = databaseOf({ conversation: Conversation, message: ConversationMessage, audit: AuditEntry, outbox: OutboxEvent });

const REFUSALS = {
  not_yours: 'You can change only your own messages.',
  deleted: 'This message was deleted.',
  too_late: 'Messages can be changed for a day after they are sent.',
} as const;

/** The message the caller may change: in a conversation they may open, one they see, theirs, standing, and recent. */
async function changeable(req: RequestOf<'editConversationMessage'> | RequestOf<'deleteConversationMessage'>) {
  const { actor } = req;
  const c = await conversationFor(actor, req.params.conversationId);
  const { data: m } = await database()
    .entities.message.get({ tenantId: c.tenantId, conversationId: c.conversationId, seq: Number(req.params.seq) })
    .go();
  if (!m || (m.internal && !isStaff(actor.role))) throw notFound('Message');
  const why = whyNotChangeable(m, actor.userId, Date.now());
  if (why === 'deleted') throw conflict(REFUSALS.deleted);
  if (why) throw forbidden(REFUSALS[why]);
  return { c, m };
}

/** The conversation's previews follow when the message changed is the last (of all, or of those a client sees). */
function previews(c: ConversationItem, m: MessageItem, text: string) {
  return {
    ...(c.lastSeq === m.seq && { preview: text }),
    ...(!m.internal && c.lastPublicNo === m.publicNo && { publicPreview: text }),
  };
}

async function commit(
  req: RequestOf<'editConversationMessage'> | RequestOf<'deleteConversationMessage'>,
  { c, m }: { c: ConversationItem; m: MessageItem },
  change: { set: Partial<MessageItem>; remove: 'attachedDocuments'[]; preview: string; action: string; to: string | null; kind: 'edited' | 'deleted' },
) {
  const key = { tenantId: c.tenantId, conversationId: c.conversationId };
  const customer = { ...(c.customerId && { customerId: c.customerId }) };
  const follow = previews(c, m, change.preview);
  await commitTransaction(
    database(),
    (e) => [
      e.message
        .patch({ ...key, seq: m.seq })
        .set(change.set)
        .remove(change.remove)
        // As read: a change at the same moment (another tab) is not overwritten unseen.
        .where((a, op) => `${op.eq(a.body, m.body)} AND ${op.notExists(a.deletedAt)}`)
        .commit(),
      ...(Object.keys(follow).length ? [e.conversation.patch(key).set(follow).commit()] : []),
      ...auditAndEvent(e, changeContext(req), {
        action: change.action,
        entityType: 'conversation',
        entityId: c.conversationId,
        ...customer,
        changes: [{ field: m.internal ? 'note' : 'message', from: m.body, to: change.to }],
        event: {
          type: 'conversation.message_changed',
          detail: { conversationId: c.conversationId, seq: m.seq, internal: m.internal, change: change.kind, ...customer },
        },
      }),
    ],
    'This message was changed at the same moment. Reload to see it.',
  );
}

export async function editConversationMessage(req: RequestOf<'editConversationMessage'>): Promise<ReplyOf<'editConversationMessage'>> {
  const found = await changeable(req);
  const body = req.body.body;
  if (body === found.m.body) return { body: messageView(found.m) };
  const editedAt = new Date().toISOString();
  await commit(req, found, { set: { body, editedAt }, remove: [], preview: previewOf(body), action: 'conversation.message_edited', to: body, kind: 'edited' });
  return { body: messageView({ ...found.m, body, editedAt }) };
}

export async function deleteConversationMessage(req: RequestOf<'deleteConversationMessage'>): Promise<ReplyOf<'deleteConversationMessage'>> {
  const found = await changeable(req);
  const deletedAt = new Date().toISOString();
  await commit(req, found, {
    set: { body: '', deletedAt },
    remove: found.m.attachedDocuments?.length ? ['attachedDocuments'] : [],
    preview: '',
    action: 'conversation.message_deleted',
    to: null,
    kind: 'deleted',
  });
  return {};
}
