/**
 * Conversations live over the WebSocket (ADR 0033): a connection subscribes to a conversation
 * once its person may open it, and gets its new messages (internal notes only if staff), read
 * receipts and typing. The people of a conversation get a note of activity on every connection,
 * so lists and unread badges follow without polling. What a dropped socket missed, the page
 * asks again by number (`listConversationMessages?after=`).
 */
import { hasPermission } from '../../shared/domain/identity/policy.ts';
import { isStaff } from '../../shared/domain/identity/permissions.ts';
import { mayOpen, type Reader } from '../../shared/domain/conversations/conversations.ts';
import { Conversation, ConversationMessage, ConversationSubscription } from '../../shared/db/entities/conversation.ts';
import { User } from '../../shared/db/entities/user.ts';
import { databaseOf } from '../../shared/db/service.ts';
import { actorOfUser } from '../lib/auth.ts';
import { postToConnection, pushToUser, type RealtimeMessage } from '../lib/realtime.ts';
import { messageView } from './messages.ts';

const database = databaseOf({ conversation: Conversation, message: ConversationMessage, subscription: ConversationSubscription, user: User });

/** As long as API Gateway keeps a connection (2 hours). */
const SUBSCRIPTION_SECONDS = 2 * 3600;

interface Ref {
  tenantId: string;
  conversationId: string;
}

/** Subscribes the connection if its person may open the conversation; false (nothing told) otherwise. */
export async function subscribe(ref: Ref, userId: string, connectionId: string): Promise<boolean> {
  const { entities } = database();
  const [{ data: user }, { data: conversation }] = await Promise.all([
    entities.user.get({ tenantId: ref.tenantId, userId }).go(),
    entities.conversation.get(ref).go(),
  ]);
  if (!user || user.status !== 'active' || !conversation) return false;
  const actor = actorOfUser(user);
  const staff = isStaff(actor.role);
  const reader: Reader = staff
    ? { userId, staff: true, seesAll: hasPermission(actor, 'conversations.read.all') }
    : { userId, staff: false, contact: actor.contact };
  if (!mayOpen(reader, conversation)) return false;
  await entities.subscription
    .put({ ...ref, connectionId, userId, name: user.name, staff, expiresAt: Math.floor(Date.now() / 1000) + SUBSCRIPTION_SECONDS })
    .go();
  return true;
}

export async function unsubscribe(ref: Ref, connectionId: string): Promise<void> {
  await database()
    .entities.subscription.delete({ ...ref, connectionId })
    .go();
}

/** Pushes to every connection following the conversation (`staffOnly`: not to clients); forgets those gone. */
async function toSubscribers(ref: Ref, message: RealtimeMessage, options: { staffOnly?: boolean; except?: string } = {}): Promise<number> {
  const { subscription } = database().entities;
  const { data } = await subscription.query.byConnection(ref).go({ pages: 'all' });
  const sent = await Promise.all(
    data
      .filter((s) => (!options.staffOnly || s.staff) && s.connectionId !== options.except)
      .map(async (s) => {
        if (await postToConnection(s.connectionId, message)) return true;
        await subscription.delete({ ...ref, connectionId: s.connectionId }).go();
        return false;
      }),
  );
  return sent.filter(Boolean).length;
}

/** Someone is typing: told to the others following, if the sender follows it (so may open it). */
export async function typing(ref: Ref, connectionId: string): Promise<void> {
  const { data: me } = await database()
    .entities.subscription.get({ ...ref, connectionId })
    .go();
  if (!me) return;
  await toSubscribers(ref, { type: 'conversation.typing', conversationId: ref.conversationId, userId: me.userId, name: me.name }, { except: connectionId });
}

/** A new message: to those following (an internal note to staff only), and a note of activity to its people. */
export async function deliverMessage(ref: Ref, seq: number): Promise<number> {
  const { entities } = database();
  const [{ data: message }, { data: conversation }] = await Promise.all([entities.message.get({ ...ref, seq }).go(), entities.conversation.get(ref).go()]);
  if (!message || !conversation) return 0;
  const delivered = await toSubscribers(
    ref,
    { type: 'conversation.message', conversationId: ref.conversationId, message: messageView(message) },
    { staffOnly: message.internal },
  );
  const activity = { type: 'conversation.activity', conversationId: ref.conversationId };
  const people = new Set(conversation.assigneeId ? [conversation.assigneeId] : []);
  if (!message.internal && conversation.customerId) {
    const { data: contacts } = await entities.user.query.byCustomer({ tenantId: ref.tenantId, customerId: conversation.customerId }).go({ pages: 'all' });
    for (const contact of contacts) {
      const actor = actorOfUser(contact);
      if (mayOpen({ userId: contact.userId, staff: false, contact: actor.contact }, conversation)) people.add(contact.userId);
    }
  }
  await Promise.all([...people].map((userId) => pushToUser(ref.tenantId, userId, activity)));
  return delivered;
}

/** A read receipt: to those following, as far as a client may know (no position inside internal notes). */
export async function deliverRead(ref: Ref, read: { userId: string; seq: number; publicNo: number }): Promise<void> {
  await toSubscribers(ref, { type: 'conversation.read', conversationId: ref.conversationId, userId: read.userId, seq: read.seq, publicNo: read.publicNo });
}
