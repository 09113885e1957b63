/**
 * Every hour: sends the digest emails that have fallen due. Slots are read from the due index
 * by UTC hour (this hour and a few before, so an outage is caught up), one Query per hour. Each
 * is claimed with a conditional update from pending before anything is sent, so two runs, at
 * once or one after the other, send it once. A notice read in the bell meanwhile is left out.
 */
import { Logger } from '@aws-lambda-powertools/logger';
import type { EntityItem } from 'electrodb';
import type { EmailDigest } from '../../../shared/db/entities/email-digest.ts';
import { Tenant } from '../../../shared/db/entities/tenant.ts';
import { User } from '../../../shared/db/entities/user.ts';
import { databaseOf } from '../../../shared/db/service.ts';
import type { JobEvent, JobResult } from '../../../shared/schedules.ts';
import { handleDue } from '../../lib/due.ts';
import { database as emailDatabase, emailNotices, type StoredNotice } from '../email-delivery.ts';

const database = databaseOf({ tenant: Tenant, user: User });
const logger = new Logger({ serviceName: 'send-digests' });
const CATCH_UP_HOURS = 6;
const HOUR = 3_600_000;
/** A daily digest tells of at most a day and a bit: older notices are not looked at. */
const WINDOW = 26 * HOUR;

type Slot = EntityItem<typeof EmailDigest>;

const isConditional = (error: unknown) => error instanceof Error && /conditional/i.test(error.message);

async function claim(slot: Slot, now: number): Promise<boolean> {
  try {
    await emailDatabase()
      .entities.emailDigest.patch({ tenantId: slot.tenantId, userId: slot.userId, dueAt: slot.dueAt })
      .set({ state: 'sending', claimedAt: new Date(now).toISOString() })
      .where((a, op) => op.eq(a.state, 'pending'))
      .go();
    return true;
  } catch (error) {
    if (isConditional(error)) return false;
    throw error;
  }
}

async function finish(slot: Slot, state: 'sent' | 'skipped', now: number): Promise<void> {
  await emailDatabase()
    .entities.emailDigest.patch({ tenantId: slot.tenantId, userId: slot.userId, dueAt: slot.dueAt })
    .set({ state, ...(state === 'sent' && { sentAt: new Date(now).toISOString() }) })
    .go();
}

/** Sends one claimed slot; false when nothing in it is still unread, or its person is gone. */
async function send(slot: Slot, now: number): Promise<boolean> {
  const { tenantId, userId, dueAt } = slot;
  const from = new Date(Date.parse(dueAt) - WINDOW).toISOString();
  const [{ data: person }, { data: firm }, { data: notices }] = await Promise.all([
    database().entities.user.get({ tenantId, userId }).go(),
    database().entities.tenant.get({ tenantId }).go(),
    emailDatabase()
      .entities.notification.query.byUser({ tenantId, userId })
      .between({ notificationId: from }, { notificationId: `${dueAt}~` })
      .where((a, op) => `${op.eq(a.digestDueAt, dueAt)} AND ${op.notExists(a.readAt)} AND ${op.notExists(a.emailedAt)}`)
      .go({ pages: 'all' }),
  ]);
  if (!person || person.status !== 'active' || !firm || !notices.length) return false;
  await emailNotices(person, firm, notices as StoredNotice[], now);
  return true;
}

export async function handler(event: JobEvent): Promise<JobResult> {
  const now = Date.parse(event.scheduledAt);
  const result = await handleDue(now, CATCH_UP_HOURS, {
    dueIn: async (dueHour) =>
      (await emailDatabase().entities.emailDigest.query.byDueHour({ dueHour }).go({ pages: 'all' })).data.filter(
        (s) => s.state === 'pending' && Date.parse(s.dueAt) <= now,
      ),
    claim: (slot) => claim(slot, now),
    handle: (slot) => send(slot, now),
    finish: (slot, sent) => finish(slot, sent ? 'sent' : 'skipped', now),
  });
  logger.info('digests', { scheduledAt: event.scheduledAt, ...result });
  return result;
}
