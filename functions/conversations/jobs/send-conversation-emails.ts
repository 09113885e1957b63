/**
 * Every minute: the emails owed to people (and website visitors) who were away when messages arrived (ADR 0033), one
 * a conversation, quoting the messages they may see that they have not read and no earlier
 * email told of. Each is
 * claimed from pending first, so it goes once; one whose messages were read meanwhile is skipped.
 */
import { Logger } from '@aws-lambda-powertools/logger';
import type { EntityItem } from 'electrodb';
import { linksConfig } from '../../../shared/config.ts';
import { Conversation, ConversationEmail, ConversationMessage, ConversationRead } from '../../../shared/db/entities/conversation.ts';
import { Tenant } from '../../../shared/db/entities/tenant.ts';
import { User } from '../../../shared/db/entities/user.ts';
import { Lead } from '../../../shared/db/entities/lead.ts';
import { databaseOf } from '../../../shared/db/service.ts';
import { mayOpen, readerOf } from '../../../shared/domain/conversations/conversations.ts';
import { localeFor, type Locale } from '../../../shared/domain/locales.ts';
import type { JobEvent, JobResult } from '../../../shared/schedules.ts';
import { actorOfUser } from '../../lib/auth.ts';
import { handleDue } from '../../lib/due.ts';
import { sendEmail } from '../../lib/mailer.ts';
import type { ConversationItem } from '../access.ts';
import { missedMessagesEmail } from '../emails.ts';
import { newVisitorKey } from '../visitor-keys.ts';

const database = databaseOf({
  email: ConversationEmail,
  conversation: Conversation,
  message: ConversationMessage,
  read: ConversationRead,
  user: User,
  lead: Lead,
  tenant: Tenant,
});
const logger = new Logger({ serviceName: 'send-conversation-emails' });
const CATCH_UP_HOURS = 6;

type Owed = EntityItem<typeof ConversationEmail>;
type TenantItem = EntityItem<typeof Tenant>;
const keyOf = (e: Owed) => ({ tenantId: e.tenantId, conversationId: e.conversationId, userId: e.userId });
const isConditional = (error: unknown) => error instanceof Error && /conditional/i.test(error.message);

async function claim(owed: Owed): Promise<boolean> {
  try {
    await database()
      .entities.email.patch(keyOf(owed))
      .set({ state: 'sending' })
      .composite({ dueAt: owed.dueAt, dueHour: owed.dueHour })
      .where((a, op) => `${op.eq(a.state, 'pending')} AND ${op.eq(a.dueAt, owed.dueAt)}`)
      .go();
    return true;
  } catch (error) {
    if (isConditional(error)) return false;
    throw error;
  }
}

interface Recipient {
  email: string;
  name: string;
  locale: Locale;
  staff: boolean;
  /** A website visitor: their link carries a new key to the conversation (the one before stops working). */
  visitor: boolean;
}

/** Who the email is for: a person of the firm who may still open the conversation, or its website visitor. */
async function recipientOf(owed: Owed, conversation: ConversationItem, firm: TenantItem): Promise<Recipient | undefined> {
  const { entities } = database();
  if (owed.userId === conversation.leadId) {
    const { data: lead } = await entities.lead.get({ tenantId: owed.tenantId, leadId: owed.userId }).go();
    return lead ? { email: lead.email, name: lead.name, locale: firm.locale, staff: false, visitor: true } : undefined;
  }
  const { data: person } = await entities.user.get({ tenantId: owed.tenantId, userId: owed.userId }).go();
  if (!person || person.status !== 'active') return undefined;
  const reader = readerOf(actorOfUser(person));
  if (!mayOpen(reader, conversation)) return undefined;
  return { email: person.email, name: person.name, locale: localeFor(firm, person.locale), staff: reader.staff, visitor: false };
}

/** Where the email's link goes: the inbox, the client's chat, or (with a new key) the visitor's chat page. */
async function linkFor(to: Recipient, conversation: ConversationItem, firm: TenantItem): Promise<string> {
  const base = linksConfig().PUBLIC_URL;
  const id = encodeURIComponent(conversation.conversationId);
  if (!to.visitor) return `${base}/${to.staff ? 'staff/conversations' : 'portal/chat'}/?id=${id}`;
  const { token, hash } = newVisitorKey();
  await database()
    .entities.conversation.patch({ tenantId: conversation.tenantId, conversationId: conversation.conversationId })
    .set({ emailTokenHash: hash })
    .go();
  // The key in the fragment: never sent to a server, nor kept in logs.
  return `${base}/chat/?firm=${encodeURIComponent(firm.slug)}#${id}.${token}`;
}

/** Sends one claimed email; false when nothing is unread any more, or the person may no longer open it. */
async function send(owed: Owed): Promise<boolean> {
  const { entities } = database();
  const ref = { tenantId: owed.tenantId, conversationId: owed.conversationId };
  const [{ data: firm }, { data: conversation }, { data: read }] = await Promise.all([
    entities.tenant.get({ tenantId: owed.tenantId }).go(),
    entities.conversation.get(ref).go(),
    entities.read.get({ ...ref, userId: owed.userId }).go(),
  ]);
  if (!firm || !conversation) return false;
  const to = await recipientOf(owed, conversation, firm);
  if (!to) return false;
  // What they have not read, and no earlier email told of.
  const after = entities.message.query.bySeq(ref).gt({ seq: Math.max(read?.seq ?? 0, owed.emailedSeq ?? 0) });
  const { data: messages } = await after
    .where((a, op) => [op.ne(a.senderId, owed.userId), ...(to.staff ? [] : [op.eq(a.internal, false)])].join(' AND '))
    .go({ pages: 'all' });
  if (!messages.length) return false;
  await sendEmail(
    missedMessagesEmail({
      locale: to.locale,
      to: to.email,
      name: to.name,
      firm: firm.name,
      with: to.staff ? conversation.customerName : firm.name,
      messages,
      link: await linkFor(to, conversation, firm),
      visitor: to.visitor,
    }),
    firm,
  );
  await entities.email
    .patch(keyOf(owed))
    .set({ emailedSeq: messages.at(-1)!.seq })
    .composite({ dueAt: owed.dueAt, dueHour: owed.dueHour })
    .go();
  return true;
}

export async function handler(event: JobEvent): Promise<JobResult> {
  const now = Date.parse(event.scheduledAt);
  const result = await handleDue(now, CATCH_UP_HOURS, {
    dueIn: async (dueHour) =>
      (await database().entities.email.query.byDueHour({ dueHour }).go({ pages: 'all' })).data.filter(
        (e) => e.state === 'pending' && Date.parse(e.dueAt) <= now,
      ),
    claim,
    handle: send,
    finish: async (owed, sent) => {
      await database()
        .entities.email.patch(keyOf(owed))
        .set({ state: sent ? 'sent' : 'skipped', ...(sent && { sentAt: new Date(now).toISOString() }) })
        .composite({ dueAt: owed.dueAt, dueHour: owed.dueHour })
        .go();
    },
  });
  logger.info('conversation emails', { scheduledAt: event.scheduledAt, ...result });
  return result;
}
