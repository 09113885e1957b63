/**
 * Firms, made and held by the platform's operators (ADR 0035). Each change is audited in the
 * platform's own log (tenant `platform`, which no firm reads) and announced in the firm's name.
 * The same functions serve the API and `npm run bootstrap`.
 */
import type { EntityItem } from 'electrodb';
import { randomUUID } from 'node:crypto';
import { AppError, notFound } from '../../shared/api/errors.ts';
import type { CreateFirmInput, FirmView } from '../../shared/api/schemas/firms.ts';
import { AuditEntry } from '../../shared/db/entities/audit-entry.ts';
import { FirmExport } from '../../shared/db/entities/firm-export.ts';
import { FirmUsage } from '../../shared/db/entities/firm-usage.ts';
import { Invitation } from '../../shared/db/entities/invitation.ts';
import { OutboxEvent } from '../../shared/db/entities/outbox-event.ts';
import { SlugClaim } from '../../shared/db/entities/slug-claim.ts';
import { Tenant } from '../../shared/db/entities/tenant.ts';
import { User } from '../../shared/db/entities/user.ts';
import { getAll } from '../../shared/db/batch.ts';
import { auditAndEvent, commitTransaction, outboxItem, type ChangeContext } from '../../shared/db/mutation.ts';
import { databaseOf } from '../../shared/db/service.ts';
import { PLATFORM_ACTOR } from '../../shared/domain/audit/actor.ts';
import { languagesOf } from '../../shared/domain/locales.ts';
import { INVITATION_LINK_DAYS } from '../../shared/domain/identity/links.ts';
import type { Role } from '../../shared/domain/identity/permissions.ts';
import { MONTHLY_USAGE, PLATFORM_TENANT_ID, STANDING_PERIOD, STANDING_USAGE, firmIdOf, usageMonthOf } from '../../shared/domain/platform/firms.ts';
import { createInvitedIdentity } from '../identity/cognito.ts';

export const database = databaseOf({
  tenant: Tenant,
  slugClaim: SlugClaim,
  user: User,
  invitation: Invitation,
  usage: FirmUsage,
  firmExport: FirmExport,
  audit: AuditEntry,
  outbox: OutboxEvent,
});

type Firm = EntityItem<typeof Tenant>;
type Usage = EntityItem<typeof FirmUsage>;

const figures = <F extends readonly string[]>(names: F, usage: Usage | undefined) =>
  Object.fromEntries(names.map((n) => [n, Number((usage as Record<string, unknown> | undefined)?.[n] ?? 0)])) as Record<F[number], number>;

export const toFirmView = (firm: Firm, standing?: Usage, month?: Usage): FirmView => ({
  firmId: firm.tenantId,
  name: firm.name,
  slug: firm.slug,
  status: firm.status,
  timeZone: firm.timeZone,
  currency: firm.currency,
  locale: firm.locale,
  languages: languagesOf(firm),
  createdAt: firm.createdAt,
  ...(firm.deleteAfter && { deleteAfter: firm.deleteAfter }),
  now: figures(STANDING_USAGE, standing),
  thisMonth: figures(MONTHLY_USAGE, month),
});

/** A month's figures of a firm (zeros for a month without any). */
export const monthFigures = (usage?: Usage) => figures(MONTHLY_USAGE, usage);

/** The usage items of these firms for these periods, in one batch read: `of(firm, period)` picks one. */
export async function usageOf(firmIds: readonly string[], periods: readonly string[]) {
  const keys = firmIds.flatMap((tenantId) => [...new Set(periods)].map((period) => ({ tenantId, period })));
  const found = keys.length ? await getAll((batch) => database().entities.usage.get(batch).go(), keys) : [];
  return (tenantId: string, period: string) => found.find((u) => u.tenantId === tenantId && u.period === period);
}

