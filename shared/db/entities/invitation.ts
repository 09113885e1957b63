import { Entity } from '../entity.ts';
import { LOCALES } from '../../domain/locales.ts';
import { ROLES } from '../../domain/identity/permissions.ts';

/** An invitation to join a firm. The emailed link's secret is stored only as a hash. */
export const Invitation = new Entity({
  model: { entity: 'invitation', version: '1', service: 'portal' },
  attributes: {
    tenantId: { type: 'string', required: true, readOnly: true },
    invitationId: { type: 'string', required: true, readOnly: true },
    /** The invited person's user id: their identity's Cognito sub, or the guest account the invitation claims (ADR 0012). */
    userId: { type: 'string', required: true, readOnly: true },
    email: { type: 'string', required: true },
    name: { type: 'string', required: true },
    role: { type: ROLES, required: true },
    locale: { type: LOCALES, required: true },
    invitedBy: { type: 'string', required: true },
    /** 'self': a client signed up; the link verifies their email. */
    source: { type: ['firm', 'self'] as const, required: true, default: 'firm' },
    /**
     * 'expired': the link ran out (the daily expire-invitations job); 'unsent': made by a firm's
     * import, for an admin to send when the firm is ready (functions/platform/imported-people.ts).
     * Sending either makes it pending.
     */
    status: { type: ['pending', 'accepted', 'revoked', 'expired', 'unsent'] as const, required: true, default: 'pending' },
    secretHash: { type: 'string' },
    /**
     * The address already signs in with another firm (one address, one firm). The firm is
     * answered as for anyone, so it learns nothing of other firms' people; the address's owner
     * is told by email instead of getting a link.
     */
    elsewhere: { type: 'boolean' },
    /** Epoch seconds after which the link no longer works (not the table's TTL: the record stays). */
    linkExpiresAt: { type: 'number', required: true },
    createdAt: { type: 'string', required: true, readOnly: true, default: () => new Date().toISOString() },
    acceptedAt: { type: 'string' },
  },
  indexes: {
    byTenant: {
      pk: { field: 'pk', composite: ['tenantId'], template: 't#${tenantId}' },
      sk: { field: 'sk', composite: ['invitationId'], template: 'invitation#${invitationId}' },
    },
    /** A firm's invitations in the order they were made (the admins read the newest first). */
    byCreated: {
      index: 'gsi1',
      pk: { field: 'gsi1pk', composite: ['tenantId'], template: 't#${tenantId}#invitations' },
      sk: { field: 'gsi1sk', composite: ['createdAt', 'invitationId'], template: '${createdAt}#${invitationId}' },
    },
  },
});
