import type { ChangeContext } from '../../shared/db/mutation.ts';
import type { Request, SignedInRequest } from './contract.ts';

interface Person {
  tenantId: string;
  userId: string;
  role: string;
  name?: string;
}

/** Who made a change and from where, for its audit entry: the caller, or the person a public flow acts for. */
export function changeContext(req: SignedInRequest): ChangeContext;
export function changeContext(req: Request, who: Person): ChangeContext;
export function changeContext(req: Request, who?: Person): ChangeContext {
  const person = who ?? req.actor;
  if (!person) throw new Error('A change needs someone to make it: the caller, or the person a public flow acts for.');
  return {
    tenantId: person.tenantId,
    actorId: person.userId,
    actorName: person.name,
    actorRole: person.role,
    ip: req.ip,
    userAgent: req.userAgent,
    correlationId: req.requestId,
  };
}
