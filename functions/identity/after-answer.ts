/**
 * Work on an address someone typed, done after the answer (ADR 0017): the one write that every
 * address gets alike, an event for the accounts consumer carrying where the request came from.
 */
import { outboxItem } from '../../shared/db/mutation.ts';
import { ANONYMOUS_ACTOR } from '../../shared/domain/audit/actor.ts';
import type { ACCOUNT_REQUEST_EVENTS } from '../../shared/events/rules.ts';
import type { Request } from '../lib/http.ts';

export const askedAbout = (
  req: Request,
  tenantId: string,
  type: (typeof ACCOUNT_REQUEST_EVENTS)[number],
  about: { email: string; entityId: string; [field: string]: unknown },
) => outboxItem(tenantId, type, { ...about, ip: req.ip, userAgent: req.userAgent.slice(0, 512), actorId: ANONYMOUS_ACTOR });
