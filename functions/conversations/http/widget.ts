/**
 * The website widget for leads (ADR 0033): a visitor on a firm's own site says who they are,
 * then writes. They become (or are found again as) a lead by email, and each start is a new
 * conversation of its own, reached only with the token it answers (kept hashed), or the one the
 * latest email to them carries, so an address typed by someone else never opens another's messages. Counted per address and per firm.
 * Answers are readable from any origin (`crossOrigin`); nothing here reads cookies.
 */
import { randomUUID } from 'node:crypto';
import { notFound, rateLimited } from '../../../shared/api/errors.ts';
import { WIDGET_OPERATIONS } from '../../../shared/api/operations/widget.ts';
import { WIDGET_SCHEMAS } from '../../../shared/api/schemas/widget.ts';
import { Conversation, ConversationMessage, ConversationRead } from '../../../shared/db/entities/conversation.ts';
import { Lead } from '../../../shared/db/entities/lead.ts';
import { SignInGuard } from '../../../shared/db/entities/sign-in-guard.ts';
import { Tenant } from '../../../shared/db/entities/tenant.ts';
import { auditAndEvent, type ChangeContext } from '../../../shared/db/mutation.ts';
import { databaseOf } from '../../../shared/db/service.ts';
import { contextHandler, type ReplyOf, type RequestOf } from '../../lib/http.ts';
import { newConversation, positionOf, type ConversationItem } from '../access.ts';
import { moveReadTo, sendMessage, type MessageItem } from '../messages.ts';
import { newVisitorKey, opensWith } from '../visitor-keys.ts';

const database = databaseOf({
  tenant: Tenant,
  lead: Lead,
  conversation: Conversation,
  message: ConversationMessage,
  read: ConversationRead,
  guard: SignInGuard,
});

/** Per hour: new conversations from one address, messages from one address, and everything at one firm. */
export const WIDGET_LIMITS = { startsPerAddress: 5, messagesPerAddress: 60, perFirm: 1000 } as const;

async function firmOf(slug: string) {
  const { data } = await database().entities.tenant.query.bySlug({ slug }).go({ limit: 1 });
  const firm = data[0];
  if (!firm || firm.status !== 'active') throw notFound('Firm');
  return firm;
}

/** Counts one more for the address and for the firm this hour; over either limit: 429, nothing written. */
async function allow(tenantId: string, ip: string, kind: 'start' | 'message') {
  const now = Math.floor(Date.now() / 1000);
  const hourEnds = (Math.floor(now / 3600) + 1) * 3600;
  const { guard } = database().entities;
  const count = async (subject: string, max: number, message: string) => {
    try {
      await guard
        .update({ scope: 'widget', subject: `${subject}#${hourEnds}` })
        .add({ failures: 1 })
        .set({ expiresAt: hourEnds })
        .where((a, op) => `${op.notExists(a.failures)} OR ${op.lt(a.failures, max)}`)
        .go();
    } catch (e) {
      if (e instanceof Error && /conditional/i.test(e.message)) throw rateLimited(message, hourEnds - now);
      throw e;
    }
  };
  const perAddress = kind === 'start' ? WIDGET_LIMITS.startsPerAddress : WIDGET_LIMITS.messagesPerAddress;
  await count(`${tenantId}#${kind}#${ip}`, perAddress, 'Too many messages from your network this hour. Try again later, or email the firm.');
  await count(tenantId, WIDGET_LIMITS.perFirm, 'This firm is receiving too many messages right now. Try again later, or email the firm.');
}

/** The visitor's conversation: its token must match; anything else is not found alike. */
async function visitorsConversation(tenantId: string, conversationId: string, token: string): Promise<ConversationItem> {
  const { data } = await database().entities.conversation.get({ tenantId, conversationId }).go();
  if (!data?.widgetTokenHash || !data.leadId || !opensWith(token, [data.widgetTokenHash, data.emailTokenHash])) throw notFound('Conversation');
  return data;
}

const visitorOf = (c: ConversationItem, req: { ip: string; userAgent: string; requestId: string }): ChangeContext => ({
  tenantId: c.tenantId,
  actorId: c.leadId!,
  actorName: c.customerName,
  actorRole: 'LEAD',
  ip: req.ip,
  userAgent: req.userAgent,
  correlationId: req.requestId,
});

