/**
 * Share links (shared/domain/documents/shares.ts): staff share an available document with
 * someone outside the portal for 1 to 30 days; the notifier emails them the link (whose secret
 * only the email holds) and, when asked, a one-time code. Whoever opens the link sees the
 * file's name and, with the code if one is needed, gets a 5-minute download link; each use is
 * counted and audited with IP and user agent. A revoked or expired link opens nothing.
 */
import { randomUUID } from 'node:crypto';
import type { EntityItem } from 'electrodb';
import { AppError, conflict, notFound, validationFailed } from '../../shared/api/errors.ts';
import type { ShareView } from '../../shared/api/schemas/documents.ts';
import { AuditEntry } from '../../shared/db/entities/audit-entry.ts';
import { Document } from '../../shared/db/entities/document.ts';
import { DocumentShare } from '../../shared/db/entities/document-share.ts';
import { OutboxEvent } from '../../shared/db/entities/outbox-event.ts';
import { Tenant } from '../../shared/db/entities/tenant.ts';
import { auditAndEvent, commitTransaction, type ChangeContext } from '../../shared/db/mutation.ts';
import { databaseOf } from '../../shared/db/service.ts';
import { CODE_RESEND_SECONDS, MAX_CODE_ATTEMPTS } from '../../shared/domain/documents/shares.ts';
import { changeContext } from '../lib/change-context.ts';
import type { ReplyOf, Request, RequestOf, WithParams } from '../lib/http.ts';
import { namesRecord, parseLinkToken, secretMatches } from '../lib/link-token.ts';
import { documentFor } from './access.ts';
import { downloadLink } from './files.ts';
import { servedVersion } from './versions.ts';

const database = databaseOf({ share: DocumentShare, document: Document, tenant: Tenant, audit: AuditEntry, outbox: OutboxEvent });

type Share = EntityItem<typeof DocumentShare>;
const DAY = 86_400_000;

const statusOf = (s: Share, now = Date.now()) => (s.status === 'revoked' ? 'revoked' : Date.parse(s.validUntil) <= now ? 'expired' : 'active');
const toShareView = (s: Share): ShareView => ({
  shareId: s.shareId,
  recipientEmail: s.recipientEmail,
  validUntil: s.validUntil,
  requireCode: s.requireCode,
  status: statusOf(s),
  uses: s.uses,
  ...(s.lastUsedAt && { lastUsedAt: s.lastUsedAt }),
  createdByName: s.createdByName,
  createdAt: s.createdAt,
});

export async function createDocumentShare(req: RequestOf<'createDocumentShare'>): Promise<ReplyOf<'createDocumentShare'>> {
  const document = await documentFor(req.actor, req.params.documentId);
  if (document.status !== 'available') throw conflict(`${document.name} is not available, so it cannot be shared.`);
  if (document.accessLevel === 'internal') throw conflict(`${document.name} is internal: it is not shared outside the firm.`);
  const now = Date.now();
  const share: Share = {
    tenantId: document.tenantId,
    shareId: randomUUID(),
    documentId: document.documentId,
    customerId: document.customerId,
    recipientEmail: req.body.email,
    validUntil: new Date(now + req.body.days * DAY).toISOString(),
    requireCode: req.body.requireCode,
    status: 'active',
    codeAttempts: 0,
    uses: 0,
    createdBy: req.actor.userId,
    createdByName: req.actor.name,
    createdAt: new Date(now).toISOString(),
    expiresAt: Math.floor((now + (req.body.days + 365) * DAY) / 1000),
    version: 1,
  };
  await commitTransaction(database(), (e) => [
    e.share.create(share).commit(),
    ...auditAndEvent(e, changeContext(req), {
      action: 'document.shared',
      entityType: 'document',
      entityId: document.documentId,
      customerId: document.customerId,
      changes: [{ field: 'share', from: null, to: { recipient: share.recipientEmail, validUntil: share.validUntil, requireCode: share.requireCode } }],
      event: {
        type: 'document.shared',
        detail: {
          documentId: document.documentId,
          customerId: document.customerId,
          shareId: share.shareId,
          recipientEmail: share.recipientEmail,
          validUntil: share.validUntil,
        },
      },
    }),
  ]);
  return { status: 201, body: toShareView(share) };
}