/** A firm as the list shows it: with what it holds now and this month's figures. */
export async function firmViews(firms: readonly Firm[]): Promise<FirmView[]> {
  const month = usageMonthOf(new Date());
  const of = await usageOf(
    firms.map((f) => f.tenantId),
    [STANDING_PERIOD, month],
  );
  return firms.map((f) => toFirmView(f, of(f.tenantId, STANDING_PERIOD), of(f.tenantId, month)));
}

/** A firm, never the platform's own tenant. */
export async function firmById(firmId: string): Promise<Firm> {
  const { data } = firmId === PLATFORM_TENANT_ID ? { data: null } : await database().entities.tenant.get({ tenantId: firmId }).go();
  if (!data) throw notFound('Firm');
  return data;
}

/** A firm about to be made, whole: the settings every new firm starts with. */
export const newFirm = (fields: Pick<Firm, 'tenantId' | 'slug' | 'name' | 'timeZone' | 'currency' | 'locale' | 'languages'>): Firm => ({
  ...fields,
  status: 'active',
  clientSignUp: false,
  requireMfa: false,
  contactsInvite: true,
  reviewRequests: false,
  createdAt: new Date().toISOString(),
});

/** A 409 that names the field whose value is taken, so the form can say so beside it. */
const taken = (field: string, message: string) => new AppError('conflict', `${field} ${message}`, [{ field, message }]);

/** Claimed now, or by a firm made before slugs were claimed (found through the slug index). */
async function slugIsTaken(slug: string): Promise<boolean> {
  const { slugClaim, tenant } = database().entities;
  const [{ data: claim }, { data: holders }] = await Promise.all([slugClaim.get({ slug }).go(), tenant.query.bySlug({ slug }).go({ limit: 1 })]);
  return claim !== null || holders.length > 0;
}

export const linkExpiry = () => Math.floor(Date.now() / 1000) + INVITATION_LINK_DAYS * 24 * 3600;

/** The platform, unnamed, as the actor in a firm's own log (its people never learn the operator's name). */
export const platformInFirm = (tenantId: string, ctx: ChangeContext): ChangeContext => ({
  tenantId,
  actorId: PLATFORM_ACTOR,
  actorName: PLATFORM_ACTOR,
  actorRole: PLATFORM_ACTOR,
  correlationId: ctx.correlationId,
});

/**
 * Makes a firm and invites its first admin, in one transaction with the slug's claim: either all
 * of it is written or none. The admin's sign-in identity is made first (Cognito is outside the
 * transaction): a failure after it leaves an identity of the firm's id, which making the same
 * firm again takes up, since the id comes from the slug.
 */
export async function createFirm(input: CreateFirmInput, ctx: ChangeContext): Promise<FirmView> {
  const firmId = firmIdOf(input.slug);
  if (await slugIsTaken(input.slug)) throw taken('slug', 'is taken: a firm’s address is never used again, even after it is deleted');
  const { email, name } = input.admin;
  const userId = await createInvitedIdentity(email, firmId, 'ADMIN');
  if (!userId) throw taken('admin.email', 'already signs in with another firm (one address, one firm): invite another address');
  const { slug, timeZone, currency, locale, languages } = input;
  const firm = newFirm({
    tenantId: firmId,
    slug,
    name: input.name,
    timeZone,
    currency,
    locale,
    ...(languages && { languages: languagesOf({ locale, languages }) }),
  });
  await commitFirstPerson(firm, { userId, email, name, role: 'ADMIN' }, ctx, { newFirm: true });
  return toFirmView(firm);
}

/**
 * The firm (if new), its first person (invited) and their invitation, the firm's own audit
 * entries (by the platform, unnamed) and the platform's: one transaction.
 */
