import type { UserView } from '../../shared/api/schemas/user.ts';
import type { User } from '../../shared/db/entities/user.ts';
import type { EntityItem } from 'electrodb';

/** The public shape of a user: never internal fields such as tokensValidAfter. */
export function toUserView(u: EntityItem<typeof User>): UserView {
  return {
    userId: u.userId,
    email: u.email,
    name: u.name,
    role: u.role,
    status: u.status,
    locale: u.locale,
    timeZone: u.timeZone,
    ...(u.phone && { phone: u.phone }),
    ...(u.company && { company: u.company }),
    ...(u.position && { position: u.position }),
    ...(u.department && { department: u.department }),
    ...(u.skills && { skills: [...u.skills].sort() }),
    ...(u.expertiseLevel && { expertiseLevel: u.expertiseLevel }),
    ...(u.availabilityStatus && { availabilityStatus: u.availabilityStatus }),
    mfaEnabled: u.mfaEnabled ?? false,
    ...(u.emailProblem && { emailProblem: { reason: u.emailProblem, at: u.emailProblemAt ?? '' } }),
  };
}
