/**
 * Sign-ups, password resets and failed sign-ins of a typed address, looked into after the answer (ADR 0017):
 * whether the address has an account decides what happens, never how fast the asker is
 * answered. The only consumer that may read and create sign-in identities. Each event is
 * handled once (idempotency marker).
 */
import { Logger } from '@aws-lambda-powertools/logger';
import type { EventBridgeEvent } from 'aws-lambda';
import * as z from 'zod/mini';
import { once } from '../../../shared/db/idempotency.ts';
import type { DomainEventDetail } from '../../../shared/events/rules.ts';
import { recordFailedSignIn, recordResetRequest } from '../asked-for-address.ts';
import type { Locale } from '../../../shared/domain/locales.ts';
import { recordSignUp } from '../sign-up-request.ts';

const logger = new Logger({ serviceName: 'accounts' });

const origin = (d: DomainEventDetail) => ({ ip: d.ip as string | undefined, userAgent: d.userAgent as string | undefined, at: new Date(d.at) });

const WORK: Record<string, (d: DomainEventDetail) => Promise<void>> = {
  'auth.password_reset_asked': (d) => recordResetRequest({ email: String(d.email), ...origin(d) }),
  'auth.sign_in_failed': (d) => recordFailedSignIn({ email: String(d.email), paused: d.paused === true, ...origin(d) }),
  'auth.signup_asked': (d) => recordSignUp({ tenantId: d.tenantId, name: String(d.name), email: String(d.email), locale: d.locale as Locale, ...origin(d) }),
};

const typedAddress = z.email();

export async function handler(event: EventBridgeEvent<string, DomainEventDetail>): Promise<void> {
  const work = WORK[event['detail-type']];
  if (!work) return;
  // Written by the API after validating the address; anything else has nothing to look into.
  if (!typedAddress.safeParse(event.detail.email).success) {
    logger.warn('no address to look into', { type: event['detail-type'], eventId: event.detail.eventId });
    return;
  }
  await once({ tenantId: event.detail.tenantId, consumer: 'accounts', eventId: event.detail.eventId }, () => work(event.detail));
}
