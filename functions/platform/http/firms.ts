/**
 * The platform operator's firms (ADR 0035): list, make, look into, suspend, reactivate, delete
 * (ADR 0039). Only
 * operators hold `platform.manage`, and only in the platform's own tenant: a firm's person who
 * somehow held it would still be refused here.
 */
import { forbidden } from '../../../shared/api/errors.ts';
import { FIRMS_OPERATIONS } from '../../../shared/api/operations/firms.ts';
import { FIRMS_SCHEMAS } from '../../../shared/api/schemas/firms.ts';
import { PLATFORM_ACTOR } from '../../../shared/domain/audit/actor.ts';
import { queryPage } from '../../../shared/db/pagination.ts';
import { PLATFORM_TENANT_ID, STANDING_PERIOD, usageMonthOf } from '../../../shared/domain/platform/firms.ts';
import { actorFromClaims, type AuthenticatedActor } from '../../lib/auth.ts';
import { changeContext } from '../../lib/change-context.ts';
import { contextHandler, type ReplyOf, type RequestOf, type SignedInRequest } from '../../lib/http.ts';
import { cancelFirmDeletion, scheduleFirmDeletion } from '../firm-deletion.ts';
import { closingExport } from '../firm-exports.ts';
import { createFirm, database, firmById, firmViews, monthFigures, setFirmStatus, toFirmView, usageOf } from '../firms.ts';

async function operator(claims: Parameters<typeof actorFromClaims>[0]): Promise<AuthenticatedActor> {
  const actor = await actorFromClaims(claims);
  if (actor.tenantId !== PLATFORM_TENANT_ID) throw forbidden('Only the platform’s operators manage firms.');
  return actor;
}

async function listFirms(req: RequestOf<'listFirms'>): Promise<ReplyOf<'listFirms'>> {
  const { limit, cursor, status } = req.query;
  const page = await queryPage(
    cursor,
    (from) =>
      database()
        .entities.tenant.query.directory({})
        .where((a, op) => `${op.ne(a.tenantId, PLATFORM_TENANT_ID)}${status ? ` AND ${op.eq(a.status, status)}` : ''}`)
        .go({ limit, cursor: from }),
    (firm) => firm,
  );
  // One batch for the page: each firm's standing figures and this month's.
  return { body: { items: await firmViews(page.items), nextCursor: page.nextCursor } };
}

async function createFirmRoute(req: RequestOf<'createFirm'>): Promise<ReplyOf<'createFirm'>> {
  return { status: 201, body: await createFirm(req.body, changeContext(req)) };
}

async function getFirm(req: RequestOf<'getFirm'>): Promise<ReplyOf<'getFirm'>> {
  const firm = await firmById(req.params.firmId);
  const thisMonth = usageMonthOf(new Date());
  const month = req.query.month ?? thisMonth;
  const [of, { data: invitations }, closing] = await Promise.all([
    usageOf([firm.tenantId], [STANDING_PERIOD, thisMonth, month]),
    // The firm's first invitations: the first admin's is among its earliest.
    database().entities.invitation.query.byCreated({ tenantId: firm.tenantId }).go({ limit: 5 }),
    firm.closingExportId ? closingExport(firm.tenantId, firm.closingExportId) : null,
  ]);
  const admin = invitations.find((i) => i.role === 'ADMIN' && i.status === 'pending' && i.invitedBy === PLATFORM_ACTOR);
  return {
    body: {
      ...toFirmView(firm, of(firm.tenantId, STANDING_PERIOD), of(firm.tenantId, thisMonth)),
      month,
      usage: monthFigures(of(firm.tenantId, month)),
      pendingAdmin: admin ? { email: admin.email, name: admin.name, expiresAt: new Date(admin.linkExpiresAt * 1000).toISOString() } : null,
      closingExport: closing,
    },
  };
}

const statusRoute = (status: 'active' | 'suspended') => async (req: SignedInRequest & { params: { firmId: string }; body: { reason: string } }) => ({
  body: await setFirmStatus(req.params.firmId, status, req.body.reason, changeContext(req)),
});

export const handler = contextHandler({
  routes: FIRMS_OPERATIONS,
  schemas: FIRMS_SCHEMAS,
  operations: {
    listFirms,
    createFirm: createFirmRoute,
    getFirm,
    suspendFirm: statusRoute('suspended'),
    reactivateFirm: statusRoute('active'),
    scheduleFirmDeletion: async (req) => ({ body: await scheduleFirmDeletion(req.params.firmId, req.body, changeContext(req)) }),
    cancelFirmDeletion: async (req) => ({ body: await cancelFirmDeletion(req.params.firmId, req.body.reason, changeContext(req)) }),
  },
  authenticate: operator,
});
