/** The firm's review rules: whether new requests are reviewed before work starts, and above which value. */

import { auditAndEvent, commitTransaction } from '../../shared/db/mutation.ts';
import { reviewPolicyOf } from '../../shared/domain/requests/review.ts';
import { changeContext } from '../lib/change-context.ts';
import { firmOf, type Firm } from '../lib/firm.ts';
import type { ReplyOf, RequestOf } from '../lib/http.ts';
import { database } from './workflow-db.ts';

const settingsView = (firm: Firm) => {
  const { reviewRequests, reviewAbove } = reviewPolicyOf(firm);
  return { reviewRequests, ...(reviewAbove !== undefined && { reviewAbove }), currency: firm.currency };
};

export async function getRequestSettings(req: RequestOf<'getRequestSettings'>): Promise<ReplyOf<'getRequestSettings'>> {
  return { body: settingsView(await firmOf(req.actor)) };
}

export async function updateRequestSettings(req: RequestOf<'updateRequestSettings'>): Promise<ReplyOf<'updateRequestSettings'>> {
  const firm = await firmOf(req.actor);
  const before = reviewPolicyOf(firm);
  const { reviewRequests = before.reviewRequests, reviewAbove } = req.body;
  const after = { reviewRequests, reviewAbove: reviewAbove === undefined ? before.reviewAbove : (reviewAbove ?? undefined) };
  const changes = (['reviewRequests', 'reviewAbove'] as const)
    .filter((f) => before[f] !== after[f])
    .map((field) => ({ field, from: before[field] ?? null, to: after[field] ?? null }));
  if (!changes.length) return { body: settingsView(firm) };
  const key = { tenantId: firm.tenantId };
  await commitTransaction(database(), (entities) => [
    (after.reviewAbove === undefined ? entities.tenant.patch(key).remove(['reviewAbove']) : entities.tenant.patch(key).set({ reviewAbove: after.reviewAbove }))
      .set({ reviewRequests: after.reviewRequests })
      .commit(),
    ...auditAndEvent(entities, changeContext(req), {
      action: 'firm.request_settings_changed',
      entityType: 'firm',
      entityId: firm.tenantId,
      changes,
      event: { type: 'firm.request_settings_changed', detail: { fields: changes.map((c) => c.field) } },
    }),
  ]);
  return { body: settingsView({ ...firm, ...after }) };
}
