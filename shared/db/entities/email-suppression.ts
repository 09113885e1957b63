import { Entity } from '../entity.ts';
import { EMAIL_PROBLEMS } from '../../domain/notifications/email-feedback.ts';

/**
 * An address the portal no longer sends to: it bounced for good, or its owner marked our email
 * as spam (SES's feedback, ADR 0036). Keyed by the address itself, not a firm: guests and
 * visitors have no account, and one address is one person wherever it is used. A changed
 * address is a new one; an admin may also let sending resume.
 */
export const EmailSuppression = new Entity({
  model: { entity: 'emailSuppression', version: '1', service: 'portal' },
  attributes: {
    address: { type: 'string', required: true, readOnly: true },
    reason: { type: EMAIL_PROBLEMS, required: true },
    at: { type: 'string', required: true },
    /** SES's words for it (the bounce's diagnostic, or the complaint's type), for whoever looks into it. */
    detail: { type: 'string' },
  },
  indexes: {
    byAddress: {
      pk: { field: 'pk', composite: ['address'], template: 'email#${address}' },
      sk: { field: 'sk', composite: [], template: 'suppression' },
    },
  },
});
