/** The firm's brand as its clients see it: an accent colour that passes the contrast check, and a footer for its emails. */
import type { EntityItem } from 'electrodb';
import { notFound } from '../../shared/api/errors.ts';
import type { Tenant } from '../../shared/db/entities/tenant.ts';
import { auditAndEvent, commitTransaction } from '../../shared/db/mutation.ts';
import { changeContext } from '../lib/change-context.ts';
import type { ReplyOf, RequestOf, SignedInRequest } from '../lib/http.ts';
import { database } from './db.ts';

type Firm = EntityItem<typeof Tenant>;
const FIELDS = { accent: 'brandAccent', emailFooter: 'emailFooter' } as const;

async function firmOf(req: SignedInRequest): Promise<Firm> {
  const { data } = await database().entities.tenant.get({ tenantId: req.actor.tenantId }).go();
  if (!data) throw notFound('Firm');
  return data;
}

const brandView = (firm: Pick<Firm, 'brandAccent' | 'emailFooter'>) => ({
  ...(firm.brandAccent && { accent: firm.brandAccent }),
  ...(firm.emailFooter && { emailFooter: firm.emailFooter }),
});

export async function getFirmBrand(req: RequestOf<'getFirmBrand'>): Promise<ReplyOf<'getFirmBrand'>> {
  return { body: brandView(await firmOf(req)) };
}

/** What is given changes (null or empty takes it away); the change is audited with before and after. */
export async function updateFirmBrand(req: RequestOf<'updateFirmBrand'>): Promise<ReplyOf<'updateFirmBrand'>> {
  const firm = await firmOf(req);
  const next = { ...firm };
  const changes: { field: string; from: string | null; to: string | null }[] = [];
  for (const [field, attribute] of Object.entries(FIELDS) as [keyof typeof FIELDS, (typeof FIELDS)[keyof typeof FIELDS]][]) {
    const given = req.body[field];
    if (given === undefined) continue;
    const value = given || undefined;
    if (value === firm[attribute]) continue;
    changes.push({ field, from: firm[attribute] ?? null, to: value ?? null });
    next[attribute] = value;
  }
  if (!changes.length) return { body: brandView(firm) };
  const key = { tenantId: firm.tenantId };
  const cleared = (Object.values(FIELDS) as (typeof FIELDS)[keyof typeof FIELDS][]).filter((a) => next[a] === undefined && firm[a] !== undefined);
  const set = Object.fromEntries(Object.values(FIELDS).flatMap((a) => (next[a] !== undefined ? [[a, next[a]]] : [])));
  await commitTransaction(database(), (entities) => [
    (cleared.length ? entities.tenant.patch(key).remove(cleared) : entities.tenant.patch(key)).set(set).commit(),
    ...auditAndEvent(entities, changeContext(req), { action: 'firm.brand_changed', entityType: 'firm', entityId: firm.tenantId, changes }),
  ]);
  return { body: brandView(next) };
}
