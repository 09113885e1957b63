/**
 * A firm's conversation settings (ADR 0033): canned replies for its staff and the ticket SLA.
 * Staff read them; admins replace the list (or the SLA) whole, against the version they read.
 */
import { randomUUID } from 'node:crypto';
import type { EntityItem } from 'electrodb';
import { forbidden } from '../../shared/api/errors.ts';
import type { ConversationSettingsView } from '../../shared/api/schemas/conversations.ts';
import { AuditEntry } from '../../shared/db/entities/audit-entry.ts';
import { ConversationSettings } from '../../shared/db/entities/conversation.ts';
import { OutboxEvent } from '../../shared/db/entities/outbox-event.ts';
import { auditAndEvent, commitTransaction } from '../../shared/db/mutation.ts';
import { databaseOf } from '../../shared/db/service.ts';
import { DEFAULT_TICKET_SLA, TICKET_PRIORITIES } from '../../shared/domain/conversations/tickets.ts';
import { isStaff } from '../../shared/domain/identity/permissions.ts';
import { changeContext } from '../lib/change-context.ts';
import type { ReplyOf, RequestOf } from '../lib/http.ts';

const database = databaseOf({ settings: ConversationSettings, audit: AuditEntry, outbox: OutboxEvent });

type SettingsItem = EntityItem<typeof ConversationSettings>;

const viewOf = (item: SettingsItem | null): ConversationSettingsView => ({
  cannedReplies: item?.cannedReplies ?? [],
  ticketSla: { ...DEFAULT_TICKET_SLA, ...item?.ticketSla },
  version: item?.version ?? 0,
});

async function settingsOf(tenantId: string) {
  const { data } = await database().entities.settings.get({ tenantId }).go();
  return data;
}

export async function getConversationSettings(req: RequestOf<'getConversationSettings'>): Promise<ReplyOf<'getConversationSettings'>> {
  if (!isStaff(req.actor.role)) throw forbidden('Canned replies and the SLA are for staff.');
  return { body: viewOf(await settingsOf(req.actor.tenantId)) };
}

export async function updateConversationSettings(req: RequestOf<'updateConversationSettings'>): Promise<ReplyOf<'updateConversationSettings'>> {
  const { tenantId } = req.actor;
  const { version, cannedReplies, ticketSla } = req.body;
  const current = await settingsOf(tenantId);
  const before = viewOf(current);
  // A reply keeps its id when edited; a new one gets one.
  const replies = cannedReplies?.map((r) => ({ replyId: r.replyId ?? randomUUID(), title: r.title, body: r.body }));
  const changes = [
    ...(replies && JSON.stringify(replies) !== JSON.stringify(before.cannedReplies)
      ? [{ field: 'cannedReplies', from: before.cannedReplies.map((r) => r.title), to: replies.map((r) => r.title) }]
      : []),
    ...TICKET_PRIORITIES.flatMap((p) =>
      ticketSla && JSON.stringify(ticketSla[p]) !== JSON.stringify(before.ticketSla[p])
        ? [{ field: `ticketSla.${p}`, from: before.ticketSla[p], to: ticketSla[p] }]
        : [],
    ),
  ];
  if (!changes.length) return { body: before };
  const set = { ...(replies && { cannedReplies: replies }), ...(ticketSla && { ticketSla }), version: before.version + 1 };
  await commitTransaction(
    database(),
    (e) => [
      // Against the version read: two admins editing the list at once do not lose each other's replies unseen.
      e.settings
        .put({ ...current, tenantId, ...set })
        .where((a, op) => (version === 0 ? op.notExists(a.version) : op.eq(a.version, version)))
        .commit(),
      ...auditAndEvent(e, changeContext(req), {
        action: 'firm.conversation_settings_changed',
        entityType: 'firm',
        entityId: tenantId,
        changes,
        event: { type: 'firm.conversation_settings_changed', detail: { fields: changes.map((c) => c.field) } },
      }),
    ],
    'Someone changed these settings at the same moment. Reload to see their changes, then try again.',
  );
  return { body: viewOf({ ...current, tenantId, ...set, updatedAt: new Date().toISOString() }) };
}
