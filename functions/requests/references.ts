import type { Counter } from '../../shared/db/entities/counter.ts';

const FIRST_REFERENCE = 1000;

/** Per-firm request reference (SR-1042): an atomic counter, so a failed write leaves a gap, never a duplicate. */
export async function nextReference(entities: { counter: typeof Counter }, tenantId: string): Promise<string> {
  const { data } = await entities.counter.update({ tenantId, name: 'requests' }).add({ value: 1 }).go({ response: 'all_new' });
  return `SR-${FIRST_REFERENCE + (data.value ?? 0)}`;
}