export async function commitFirstPerson(
  firm: Firm,
  person: { userId: string; email: string; name: string; role: Role },
  ctx: ChangeContext,
  { newFirm }: { newFirm: boolean },
): Promise<string> {
  const invitationId = randomUUID();
  const firmSide = platformInFirm(firm.tenantId, ctx);
  const db = database();
  await commitTransaction(
    db,
    (entities) => [
      ...(newFirm ? [entities.slugClaim.create({ slug: firm.slug, tenantId: firm.tenantId }).commit(), entities.tenant.create(firm).commit()] : []),
      entities.user
        .create({
          tenantId: firm.tenantId,
          userId: person.userId,
          email: person.email,
          name: person.name,
          role: person.role,
          status: 'invited',
          locale: firm.locale,
          timeZone: firm.timeZone,
        })
        .commit(),
      entities.invitation
        .create({
          tenantId: firm.tenantId,
          invitationId,
          userId: person.userId,
          email: person.email,
          name: person.name,
          role: person.role,
          locale: firm.locale,
          invitedBy: PLATFORM_ACTOR,
          source: 'firm',
          status: 'pending',
          linkExpiresAt: linkExpiry(),
        })
        .commit(),
      // The firm's log: the platform made it and invited its admin (the emailed link follows the event).
      ...auditAndEvent(entities, firmSide, {
        action: 'user.invited',
        entityType: 'user',
        entityId: person.userId,
        changes: [
          { field: 'status', from: null, to: 'invited' },
          { field: 'role', from: null, to: person.role },
        ],
        event: { type: 'user.invited', detail: { invitationId, userId: person.userId, role: person.role } },
      }),
      ...(newFirm
        ? [
            entities.outbox
              .create(
                outboxItem(
                  firm.tenantId,
                  { type: 'firm.created', detail: { slug: firm.slug, name: firm.name } },
                  { entityId: firm.tenantId, actorId: PLATFORM_ACTOR, correlationId: ctx.correlationId },
                ),
              )
              .commit(),
          ]
        : []),
      // The platform's log: who did it.
      ...auditAndEvent(entities, ctx, {
        action: newFirm ? 'firm.created' : 'firm.person_invited',
        entityType: 'firm',
        entityId: firm.tenantId,
        changes: newFirm
          ? [
              { field: 'slug', from: null, to: firm.slug },
              { field: 'name', from: null, to: firm.name },
              { field: 'admin', from: null, to: person.email },
            ]
          : [{ field: person.role, from: null, to: person.email }],
      }),
    ],
    newFirm ? `slug ${firm.slug} was claimed a moment ago.` : `${person.email} was invited a moment ago.`,
  );
  return invitationId;
}

/**
 * Suspends or reactivates a firm: its people are refused (functions/lib/auth.ts) or let back in.
 * Nothing of the firm changes but its status; the reason is kept in the platform's log.
 */
export async function setFirmStatus(firmId: string, status: Firm['status'], reason: string, ctx: ChangeContext): Promise<FirmView> {
  const firm = await firmById(firmId);
  if (firm.status === status) throw new AppError('conflict', `${firm.name} is ${status} already.`);
  if (firm.deleteAfter) throw new AppError('conflict', `${firm.name} is to be deleted: cancel that first.`);
  const db = database();
  await commitTransaction(
    db,
    (entities) => [
      entities.tenant
        .patch({ tenantId: firmId })
        .set({ status })
        .where((a, op) => op.eq(a.status, firm.status))
        .commit(),
      entities.outbox
        .create(
          outboxItem(firmId, status === 'suspended' ? { type: 'firm.suspended', detail: { reason } } : { type: 'firm.reactivated', detail: {} }, {
            entityId: firmId,
            actorId: PLATFORM_ACTOR,
            correlationId: ctx.correlationId,
          }),
        )
        .commit(),
      ...auditAndEvent(entities, ctx, {
        action: status === 'suspended' ? 'firm.suspended' : 'firm.reactivated',
        entityType: 'firm',
        entityId: firmId,
        changes: [
          { field: 'status', from: firm.status, to: status },
          { field: 'reason', from: null, to: reason },
        ],
      }),
    ],
    `${firm.name} was changed a moment ago. Reload and try again.`,
  );
  const [view] = await firmViews([{ ...firm, status }]);
  return view!;
}
