/**
 * Notices for the people they concern: stored for the bell, pushed live, and by email
 * (shared/domain/notifications/email.ts) to whoever is not online: each at once, or booked into
 * their next digest slot, which the hourly job sends (jobs/send-digests.ts). Every emailed line
 * carries its own link, for that person only, that opens the page and marks its notices read.
 */
import { localeFor } from '../../shared/domain/locales.ts';
import type { EntityItem } from 'electrodb';
import { randomUUID } from 'node:crypto';
import { linksConfig } from '../../shared/config.ts';
import { EmailDigest } from '../../shared/db/entities/email-digest.ts';
import { EmailLink } from '../../shared/db/entities/email-link.ts';
import { Notification } from '../../shared/db/entities/notification.ts';
import { Tenant } from '../../shared/db/entities/tenant.ts';
import { User } from '../../shared/db/entities/user.ts';
import { databaseOf } from '../../shared/db/service.ts';
import { emailPreferencesOf, emailTiming, groupNotices, type Notice } from '../../shared/domain/notifications/email.ts';
import { formatLinkToken, hashSecret, newSecret } from '../lib/link-token.ts';
import { sendEmail } from '../lib/mailer.ts';
import { pushToUser } from '../lib/realtime.ts';
import { noticeEmail, noticeLine } from './emails.ts';
import { toNotificationView } from './view.ts';

export const database = databaseOf({ notification: Notification, emailDigest: EmailDigest, emailLink: EmailLink, user: User, tenant: Tenant });

const KEEP_SECONDS = 90 * 24 * 3600;

const LINK_DAYS = 30;
const DAY = 86_400_000;

export type StoredNotice = Notice & { tenantId: string; userId: string; notificationId: string };
type Person = EntityItem<typeof User>;
type Firm = EntityItem<typeof Tenant>;

/** A link for this person alone that opens `path` and marks the notices read. */
async function issueLink(tenantId: string, userId: string, path: string, notificationIds: string[], now: number): Promise<string> {
  const linkId = randomUUID();
  const secret = newSecret();
  await database()
    .entities.emailLink.create({
      tenantId,
      linkId,
      userId,
      path,
      notificationIds,
      secretHash: hashSecret(secret),
      validUntil: new Date(now + LINK_DAYS * DAY).toISOString(),
      expiresAt: Math.floor((now + 2 * LINK_DAYS * DAY) / 1000),
    })
    .go();
  return `${linksConfig().PUBLIC_URL}/go/?token=${formatLinkToken({ tenantId, recordId: linkId, secret })}`;
}

/** Sends one email telling of these notices (grouped), each group with its link; marks them emailed. */
export async function emailNotices(person: Person, firm: Firm, notices: StoredNotice[], now: number): Promise<void> {
  const locale = localeFor(firm, person.locale);
  const items = await Promise.all(
    groupNotices(notices).map(async (group) => ({
      line: noticeLine(locale, group),
      link: await issueLink(
        person.tenantId,
        person.userId,
        group.latest.link ?? '/',
        group.notices.map((n) => n.notificationId),
        now,
      ),
    })),
  );
  await sendEmail(noticeEmail({ locale, to: person.email, name: person.name, firm: firm.name, account: `${linksConfig().PUBLIC_URL}/account/`, items }), firm);
  const emailedAt = new Date(now).toISOString();
  await Promise.all(
    notices.map((n) =>
      database().entities.notification.patch({ tenantId: n.tenantId, userId: n.userId, notificationId: n.notificationId }).set({ emailedAt }).go(),
    ),
  );
}

export interface NoticeContent {
  values: Record<string, string>;
  link?: string | undefined;
}

/**
 * Each recipient's notice: stored for the bell (one per `key` and person, so a replay stores
 * nothing twice), pushed live, and emailed to whoever was not online to see it.
 */
export async function deliverNotices(
  tenantId: string,
  notices: { userId: string; kind: string }[],
  content: NoticeContent,
  at: string,
  key: string,
): Promise<void> {
  if (!notices.length) return;
  const { notification, user, tenant } = database().entities;
  const [{ data: people }, { data: firm }] = await Promise.all([
    user.get(notices.map(({ userId }) => ({ tenantId, userId }))).go(),
    tenant.get({ tenantId }).go(),
  ]);
  const expiresAt = Math.floor(Date.parse(at) / 1000) + KEEP_SECONDS;
  for (const { userId, kind } of notices) {
    const item = {
      tenantId,
      userId,
      notificationId: `${at}_${key}`,
      createdAt: at,
      kind,
      values: content.values,
      ...(content.link && { link: content.link }),
      expiresAt,
    };
    await notification.put(item).go();
    const online = (await pushToUser(tenantId, userId, { type: 'notification', notification: toNotificationView(item) })) > 0;
    if (firm)
      await deliverByEmail(
        item,
        people.find((p) => p.userId === userId),
        firm,
        online,
        Date.now(),
      );
  }
}

/** After a notice is stored and pushed: emailed now, booked into the next digest, or neither (online, switched off, not emailed). */
async function deliverByEmail(notice: StoredNotice, person: Person | undefined, firm: Firm, online: boolean, now: number): Promise<void> {
  if (!person || person.status !== 'active') return;
  const prefs = emailPreferencesOf(person);
  const timing = emailTiming(prefs, notice.kind, online, now, person.timeZone);
  if (timing === 'never') return;
  if (timing === 'now') return emailNotices(person, firm, [notice], now);
  const dueAt = new Date(timing).toISOString();
  const { notification, emailDigest } = database().entities;
  await notification.patch({ tenantId: notice.tenantId, userId: notice.userId, notificationId: notice.notificationId }).set({ digestDueAt: dueAt }).go();
  // The slot is made by its first notice; the others join it.
  await emailDigest
    .create({
      tenantId: notice.tenantId,
      userId: notice.userId,
      dueAt,
      dueHour: dueAt.slice(0, 13),
      digest: prefs.digest,
      expiresAt: Math.floor((timing + 7 * DAY) / 1000),
    })
    .go()
    .catch((error: unknown) => {
      if (!(error instanceof Error && /conditional/i.test(error.message))) throw error;
    });
}
