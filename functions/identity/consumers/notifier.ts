/**
 * Turns events into emails, each once (the consumer chain's marker); the link's secret is made
 * here, at sending time, so no secret ever travels in an event or a log.
 */
import { localeFor } from '../../../shared/domain/locales.ts';
import { linksConfig } from '../../../shared/config.ts';
import { INVITATION_LINK_DAYS, RESET_LINK_MINUTES } from '../../../shared/domain/identity/links.ts';
import { databaseOf } from '../../../shared/db/service.ts';
import { Invitation } from '../../../shared/db/entities/invitation.ts';
import { Tenant } from '../../../shared/db/entities/tenant.ts';
import { User } from '../../../shared/db/entities/user.ts';
import { PasswordReset } from '../../../shared/db/entities/password-reset.ts';
import { Document } from '../../../shared/db/entities/document.ts';
import { DocumentShare } from '../../../shared/db/entities/document-share.ts';
import { CODE_MINUTES } from '../../../shared/domain/documents/shares.ts';
import type { EventDetail } from '../../../shared/events/catalogue.ts';
import { consumerHandler } from '../../lib/consumer.ts';
import { codeHash, formatLinkToken, hashSecret, newSecret } from '../../lib/link-token.ts';
import { randomInt } from 'node:crypto';
import { sendEmail } from '../../lib/mailer.ts';
import { actionEmail } from '../emails.ts';

const database = databaseOf({ invitation: Invitation, tenant: Tenant, user: User, passwordReset: PasswordReset, share: DocumentShare, document: Document });

async function sendInvitation(detail: EventDetail<'user.invited' | 'user.invitation_resent' | 'user.signed_up'>): Promise<void | 'skipped'> {
  const { tenantId, invitationId } = detail;
  const db = database();
  const [{ data: invitation }, { data: tenant }] = await Promise.all([
    db.entities.invitation.get({ tenantId, invitationId }).go(),
    db.entities.tenant.get({ tenantId }).go(),
  ]);
  // Accepted or revoked since the event was written: nothing to send.
  if (!invitation || invitation.status !== 'pending' || !tenant) return 'skipped';
  // The address signs in with another firm: its owner learns why no link came, and nobody else does.
  if (invitation.elsewhere) {
    await sendEmail(
      actionEmail('invitationElsewhere', localeFor(tenant, invitation.locale), invitation.email, `${linksConfig().PUBLIC_URL}/login/`, {
        firm: tenant.name,
        name: invitation.name,
      }),
      tenant,
    );
    return;
  }
  const secret = newSecret();
  await db.entities.invitation
    .patch({ tenantId, invitationId })
    .set({ secretHash: hashSecret(secret) })
    .go();
  const link = `${linksConfig().PUBLIC_URL}/invitation/?token=${formatLinkToken({ tenantId, recordId: invitationId, secret })}`;
  // A client who signed up gets the same link, worded as confirming their address.
  const kind = invitation.source === 'self' ? 'verifyEmail' : 'invitation';
  await sendEmail(
    actionEmail(kind, localeFor(tenant, invitation.locale), invitation.email, link, {
      firm: tenant.name,
      name: invitation.name,
      days: String(INVITATION_LINK_DAYS),
    }),
    tenant,
  );
}

async function sendPasswordReset(detail: EventDetail<'auth.password_reset_requested'>): Promise<void | 'skipped'> {
  const { tenantId, userId } = detail;
  const db = database();
  const [{ data: user }, { data: tenant }] = await Promise.all([db.entities.user.get({ tenantId, userId }).go(), db.entities.tenant.get({ tenantId }).go()]);
  if (!user || user.status !== 'active' || !tenant) return 'skipped';
  const secret = newSecret();
  const linkExpiresAt = Math.floor(Date.now() / 1000) + RESET_LINK_MINUTES * 60;
  await db.entities.passwordReset
    .patch({ tenantId, userId })
    .set({ secretHash: hashSecret(secret), linkExpiresAt })
    .remove(['usedAt'])
    .go();
  const link = `${linksConfig().PUBLIC_URL}/reset-password/?token=${formatLinkToken({ tenantId, recordId: userId, secret })}`;
  await sendEmail(
    actionEmail('passwordReset', localeFor(tenant, user.locale), user.email, link, { firm: tenant.name, name: user.name, minutes: String(RESET_LINK_MINUTES) }),
    tenant,
  );
}

