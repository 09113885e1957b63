import { Entity } from '../entity.ts';
import { DEFAULT_LOCALE, LOCALES } from '../../domain/locales.ts';
import { CONTACT_ACCESS, CONTACT_ROLES } from '../../domain/customers/customers.ts';
import { ROLES } from '../../domain/identity/permissions.ts';
import { DIGESTS } from '../../domain/notifications/email.ts';
import { EMAIL_PROBLEMS } from '../../domain/notifications/email-feedback.ts';
import { NO_CUSTOMER, hasCustomer } from './customer.ts';

const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

/** A person in a firm: client or staff. The id is the Cognito `sub`. Never hard-deleted. */
export const User = new Entity({
  model: { entity: 'user', version: '1', service: 'portal' },
  attributes: {
    tenantId: { type: 'string', required: true, readOnly: true },
    userId: { type: 'string', required: true, readOnly: true },
    email: { type: 'string', required: true },
    name: { type: 'string', required: true },
    phone: { type: 'string' },
    role: { type: ROLES, required: true },
    status: { type: ['invited', 'active', 'deactivated'] as const, required: true, default: 'active' },
    locale: { type: LOCALES, required: true, default: DEFAULT_LOCALE },
    timeZone: { type: 'string', required: true, default: 'UTC' },
    company: { type: 'string' },
    // A client user is a contact of one customer (shared/domain/customers); staff have none of these.
    customerId: { type: 'string', required: true, default: NO_CUSTOMER },
    isPrimaryContact: { type: 'boolean' },
    contactRole: { type: CONTACT_ROLES },
    contactAccess: { type: CONTACT_ACCESS },
    // Staff profile (empty for clients).
    employeeId: { type: 'string' },
    department: { type: 'string' },
    position: { type: 'string' },
    skills: { type: 'set', items: 'string' },
    expertiseLevel: { type: ['junior', 'intermediate', 'senior', 'expert'] as const },
    /** Minor units of the firm's currency per hour. */
    hourlyRate: { type: 'number' },
    availabilityStatus: { type: ['available', 'busy', 'offline', 'on_leave'] as const },
    maxConcurrentProjects: { type: 'number', default: 3 },
    hireDate: { type: 'string' },
    managerId: { type: 'string' },
    /** Local wall-clock hours per weekday in `timeZone`, e.g. { mon: [{ start: '09:00', end: '17:00' }] }. */
    workingHours: {
      type: 'map',
      properties: Object.fromEntries(
        WEEKDAYS.map((d) => [d, { type: 'list', items: { type: 'map', properties: { start: { type: 'string' }, end: { type: 'string' } } } }]),
      ) as Record<(typeof WEEKDAYS)[number], { type: 'list'; items: { type: 'map'; properties: { start: { type: 'string' }; end: { type: 'string' } } } }>,
    },
    // Bookings: what the availability engine needs of staff, and everyone's reminder wishes.
    /** Whether bookings may be given to this person (automatically or chosen by a client). */
    takesBookings: { type: 'boolean', default: true },
    maxConcurrentBookings: { type: 'number', default: 1 },
    /** 0 = no limit. */
    maxBookingsPerDay: { type: 'number', default: 0 },
    timeOff: {
      type: 'list',
      items: { type: 'map', properties: { start: { type: 'string', required: true }, end: { type: 'string', required: true }, reason: { type: 'string' } } },
    },
    /** Minutes before a booking to remind (default 24 h and 2 h). */
    reminderOffsets: { type: 'list', items: { type: 'number' } },
    reminderEmail: { type: 'boolean', default: true },
    /** Kept for an SMS provider to come; nothing sends SMS yet. */
    reminderSms: { type: 'boolean', default: false },
    /** How notification emails come (shared/domain/notifications/email.ts): each at once, or in an hourly or daily digest. */
    emailDigest: { type: DIGESTS },
    /** The notification kinds this person does not want by email. */
    emailOff: { type: 'list', items: { type: 'string' } },
    /** Extra permissions beyond the role's, each until it expires (checked by the policy module). */
    grants: {
      type: 'list',
      items: {
        type: 'map',
        properties: {
          grantId: { type: 'string', required: true },
          permission: { type: 'string', required: true },
          expiresAt: { type: 'string', required: true },
          grantedBy: { type: 'string', required: true },
          grantedAt: { type: 'string', required: true },
        },
      },
    },
    /** TOTP two-step sign-in is on (Cognito enforces it at sign-in; this is for display). */
    mfaEnabled: { type: 'boolean', default: false },
    /** SES said mail to this address bounced for good, or its owner marked it as spam: the portal stopped sending to it (ADR 0036). */
    emailProblem: { type: EMAIL_PROBLEMS },
    emailProblemAt: { type: 'string' },
    /** Tokens issued before this instant are refused (logout, deactivation, role change). */
    tokensValidAfter: { type: 'string' },
    version: { type: 'number', required: true, default: 1 },
    createdAt: { type: 'string', required: true, readOnly: true, default: () => new Date().toISOString() },
    updatedAt: { type: 'string', required: true, default: () => new Date().toISOString(), watch: '*', set: () => new Date().toISOString() },
  },
  indexes: {
    byTenant: {
      pk: { field: 'pk', composite: ['tenantId'], template: 't#${tenantId}' },
      sk: { field: 'sk', composite: ['userId'], template: 'user#${userId}' },
    },
    /** Who holds a role in a firm (for example: the admins to notify). */
    byRole: {
      index: 'gsi2',
      pk: { field: 'gsi2pk', composite: ['tenantId', 'role'], template: 't#${tenantId}#role#${role}' },
      sk: { field: 'gsi2sk', composite: ['userId'], template: '${userId}' },
    },
    byEmail: {
      index: 'gsi1',
      pk: { field: 'gsi1pk', composite: ['tenantId', 'email'], template: 't#${tenantId}#email#${email}' },
      sk: { field: 'gsi1sk', composite: [], template: 'user' },
    },
    /** A customer's contacts. */
    byCustomer: {
      index: 'gsi3',
      condition: hasCustomer,
      pk: { field: 'gsi3pk', composite: ['tenantId', 'customerId'], template: 't#${tenantId}#customer-contacts#${customerId}', casing: 'none' },
      sk: { field: 'gsi3sk', composite: ['userId'], template: '${userId}', casing: 'none' },
    },
  },
});
