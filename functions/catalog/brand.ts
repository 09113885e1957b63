/** The firm's brand as its clients see it: an accent colour that passes the contrast check, and a footer for its emails. */

import { auditAndEvent, commitTransaction } from '../../shared/db/mutation.ts';
import { changeContext } from '../lib/change-context.ts';
import { firmOf, type Firm } from '../lib/firm.ts';
import type { ReplyOf, RequestOf } from '../lib/http.ts';
import { database } from './db.ts';

const FIELDS = { accent: 'brandAccent', emailFooter: 'emailFooter' } as const;

const brandView = (firm: Pick<Firm, 'brandAccent' | 'emailFooter'>) => ({
  ...(firm.brandAccent && { accent: firm.brandAccent }),
  ...(firm.emailFooter && { emailFooter: firm.emailFooter }),
});

export async function getFirmBrand(req: RequestOf<'getFirmBrand'>): Promise<ReplyOf<'getFirmBrand'>> {
  return { body: brandView(await firmOf(req.actor)) };
}

/** What is given changes (null or empty takes it away); the change is audited with before and after. */
export async function updateFirmBrand(req: RequestOf<'updateFirmBrand'>): Promise<ReplyOf<'updateFirmBrand'>> {
  const firm = await firmOf(req.actor);
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
    ...auditAndEvent(entities, changeContext(req), {
      action: 'firm.brand_changed',
      entityType: 'firm',
      entityId: firm.tenantId,
      changes,
      event: { type: 'firm.brand_changed', detail: { fields: changes.map((c) => c.field) } },
    }),
  ]);
  return { body: brandView(next) };
}
