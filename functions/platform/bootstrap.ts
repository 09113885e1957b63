/**
 * What `npm run bootstrap` does on a stage (infra/tools/bootstrap.ts): the first platform
 * operator, or a firm with its first admin. Each is idempotent: what exists already is reported
 * and left alone, and a run that failed half-way is finished by running it again (ADR 0035).
 */
import { conflict } from '../../shared/api/errors.ts';
import type { CreateFirmInput } from '../../shared/api/schemas/firms.ts';
import type { ChangeContext } from '../../shared/db/mutation.ts';
import { PLATFORM_TENANT, PLATFORM_TENANT_ID, firmIdOf } from '../../shared/domain/platform/firms.ts';
import { createInvitedIdentity } from '../identity/cognito.ts';
import { commitFirstPerson, createFirm, database, newFirm } from './firms.ts';

export type Outcome = { made: boolean; tenantId: string; email: string; status: 'invited' | 'active' | 'deactivated' };

async function personIn(tenantId: string, email: string) {
  const { data } = await database().entities.user.query.byEmail({ tenantId, email }).go({ limit: 1 });
  return data[0];
}

/** A platform operator (SUPER_ADMIN of the platform's tenant, made on the first run), invited by email. */
export async function ensureOperator(person: { email: string; name: string }, ctx: ChangeContext): Promise<Outcome> {
  const [{ data: platform }, known] = await Promise.all([
    database().entities.tenant.get({ tenantId: PLATFORM_TENANT_ID }).go(),
    personIn(PLATFORM_TENANT_ID, person.email),
  ]);
  if (known) return { made: false, tenantId: PLATFORM_TENANT_ID, email: person.email, status: known.status };
  const userId = await createInvitedIdentity(person.email, PLATFORM_TENANT_ID, 'SUPER_ADMIN');
  if (!userId) throw conflict(`${person.email} signs in with a firm already (one address, one firm or the platform): use another address.`);
  await commitFirstPerson(platform ?? newFirm(PLATFORM_TENANT), { ...person, userId, role: 'SUPER_ADMIN' }, ctx, {
    newFirm: !platform,
  });
  return { made: true, tenantId: PLATFORM_TENANT_ID, email: person.email, status: 'invited' };
}

/** A firm with its first admin: made as the platform area makes it, unless it exists with that admin already. */
export async function ensureFirm(input: CreateFirmInput, ctx: ChangeContext): Promise<Outcome> {
  const tenantId = firmIdOf(input.slug);
  const { data: firm } = await database().entities.tenant.get({ tenantId }).go();
  if (firm) {
    const admin = await personIn(tenantId, input.admin.email);
    if (!admin) throw conflict(`${input.slug} is the address of ${firm.name}, which ${input.admin.email} is not part of: choose another address.`);
    return { made: false, tenantId, email: input.admin.email, status: admin.status };
  }
  await createFirm(input, ctx);
  return { made: true, tenantId, email: input.admin.email, status: 'invited' };
}
