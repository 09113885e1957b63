/**
 * Work on an address someone typed, done after the answer (ADR 0017): the one write that every
 * address gets alike, an event for the accounts consumer carrying where the request came from.
 */
import { outboxItem } from '../../shared/db/mutation.ts';
import { ANONYMOUS_ACTOR } from '../../shared/domain/audit/actor.ts';
import type { DomainEvent, EventDetailInput } from '../../shared/events/catalogue.ts';
import type { ACCOUNT_REQUEST_EVENTS } from '../../shared/events/rules.ts';
import type { Request } from '../lib/http.ts';

type AskedEvent = {
  [T in (typeof ACCOUNT_REQUEST_EVENTS)[number]]: { type: T; detail: Omit<EventDetailInput<T>, 'ip' | 'userAgent'> };
}[(typeof ACCOUNT_REQUEST_EVENTS)[number]];

/** The event of what was asked about a typed address, with where the request came from; `about` names what it concerns in the audit. */
export const askedAbout = (req: Request, tenantId: string, { type, detail }: AskedEvent, about: string) =>
  // The type and its detail belong together by AskedEvent; TypeScript cannot see that once ip and userAgent are added.
  outboxItem(tenantId, { type, detail: { ...detail, ip: req.ip, userAgent: req.userAgent.slice(0, 512) } } as DomainEvent, {
    entityId: about,
    actorId: ANONYMOUS_ACTOR,
    correlationId: req.requestId,
  });
