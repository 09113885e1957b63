/** Customers (shared/domain/customers): the firm's client organisations, their contacts and their 360° page. */
import * as z from 'zod/mini';
import { CONTACT_ACCESS, CONTACT_ROLES, CUSTOMER_KINDS, CUSTOMER_STATUSES } from '../../domain/customers/customers.ts';
import { page, pageQuery, personName, requiredString, typeError, version } from './common.ts';
import { locale } from './user.ts';
import { auditEntryView } from './audit.ts';
import type { Schemas } from './types.ts';

const oneOf = <T extends readonly [string, ...string[]]>(values: T) => z.enum(values, { error: `must be one of: ${values.join(', ')}` });
/** Empty text takes a value away. */
const text = (max: number) => z.optional(z.string({ error: typeError('must be text') }).check(z.trim(), z.maxLength(max)));

export const billingDetails = z.object({
  legalName: text(200),
  address: text(500),
  taxId: text(40),
  currency: z.optional(
    z
      .string()
      .check(
        z.maxLength(3, 'must be a three-letter currency code, such as USD'),
        z.trim(),
        z.toUpperCase(),
        z.regex(/^[A-Z]{3}$/, 'must be a three-letter currency code, such as USD'),
      ),
  ),
  paymentTermsDays: z.optional(
    z.number({ error: typeError('must be a number of days') }).check(z.int('must be whole days'), z.minimum(0, 'cannot be negative'), z.maximum(365)),
  ),
});

const customerFields = {
  name: personName(160),
  kind: z.optional(oneOf(CUSTOMER_KINDS)),
  industry: text(80),
  status: z.optional(oneOf(CUSTOMER_STATUSES)),
  tags: z.optional(z.array(requiredString(40).check(z.toLowerCase())).check(z.maxLength(20))),
  notes: text(5000),
  /** A staff member of the firm; null takes the account manager away. */
  accountManagerId: z.optional(z.nullable(z.string().check(z.maxLength(64)))),
  billing: z.optional(billingDetails),
};

export const createCustomerInput = z.object(customerFields);
export type CreateCustomerInput = z.infer<typeof createCustomerInput>;

export const updateCustomerInput = z.object({ ...z.partial(z.object(customerFields)).shape, version });
export type UpdateCustomerInput = z.infer<typeof updateCustomerInput>;

export const customerView = z.object({
  customerId: z.string(),
  name: z.string(),
  kind: oneOf(CUSTOMER_KINDS),
  industry: z.optional(z.string()),
  status: oneOf(CUSTOMER_STATUSES),
  tags: z.array(z.string()),
  notes: z.optional(z.string()),
  accountManagerId: z.optional(z.string()),
  billing: z.optional(billingDetails),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number(),
});
export type CustomerView = z.infer<typeof customerView>;

export const contactView = z.object({
  userId: z.string(),
  name: z.string(),
  email: z.string(),
  /** The account's state: invited, active or deactivated (their records stay the customer's). */
  status: z.enum(['invited', 'active', 'deactivated']),
  locale,
  isPrimaryContact: z.boolean(),
  contactRole: oneOf(CONTACT_ROLES),
  contactAccess: oneOf(CONTACT_ACCESS),
  version: z.number(),
});
export type ContactView = z.infer<typeof contactView>;

export const customerKpisView = z.object({
  openRequests: z.number(),
  /** Minor units of `currency`. */
  revenue: z.number(),
  currency: z.string(),
  bookingsThisQuarter: z.number(),
  noShowRate: z.nullable(z.number()),
});

export const customerDetail = z.object({ ...customerView.shape, contacts: z.array(contactView), kpis: customerKpisView });
export type CustomerDetail = z.infer<typeof customerDetail>;

export const customerQuery = z.extend(pageQuery, {
  /** The start of the name, or a contact's whole email address. */
  q: z.optional(z.string().check(z.trim(), z.maxLength(160))),
  status: z.optional(oneOf(CUSTOMER_STATUSES)),
  accountManagerId: z.optional(z.string().check(z.maxLength(64))),
  tag: z.optional(z.string().check(z.trim(), z.toLowerCase(), z.maxLength(40))),
});

export const updateContactInput = z.object({
  version,
  contactRole: z.optional(oneOf(CONTACT_ROLES)),
  contactAccess: z.optional(oneOf(CONTACT_ACCESS)),
  /** true makes this contact the primary one, and the present primary an ordinary contact. */
  isPrimaryContact: z.optional(z.literal(true, { error: 'can only be set to true: make another contact primary instead' })),
});

/** An audit entry on a customer's timeline: without where it came from (address, browser), which is for admins only. */
export const timelineEntry = z.omit(auditEntryView, { actorId: true, ip: true, userAgent: true });

/** A customer's appointments: those to come (soonest first) or those past (latest first). */
export const customerBookingsQuery = z.extend(pageQuery, { when: z._default(oneOf(['upcoming', 'past'] as const), 'upcoming') });

export const customerBooking = z.object({
  bookingId: z.string(),
  reference: z.string(),
  start: z.string(),
  end: z.string(),
  serviceName: z.string(),
  staffName: z.string(),
  clientName: z.string(),
  bookingType: z.string(),
  confirmed: z.boolean(),
});
export type CustomerBooking = z.infer<typeof customerBooking>;

export const mergeCustomersInput = z.object({
  /** The customer merged into this one: its contacts and records move here, and it is removed. */
  from: requiredString(64),
});

/** A client's own customer as its contacts see it: no notes, tags or account manager. */
export const organisationView = z.object({
  customer: z.object({
    customerId: z.string(),
    name: z.string(),
    kind: oneOf(CUSTOMER_KINDS),
    industry: z.optional(z.string()),
    billing: z.optional(billingDetails),
  }),
  contacts: z.array(contactView),
  /** The caller is its primary contact and the firm lets primary contacts invite colleagues. */
  mayInvite: z.boolean(),
  /** The caller is its primary contact: they set what colleagues see. */
  mayManage: z.boolean(),
});

export const updateColleagueInput = z.object({ version, contactAccess: oneOf(CONTACT_ACCESS) });

/** The customers context's operations → schemas. */
export const CUSTOMERS_SCHEMAS = {
  listCustomers: { query: customerQuery, response: page(customerView) },
  createCustomer: { body: createCustomerInput, response: customerView },
  getCustomer: { response: customerDetail },
  updateCustomer: { body: updateCustomerInput, response: customerView },
  updateContact: { body: updateContactInput, response: contactView },
  listCustomerTimeline: { query: pageQuery, response: page(timelineEntry) },
  listCustomerBookings: { query: customerBookingsQuery, response: page(customerBooking) },
  mergeCustomers: { body: mergeCustomersInput, response: customerView },
  getOrganisation: { response: organisationView },
  updateColleague: { body: updateColleagueInput, response: contactView },
} satisfies Record<string, Schemas>;
