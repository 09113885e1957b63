/**
 * A firm's promo codes for bookings: admins list, add and change them; the booking contexts
 * read and count them (functions/bookings/place.ts). A code is unique in its firm and
 * never renamed; `uses` is kept by the bookings that use it, so an edit never resets it.
 */
import type { EntityItem } from 'electrodb';
import { conflict, notFound } from '../../shared/api/errors.ts';
import type { PromoCodeView } from '../../shared/api/schemas/promo-codes.ts';
import type { PromoCode } from '../../shared/db/entities/promo-code.ts';
import { auditAndEvent, commitTransaction } from '../../shared/db/mutation.ts';
import { queryPage } from '../../shared/db/pagination.ts';
import { diffFields } from '../../shared/domain/audit/diff.ts';
import { changeContext } from '../lib/change-context.ts';
import type { ReplyOf, RequestOf } from '../lib/http.ts';
import { database } from './db.ts';

type PromoItem = EntityItem<typeof PromoCode>;
type Terms = Pick<PromoItem, 'kind' | 'value' | 'validFrom' | 'validUntil' | 'maxUses' | 'oncePerClient' | 'minAmount' | 'active'>;

const toView = ({ tenantId: _t, ...view }: PromoItem): PromoCodeView => view;

/** What the audit log shows of a code's terms. */
const audited = (p: Terms) => ({
  kind: p.kind,
  value: p.value,
  validFrom: p.validFrom,
  validUntil: p.validUntil,
  maxUses: p.maxUses,
  oncePerClient: p.oncePerClient,
  minAmount: p.minAmount,
  active: p.active,
});

/** A fixed amount off is in the firm's currency, the one its bookings are priced in. */
async function firmCurrency(tenantId: string): Promise<string> {
  const { data: tenant } = await database().entities.tenant.get({ tenantId }).go();
  if (!tenant) throw notFound('Firm');
  return tenant.currency;
}

export async function listPromoCodes(req: RequestOf<'listPromoCodes'>): Promise<ReplyOf<'listPromoCodes'>> {
  const { tenantId } = req.actor;
  const { limit, cursor } = req.query;
  return { body: await queryPage(cursor, (from) => database().entities.promo.query.byTenant({ tenantId }).go({ limit, cursor: from }), toView) };
}

export async function createPromoCode(req: RequestOf<'createPromoCode'>): Promise<ReplyOf<'createPromoCode'>> {
  const { tenantId } = req.actor;
  const item: PromoItem = {
    ...req.body,
    tenantId,
    uses: 0,
    createdAt: new Date().toISOString(),
    version: 1,
    ...(req.body.kind === 'fixed' && { currency: await firmCurrency(tenantId) }),
  };
  await commitTransaction(
    database(),
    (entities) => [
      entities.promo.create(item).commit(),
      ...auditAndEvent(entities, changeContext(req), {
        action: 'promo.created',
        entityType: 'promo_code',
        entityId: item.code,
        changes: diffFields({}, audited(item)),
      }),
    ],
    `There is already a code ${item.code}. Change that one, or choose another code.`,
  );
  return { status: 201, body: toView(item) };
}

export async function updatePromoCode(req: RequestOf<'updatePromoCode'>): Promise<ReplyOf<'updatePromoCode'>> {
  const { tenantId } = req.actor;
  const code = req.params.code.toUpperCase();
  const { data: current } = await database().entities.promo.get({ tenantId, code }).go();
  if (!current) throw notFound('Promo code');
  const { version, ...terms } = req.body;
  const stale = `${code} was changed by someone else meanwhile. Reload to see those changes, then try again.`;
  if (version !== current.version) throw conflict(stale);
  const changes = diffFields(audited(current), audited(terms));
  if (!changes.length) return { body: toView(current) };
  const currency = terms.kind === 'fixed' ? (current.currency ?? (await firmCurrency(tenantId))) : undefined;
  // Optional terms left out are removed, not kept: the admin sent the whole terms.
  const next: PromoItem = { ...current, validFrom: undefined, validUntil: undefined, ...terms, currency, version: current.version + 1 };
  const removed = (['validFrom', 'validUntil', 'currency'] as const).filter((k) => next[k] === undefined);
  await commitTransaction(
    database(),
    (entities) => [
      (removed.length ? entities.promo.patch({ tenantId, code }).remove(removed) : entities.promo.patch({ tenantId, code }))
        .set({ ...terms, ...(currency && { currency }), version: next.version })
        .where((a, op) => op.eq(a.version, version))
        .commit(),
      ...auditAndEvent(entities, changeContext(req), { action: 'promo.changed', entityType: 'promo_code', entityId: code, changes }),
    ],
    stale,
  );
  return { body: toView(next) };
}
