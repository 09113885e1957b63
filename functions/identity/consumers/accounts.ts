/**
 * Sign-ups, password resets and failed sign-ins of a typed address, looked into after the answer (ADR 0017):
 * whether the address has an account decides what happens, never how fast the asker is
 * answered. The only consumer that may read and create sign-in identities. Each event is
 * handled once (the consumer chain's marker).
 */
import * as z from 'zod/mini';
import type { EventDetail } from '../../../shared/events/catalogue.ts';
import { consumerHandler, type Reaction } from '../../lib/consumer.ts';
import { recordFailedSignIn, recordResetRequest } from '../asked-for-address.ts';
import { recordSignUp } from '../sign-up-request.ts';

type Asked = 'auth.password_reset_asked' | 'auth.sign_in_failed' | 'auth.signup_asked';

const origin = (d: EventDetail<Asked>) => ({ ip: d.ip, userAgent: d.userAgent, at: new Date(d.at) });

const typedAddress = z.email();

/** The API validated the address before writing the event; anything else has nothing to look into. */
const forAddress =
  <T extends Asked>(work: Reaction<T>): Reaction<T> =>
  async (d, type) =>
    typedAddress.safeParse(d.email).success ? work(d, type) : 'skipped';

export const handler = consumerHandler({
  name: 'accounts',
  idempotency: 'marker',
  reactions: {
    'auth.password_reset_asked': forAddress((d) => recordResetRequest({ email: d.email, ...origin(d) })),
    'auth.sign_in_failed': forAddress((d) => recordFailedSignIn({ email: d.email, paused: d.paused, ...origin(d) })),
    'auth.signup_asked': forAddress((d) => recordSignUp({ tenantId: d.tenantId, name: d.name, email: d.email, locale: d.locale, ...origin(d) })),
  },
});