const shown = (m: MessageItem, c: ConversationItem) => ({
  seq: m.seq,
  clientMessageId: m.clientMessageId,
  from: m.senderKind === 'lead' ? 'visitor' : m.senderName,
  own: m.senderId === c.leadId,
  body: m.body,
  createdAt: m.createdAt,
});

async function startWidgetConversation(req: RequestOf<'startWidgetConversation'>): Promise<ReplyOf<'startWidgetConversation'>> {
  const firm = await firmOf(req.params.firmSlug);
  const { tenantId } = firm;
  await allow(tenantId, req.ip, 'start');
  const { name, email, message, clientMessageId, page } = req.body;
  const { lead } = database().entities;
  // The address is the lead: found again (the CRM keeps one), or made.
  const found = (await lead.query.byEmail({ tenantId, email }).go({ limit: 1 })).data[0];
  const person = found ?? { tenantId, leadId: randomUUID(), name, email, source: 'widget' as const, status: 'new' as const };
  const { token, hash } = newVisitorKey();
  const item: ConversationItem = {
    ...newConversation(tenantId, { leadId: person.leadId, name: found?.name ?? name }, undefined),
    widgetTokenHash: hash,
    ...(page && { sourcePage: page }),
  };
  const ctx = visitorOf(item, req);
  // One write: the lead (if new), the conversation, its first message and its ticket, or nothing.
  await sendMessage(item, { clientMessageId, body: message, internal: false, sender: { userId: person.leadId, name, email, kind: 'lead' } }, ctx, {
    writes: (e) => [
      ...(found ? [] : [e.lead.create({ ...person, ...(page && { sourceUrl: page }) }).commit()]),
      ...auditAndEvent(e, ctx, {
        action: 'conversation.started',
        entityType: 'conversation',
        entityId: item.conversationId,
        changes: [{ field: 'source', from: null, to: 'lead' }],
        event: { type: 'conversation.started', detail: { conversationId: item.conversationId, source: 'lead', startedBy: person.leadId } },
      }),
    ],
  });
  return { status: 201, body: { conversationId: item.conversationId, token, firm: firm.name } };
}

async function listWidgetMessages(req: RequestOf<'listWidgetMessages'>): Promise<ReplyOf<'listWidgetMessages'>> {
  const firm = await firmOf(req.params.firmSlug);
  const c = await visitorsConversation(firm.tenantId, req.params.conversationId, req.query.token);
  const { data } = await database()
    .entities.message.query.bySeq({ tenantId: c.tenantId, conversationId: c.conversationId })
    .gt({ seq: req.query.after ?? 0 })
    .where((a, op) => op.eq(a.internal, false))
    .go({ limit: 100 });
  // Shown in their open panel: read, so they are not emailed of it (and staff see it was seen).
  const last = data.at(-1);
  if (last) {
    const { data: read } = await database().entities.read.get({ tenantId: c.tenantId, conversationId: c.conversationId, userId: c.leadId! }).go();
    await moveReadTo(c, c.leadId!, last, positionOf(read), req.requestId);
  }
  return { body: { items: data.map((m) => shown(m, c)), status: c.status } };
}

async function sendWidgetMessage(req: RequestOf<'sendWidgetMessage'>): Promise<ReplyOf<'sendWidgetMessage'>> {
  const firm = await firmOf(req.params.firmSlug);
  const c = await visitorsConversation(firm.tenantId, req.params.conversationId, req.body.token);
  await allow(firm.tenantId, req.ip, 'message');
  const { message, created } = await sendMessage(
    c,
    {
      clientMessageId: req.body.clientMessageId,
      body: req.body.body,
      internal: false,
      sender: { userId: c.leadId!, name: c.customerName, email: '', kind: 'lead' },
    },
    visitorOf(c, req),
  );
  return { status: created ? 201 : 200, body: shown(message, c) };
}

export const handler = contextHandler({
  routes: WIDGET_OPERATIONS,
  schemas: WIDGET_SCHEMAS,
  operations: { startWidgetConversation, listWidgetMessages, sendWidgetMessage },
  crossOrigin: true,
});
