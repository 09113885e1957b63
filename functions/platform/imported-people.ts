/**
 * Sign-in for the people of an imported firm (`npm run firm-import`, ADR 0038). Their identities
 * are the old stage's user pool's, so each person who was in the firm, or invited to it, gets one
 * here that signs in as the same user id (`custom:userId`, as a claimed guest's account does) and
 * joins again through an invitation. The firm's admins are emailed theirs at once. Everyone
 * else's waits, unsent, until an admin sends it from People: the firm tells its clients of the
 * move when it is ready, not the import.
 */
import type { EntityItem } from 'electrodb';
import { randomUUID } from 'node:crypto';
import type { User } from '../../shared/db/entities/user.ts';
import { auditAndEvent, commitTransaction, type ChangeContext } from '../../shared/db/mutation.ts';
import { PLATFORM_ACTOR } from '../../shared/domain/audit/actor.ts';
import { isUnclaimedGuest } from '../../shared/domain/identity/guests.ts';
import { createInvitedIdentity } from '../identity/cognito.ts';
import { database, linkExpiry, platformInFirm } from './firms.ts';

type Person = EntityItem<typeof User>;

/** Who is given sign-in: not closed accounts, nor guests' accounts nobody was invited to (their address claims them as anywhere). */
export const rejoins = (person: Pick<Person, 'userId' | 'role' | 'status'>): boolean => person.status !== 'deactivated' && !isUnclaimedGuest(person);

/** Addresses by what their invitation became. `elsewhere`: the address signs in with another firm on this stage (one address, one firm). */
export interface ImportedPeople {
  emailed: string[];
  unsent: string[];
  elsewhere: string[];
}

/** Gives the imported firm's people sign-in and audits the import in the platform's log (`ctx`). */
export async function inviteImportedPeople(
  firm: { tenantId: string; records: number; files: number },
  people: Person[],
  ctx: ChangeContext,
): Promise<ImportedPeople> {
  const { tenantId } = firm;
  const outcome: ImportedPeople = { emailed: [], unsent: [], elsewhere: [] };
  const db = database();
  for (const person of people.filter(rejoins)) {
    const { userId, email, name, role, locale } = person;
    const signsIn = (await createInvitedIdentity(email, tenantId, role, userId)) !== undefined;
    const emailed = role === 'ADMIN';
    const invitationId = randomUUID();
    await commitTransaction(db, (entities) => [
      entities.user
        .patch({ tenantId, userId })
        .set({ status: 'invited' })
        .where((a, op) => op.eq(a.status, person.status))
        .commit(),
      entities.invitation
        .create({
          tenantId,
          invitationId,
          userId,
          email,
          name,
          role,
          locale,
          invitedBy: PLATFORM_ACTOR,
          source: 'firm',
          status: emailed ? 'pending' : 'unsent',
          linkExpiresAt: linkExpiry(),
          ...(!signsIn && { elsewhere: true }),
        })
        .commit(),
      ...auditAndEvent(entities, platformInFirm(tenantId, ctx), {
        action: 'user.invited',
        entityType: 'user',
        entityId: userId,
        changes: [{ field: 'status', from: person.status, to: 'invited' }],
        ...(emailed && { event: { type: 'user.invited', detail: { invitationId, userId, role } } }),
      }),
    ]);
    (!signsIn ? outcome.elsewhere : emailed ? outcome.emailed : outcome.unsent).push(email);
  }
  await commitTransaction(db, (entities) =>
    auditAndEvent(entities, ctx, {
      action: 'firm.imported',
      entityType: 'firm',
      entityId: tenantId,
      changes: [
        { field: 'records', from: null, to: firm.records },
        { field: 'files', from: null, to: firm.files },
        { field: 'people', from: null, to: people.filter(rejoins).length },
      ],
    }),
  );
  return outcome;
}
