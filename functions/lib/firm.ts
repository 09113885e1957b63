/** The signed-in person's firm, for the settings routes that read and change it. */
import type { EntityItem } from 'electrodb';
import { notFound } from '../../shared/api/errors.ts';
import { Tenant } from '../../shared/db/entities/tenant.ts';
import { databaseOf } from '../../shared/db/service.ts';

export type Firm = EntityItem<typeof Tenant>;

const firms = databaseOf({ tenant: Tenant });

export async function firmOf(actor: { tenantId: string }): Promise<Firm> {
  const { data } = await firms().entities.tenant.get({ tenantId: actor.tenantId }).go();
  if (!data) throw notFound('Firm');
  return data;
}