export async function listDocumentShares(req: RequestOf<'listDocumentShares'>): Promise<ReplyOf<'listDocumentShares'>> {
  const document = await documentFor(req.actor, req.params.documentId);
  const { data } = await database()
    .entities.share.query.byDocument({ tenantId: document.tenantId, documentId: document.documentId })
    .go({ limit: 100, order: 'desc' });
  return { body: { items: data.map(toShareView) } };
}

export async function revokeDocumentShare(req: RequestOf<'revokeDocumentShare'>): Promise<ReplyOf<'revokeDocumentShare'>> {
  const document = await documentFor(req.actor, req.params.documentId);
  const { data: share } = await database().entities.share.get({ tenantId: document.tenantId, shareId: req.params.shareId }).go();
  if (!share || share.documentId !== document.documentId) throw notFound('Share link');
  if (share.status === 'revoked') return { body: toShareView(share) };
  const revoked = { ...share, status: 'revoked' as const, revokedAt: new Date().toISOString(), version: share.version + 1 };
  await commitTransaction(database(), (e) => [
    e.share
      .patch({ tenantId: share.tenantId, shareId: share.shareId })
      .set({ status: 'revoked', revokedAt: revoked.revokedAt, version: revoked.version })
      .commit(),
    ...auditAndEvent(e, changeContext(req), {
      action: 'document.share_revoked',
      entityType: 'document',
      entityId: document.documentId,
      customerId: document.customerId,
      changes: [{ field: 'share', from: share.recipientEmail, to: 'revoked' }],
      event: { type: 'document.share_revoked', detail: { documentId: document.documentId, customerId: document.customerId, shareId: share.shareId } },
    }),
  ]);
  return { body: toShareView(revoked) };
}

/** The share the token opens, working now, with its document; a wrong token is not found, a revoked or expired one gone. */
async function opened(req: Request & WithParams<'token'>) {
  const token = parseLinkToken(req.params.token);
  const { data: share } = token ? await database().entities.share.get({ tenantId: token.tenantId, shareId: token.recordId }).go() : { data: null };
  if (!token || !share || !namesRecord(token, share.tenantId, share.shareId) || !secretMatches(share.secretHash, token.secret))
    throw notFound('Shared document');
  const status = statusOf(share);
  if (status !== 'active')
    throw new AppError(
      'gone',
      status === 'revoked' ? 'This link was withdrawn by the firm that shared it.' : 'This link has expired. Ask the firm that shared it for a new one.',
    );
  const [{ data: document }, { data: firm }] = await Promise.all([
    database().entities.document.get({ tenantId: share.tenantId, documentId: share.documentId }).go(),
    database().entities.tenant.get({ tenantId: share.tenantId }).go(),
  ]);
  if (!document || document.status !== 'available' || !firm) throw new AppError('gone', 'The shared document is no longer available.');
  return { share, document, firm };
}

/** What the person with the link may know: the file, the firm, and where a code would go, half hidden. */
export async function getSharedDocument(req: RequestOf<'getSharedDocument'>): Promise<ReplyOf<'getSharedDocument'>> {
  const { share, document, firm } = await opened(req);
  const [user, domain] = share.recipientEmail.split('@') as [string, string];
  return {
    body: {
      name: document.name,
      size: document.size,
      mimeType: document.mimeType,
      firm: firm.name,
      validUntil: share.validUntil,
      requireCode: share.requireCode,
      recipient: `${user.slice(0, 1)}•••@${domain}`,
    },
  };
}

/** Outside the portal there is no person: the link's recipient acts, as the audit says. */
const asRecipient = (req: Request, share: Share): ChangeContext =>
  changeContext(req, { tenantId: share.tenantId, userId: `share:${share.shareId}`, role: 'GUEST', name: share.recipientEmail });

