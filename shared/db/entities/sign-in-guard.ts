import { Entity } from '../entity.ts';

/**
 * Counters kept before anyone is known (failed sign-ins, sign-up emails, guest bookings), so not under a firm's key: per account
 * (a hash of the email, existing or not, so a lock reveals nothing) and per source address
 * and time window. TTL clears them; reads check the time themselves.
 */
export const SignInGuard = new Entity({
  model: { entity: 'signInGuard', version: '1', service: 'portal' },
  attributes: {
    /**
     * 'signup': one sign-up email a minute per firm and address; 'guest-booking': guest bookings per firm, address and hour;
     * 'promo-guess': wrong promo codes per firm (and address) and window; 'widget': website-widget
     * conversations and messages per firm (and address) and hour.
     */
    scope: { type: ['account', 'source', 'signup', 'guest-booking', 'promo-guess', 'widget'] as const, required: true, readOnly: true },
    subject: { type: 'string', required: true, readOnly: true },
    failures: { type: 'number', required: true, default: 0 },
    /** Epoch seconds: sign-in refused until then. */
    lockedUntil: { type: 'number' },
    expiresAt: { type: 'number', required: true },
  },
  indexes: {
    bySubject: {
      pk: { field: 'pk', composite: ['scope', 'subject'], template: 'guard#${scope}#${subject}' },
      sk: { field: 'sk', composite: [], template: 'guard' },
    },
  },
});