/** Someone tried to sign up with an address that has an account: its owner is told, nobody else. */
async function sendAccountExists(detail: EventDetail<'auth.signup_existing'>): Promise<void | 'skipped'> {
  const { data: tenant } = await database().entities.tenant.get({ tenantId: detail.tenantId }).go();
  if (!tenant) return 'skipped';
  await sendEmail(
    actionEmail('accountExists', localeFor(tenant, detail.locale), detail.email, `${linksConfig().PUBLIC_URL}/login/`, { firm: tenant.name }),
    tenant,
  );
}

/** A document shared with someone outside the portal: the link is made here (only its hash is kept) and emailed to them, in the firm's language. */
async function sendShareLink(detail: EventDetail<'document.shared'>): Promise<void | 'skipped'> {
  const { share, document, tenant } = await shareParts(detail.tenantId, detail.shareId, detail.documentId);
  if (!share || share.status !== 'active' || !document || !tenant) return 'skipped';
  const secret = newSecret();
  await database()
    .entities.share.patch({ tenantId: share.tenantId, shareId: share.shareId })
    .set({ secretHash: hashSecret(secret) })
    .go();
  const link = `${linksConfig().PUBLIC_URL}/shared/?token=${formatLinkToken({ tenantId: share.tenantId, recordId: share.shareId, secret })}`;
  const until = new Intl.DateTimeFormat(tenant.locale, { dateStyle: 'long', timeStyle: 'short', timeZone: tenant.timeZone }).format(new Date(share.validUntil));
  await sendEmail(actionEmail('documentShared', tenant.locale, share.recipientEmail, link, { firm: tenant.name, name: document.name, until }), tenant);
}

/** The one-time code of a share link, made here (kept hashed, for CODE_MINUTES) and emailed to its recipient only. */
async function sendShareCode(detail: EventDetail<'document.share_code_requested'>): Promise<void | 'skipped'> {
  const { share, document, tenant } = await shareParts(detail.tenantId, detail.shareId, detail.documentId);
  if (!share || share.status !== 'active' || !document || !tenant) return 'skipped';
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  await database()
    .entities.share.patch({ tenantId: share.tenantId, shareId: share.shareId })
    .set({ codeHash: codeHash(share.shareId, code), codeValidUntil: new Date(Date.now() + CODE_MINUTES * 60_000).toISOString(), codeAttempts: 0 })
    .go();
  const page = `${linksConfig().PUBLIC_URL}/shared/`;
  await sendEmail(
    actionEmail('shareCode', tenant.locale, share.recipientEmail, page, { firm: tenant.name, name: document.name, code, minutes: String(CODE_MINUTES) }),
    tenant,
  );
}

async function shareParts(tenantId: string, shareId: string, documentId: string) {
  const { share, document, tenant } = database().entities;
  const [s, d, t] = await Promise.all([share.get({ tenantId, shareId }).go(), document.get({ tenantId, documentId }).go(), tenant.get({ tenantId }).go()]);
  return { share: s.data, document: d.data, tenant: t.data };
}

export const handler = consumerHandler({
  name: 'notifier',
  idempotency: 'marker',
  reactions: {
    'user.invited': sendInvitation,
    'user.invitation_resent': sendInvitation,
    'user.signed_up': sendInvitation,
    'auth.signup_existing': sendAccountExists,
    'auth.password_reset_requested': sendPasswordReset,
    'document.shared': sendShareLink,
    'document.share_code_requested': sendShareCode,
  },
});
