/**
 * Conversations live over the WebSocket (ADR 0033): a connection subscribes to a conversation
 * once its person may open it, and gets its new messages (internal notes only if staff), read
 * receipts and typing. The people of a conversation get a note of activity on every connection,
 * so lists and unread badges follow without polling; whoever has none open is owed an email.
 * What a dropped socket missed, the page asks again by number (`listConversationMessages?after=`).
 */
import { emailDueAt, mayOpen, readerOf } from '../../shared/domain/conversations/conversations.ts';
import { Conversation, ConversationEmail, ConversationMessage, ConversationSubscription } from '../../shared/db/entities/conversation.ts';
import { User } from '../../shared/db/entities/user.ts';
import { databaseOf } from '../../shared/db/service.ts';
import { actorOfUser } from '../lib/auth.ts';
import { postToConnection, pushToUser, type RealtimeMessage } from '../lib/realtime.ts';
import { activeIdsWithRoles } from '../team/staff-load.ts';
import { messageView } from './messages.ts';

const database = databaseOf({
  conversation: Conversation,
  message: ConversationMessage,
  subscription: ConversationSubscription,
  email: ConversationEmail,
  user: User,
});

/** How long the record of an email owed is kept (its gap needs only the last one sent). */
const EMAIL_RECORD_SECONDS = 30 * 86_400;

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
  const reader = readerOf(actorOfUser(user));
  if (!mayOpen(reader, conversation)) return false;
  const staff = reader.staff;
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

/** A message its sender edited or deleted: as it is now, to those following (a note's, staff only); nobody is told of activity or emailed. */
export async function deliverChange(ref: Ref, seq: number): Promise<number> {
  const { data: message } = await database()
    .entities.message.get({ ...ref, seq })
    .go();
  if (!message) return 0;
  return toSubscribers(
    ref,
    { type: 'conversation.message', conversationId: ref.conversationId, message: messageView(message) },
    { staffOnly: message.internal },
  );
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
    for (const contact of contacts) if (mayOpen(readerOf(actorOfUser(contact)), conversation)) people.add(contact.userId);
  }
  people.delete(message.senderId);
  // A website visitor (a lead) has no account to be told live: an answer to them is owed by email, unless their open panel shows it first.
  const visitor = !message.internal && conversation.leadId && message.senderId !== conversation.leadId ? conversation.leadId : undefined;
  // Nobody's yet (a visitor's from the widget): those who see all hear of it live, to take it up; not emailed, as it is nobody's to answer.
  if (!conversation.assigneeId) {
    const watchers = await activeIdsWithRoles(entities, ref.tenantId, ['TEAM_LEAD', 'ADMIN']);
    await Promise.all(watchers.filter((userId) => userId !== message.senderId).map((userId) => pushToUser(ref.tenantId, userId, activity)));
  }
  // Whoever has no connection open is owed an email, batched (jobs/send-conversation-emails.ts).
  await Promise.all(
    [...people].map(async (userId) => {
      if ((await pushToUser(ref.tenantId, userId, activity)) === 0) await oweEmail({ ...ref, userId }, Date.now());
    }),
  );
  if (visitor) await oweEmail({ ...ref, userId: visitor }, Date.now());
  return delivered;
}

/** One email owed at a time: a message while one is pending joins it; otherwise a new one falls due, 10 minutes after the last at the soonest. */
async function oweEmail(key: Ref & { userId: string }, now: number): Promise<void> {
  const { email } = database().entities;
  const { data: owed } = await email.get(key).go();
  if (owed?.state === 'pending' || owed?.state === 'sending') return;
  const dueAt = emailDueAt(now, owed?.sentAt);
  await email
    .put({
      ...key,
      state: 'pending',
      dueAt,
      dueHour: dueAt.slice(0, 13),
      ...(owed?.sentAt && { sentAt: owed.sentAt }),
      ...(owed?.emailedSeq !== undefined && { emailedSeq: owed.emailedSeq }),
      expiresAt: Math.floor(now / 1000) + EMAIL_RECORD_SECONDS,
    })
    // Two messages at once owe one email: the second finds the first's.
    .where((a, op) => (owed ? op.eq(a.state, owed.state) : op.notExists(a.state)))
    .go()
    .catch((error: unknown) => {
      if (!(error instanceof Error && /conditional/i.test(error.message))) throw error;
    });
}

/** A read receipt: to those following, as far as a client may know (no position inside internal notes). */
export async function deliverRead(ref: Ref, read: { userId: string; seq: number; publicNo: number }): Promise<void> {
  await toSubscribers(ref, { type: 'conversation.read', conversationId: ref.conversationId, userId: read.userId, seq: read.seq, publicNo: read.publicNo });
}
