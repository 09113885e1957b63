/**
 * A person's booking profile. Anyone keeps their own reminders; staff also say whether they
 * take bookings, how many at once and a day, and when they are away (the availability engine
 * reads all of it). Those who manage users may set anyone's in their firm. Audited.
 */
import type { EntityItem } from 'electrodb';
import { conflict, forbidden, notFound, validationFailed } from '../../shared/api/errors.ts';
import type { User } from '../../shared/db/entities/user.ts';
import { auditAndEvent, commitTransaction } from '../../shared/db/mutation.ts';
import { diffFields } from '../../shared/domain/audit/diff.ts';
import { DEFAULT_REMINDER_OFFSETS } from '../../shared/domain/bookings/settings.ts';
import { hasPermission } from '../../shared/domain/identity/policy.ts';
import { isStaff } from '../../shared/domain/identity/permissions.ts';
import { changeContext } from '../lib/change-context.ts';
import type { ReplyOf, RequestOf, SignedInRequest, WithParams } from '../lib/http.ts';
import { database } from './db.ts';

type UserItem = EntityItem<typeof User>;
const STAFF_FIELDS = ['takesBookings', 'maxConcurrentBookings', 'maxBookingsPerDay', 'timeOff'] as const;

const viewOf = (u: UserItem) => ({
  userId: u.userId,
  isStaff: isStaff(u.role),
  reminderOffsets: u.reminderOffsets?.length ? u.reminderOffsets : DEFAULT_REMINDER_OFFSETS,
  reminderEmail: u.reminderEmail ?? true,
  reminderSms: u.reminderSms ?? false,
  takesBookings: u.takesBookings ?? true,
  maxConcurrentBookings: u.maxConcurrentBookings ?? 1,
  maxBookingsPerDay: u.maxBookingsPerDay ?? 0,
  timeOff: (u.timeOff ?? []).map((t) => ({ start: t.start, end: t.end, reason: t.reason ?? '' })),
  version: u.version,
});

/** The person of the path, if it is the caller or the caller manages users; 404 across firms. */
async function personOf(req: SignedInRequest & WithParams<'userId'>): Promise<UserItem> {
  const { actor } = req;
  const userId = req.params.userId === 'me' ? actor.userId : req.params.userId;
  if (userId !== actor.userId && !hasPermission(actor, 'users.manage')) throw forbidden();
  const { data } = await database().entities.user.get({ tenantId: actor.tenantId, userId }).go();
  if (!data) throw notFound('Person');
  return data;
}

export async function getBookingProfile(req: RequestOf<'getBookingProfile'>): Promise<ReplyOf<'getBookingProfile'>> {
  return { body: viewOf(await personOf(req)) };
}

export async function updateBookingProfile(req: RequestOf<'updateBookingProfile'>): Promise<ReplyOf<'updateBookingProfile'>> {
  const person = await personOf(req);
  const { version, ...fields } = req.body;
  if (!isStaff(person.role)) {
    const staffOnly = STAFF_FIELDS.filter((f) => fields[f] !== undefined);
    if (staffOnly.length) throw validationFailed(staffOnly.map((field) => ({ field, message: 'is for team members only' })));
  }
  if (version !== person.version) throw conflict('This profile was changed meanwhile. Reload to see it as it is now.');
  const next = {
    ...person,
    ...fields,
    ...(fields.reminderOffsets && { reminderOffsets: [...new Set(fields.reminderOffsets)].sort((a, b) => b - a) }),
    version: person.version + 1,
  };
  const flat = (u: UserItem) =>
    Object.fromEntries(
      Object.entries(viewOf(u))
        .filter(([k]) => k !== 'version' && k !== 'userId')
        .map(([k, v]) => [k, typeof v === 'object' ? JSON.stringify(v) : v]),
    );
  const changes = diffFields(flat(person), flat(next));
  if (!changes.length) return { body: viewOf(person) };
  const { version: _v, userId: _u, isStaff: _s, ...set } = viewOf(next);
  await commitTransaction(database(), (entities) => [
    entities.user
      .patch({ tenantId: person.tenantId, userId: person.userId })
      .set({ ...set, version: next.version })
      .where((a, op) => op.eq(a.version, version))
      .commit(),
    ...auditAndEvent(entities, changeContext(req), { action: 'user.booking_profile_changed', entityType: 'user', entityId: person.userId, changes }),
  ]);
  return { body: viewOf(next) };
}
