import type { ChangeContext } from '../../shared/db/mutation.ts';
import type { AuthenticatedActor } from './auth.ts';
import type { Request } from './http.ts';

/** Who made a change and from where, for its audit entry: the caller, or the person a public flow acts for. */
export function changeContext(req: Request, who?: { tenantId: string; userId: string; role: string; name?: string }): ChangeContext {
  const person = who ?? (req.actor as AuthenticatedActor);
  return { tenantId: person.tenantId, actorId: person.userId, actorName: person.name, actorRole: person.role, ip: req.ip, userAgent: req.userAgent };
}