export async function sendShareCode(req: RequestOf<'sendShareCode'>): Promise<ReplyOf<'sendShareCode'>> {
  const { share } = await opened(req);
  if (!share.requireCode) throw conflict('This link needs no code.');
  if (share.lastCodeAt && Date.now() - Date.parse(share.lastCodeAt) < CODE_RESEND_SECONDS * 1000)
    throw new AppError('rate_limited', `A code was sent moments ago. Wait ${CODE_RESEND_SECONDS} seconds before asking for another.`);
  // The claim and the event are one write: two clicks at once send one code.
  await commitTransaction(
    database(),
    (e) => [
      e.share
        .patch({ tenantId: share.tenantId, shareId: share.shareId })
        .set({ lastCodeAt: new Date().toISOString(), version: share.version + 1 })
        .where((a, op) => op.eq(a.version, share.version))
        .commit(),
      ...auditAndEvent(e, asRecipient(req, share), {
        action: 'document.share_code_requested',
        entityType: 'document',
        entityId: share.documentId,
        customerId: share.customerId,
        event: { type: 'document.share_code_requested', detail: { documentId: share.documentId, shareId: share.shareId } },
      }),
    ],
    'A code was just asked for. Check the email.',
  );
  return { status: 202 };
}

export async function downloadSharedDocument(req: RequestOf<'downloadSharedDocument'>): Promise<ReplyOf<'downloadSharedDocument'>> {
  const { share, document } = await opened(req);
  if (share.requireCode) await checkCode(share, req.body.code);
  const served = await servedVersion(document);
  if (!served) throw new AppError('gone', 'The shared document is no longer available.');
  const link = await downloadLink(served.objectKey, served.name);
  await commitTransaction(database(), (e) => [
    e.share.patch({ tenantId: share.tenantId, shareId: share.shareId }).add({ uses: 1 }).set({ lastUsedAt: new Date().toISOString() }).commit(),
    ...auditAndEvent(e, asRecipient(req, share), {
      action: 'document.share_used',
      entityType: 'document',
      entityId: document.documentId,
      customerId: document.customerId,
      changes: [{ field: `version ${served.versionNo}`, from: null, to: 'downloaded through a share link' }],
      event: { type: 'document.share_used', detail: { documentId: document.documentId, customerId: document.customerId, shareId: share.shareId } },
    }),
  ]);
  return { body: link };
}

/** The one-time code: right, unexpired and not guessed at too often; a wrong one counts against it. */
async function checkCode(share: Share, code: string | undefined): Promise<void> {
  if (!code) throw validationFailed([{ field: 'code', message: 'is required: ask for a code, then type the 6 digits from the email' }]);
  const usable = share.codeHash && share.codeValidUntil && Date.parse(share.codeValidUntil) > Date.now() && share.codeAttempts < MAX_CODE_ATTEMPTS;
  if (usable && secretMatches(share.codeHash, `${share.shareId}:${code}`)) {
    // Used once, even by two downloads at the same moment: only the one that still finds the code takes it.
    const taken = await database()
      .entities.share.patch({ tenantId: share.tenantId, shareId: share.shareId })
      .remove(['codeHash', 'codeValidUntil'])
      .set({ codeAttempts: 0 })
      .where((a, op) => op.eq(a.codeHash, share.codeHash!))
      .go()
      .then(
        () => true,
        (error: unknown) => {
          if (error instanceof Error && /conditional/i.test(error.message)) return false;
          throw error;
        },
      );
    if (taken) return;
    throw validationFailed([{ field: 'code', message: 'has been used already: ask for a new code' }]);
  }
  if (usable) await database().entities.share.patch({ tenantId: share.tenantId, shareId: share.shareId }).add({ codeAttempts: 1 }).go();
  throw validationFailed([{ field: 'code', message: usable ? 'is not the code we sent' : 'has expired or was tried too often: ask for a new code' }]);
}
