/**
 * Customers: a firm's client is an organisation (or a person on their own) with one or more
 * contacts, the client users who act for it. Everything a client owns (requests, bookings and,
 * later, documents, conversations, projects and invoices) belongs to the customer; the contact
 * who made it is kept beside it.
 */

export const CUSTOMER_KINDS = ['business', 'individual'] as const;
export type CustomerKind = (typeof CUSTOMER_KINDS)[number];

export const CUSTOMER_STATUSES = ['prospect', 'active', 'inactive'] as const;
export type CustomerStatus = (typeof CUSTOMER_STATUSES)[number];

/** What a contact is at the customer. */
export const CONTACT_ROLES = ['owner', 'finance', 'staff'] as const;
export type ContactRole = (typeof CONTACT_ROLES)[number];

/**
 * What a contact sees of the customer's records: `full` all of them, `own` only what they asked
 * for or booked, `billing` all of them and, once billing lands, invoices and payments.
 */
export const CONTACT_ACCESS = ['full', 'own', 'billing'] as const;
export type ContactAccess = (typeof CONTACT_ACCESS)[number];

export interface Contact {
  userId: string;
  customerId: string;
  isPrimaryContact: boolean;
  access: ContactAccess;
}

/**
 * A contact's fields on their user record when they join a customer without an admin choosing:
 * the first is its owner with full access; a later colleague sees only their own records until
 * an admin decides otherwise, so nobody sees more than before.
 */
export const joiningContact = (customerId: string, primary: boolean) =>
  ({
    customerId,
    isPrimaryContact: primary,
    contactRole: primary ? 'owner' : 'staff',
    contactAccess: primary ? 'full' : 'own',
  }) as const satisfies { customerId: string; isPrimaryContact: boolean; contactRole: ContactRole; contactAccess: ContactAccess };

/** A client user of a customer as a contact, as sign-in reads them: no access stored means their own records only. */
export const contactOf = (user: {
  userId: string;
  customerId: string;
  isPrimaryContact?: boolean | undefined;
  contactAccess?: ContactAccess | undefined;
}): Contact => ({
  userId: user.userId,
  customerId: user.customerId,
  isPrimaryContact: user.isPrimaryContact === true,
  access: user.contactAccess ?? 'own',
});

/** The primary contact always has full access, whatever was stored. */
export const accessOf = (contact: Pick<Contact, 'isPrimaryContact' | 'access'>): ContactAccess =>
  contact.isPrimaryContact && contact.access === 'own' ? 'full' : contact.access;

/**
 * Whether a contact may see a record made by a client (`clientId`) for a customer. A record of
 * no customer (made before customers, or held for an address's owner) is its maker's alone.
 */
export function contactMaySee(contact: Contact, record: { customerId?: string | undefined; clientId?: string | undefined }): boolean {
  if (record.customerId === undefined) return record.clientId === contact.userId;
  if (record.customerId !== contact.customerId) return false;
  return accessOf(contact) !== 'own' || record.clientId === contact.userId;
}

/** A customer has exactly one primary contact (among its active ones): what is wrong, if anything. */
export function primaryContactProblem(contacts: readonly Pick<Contact, 'isPrimaryContact'>[]): 'no_primary' | 'several_primaries' | undefined {
  const primaries = contacts.filter((c) => c.isPrimaryContact).length;
  if (primaries === 0) return contacts.length ? 'no_primary' : undefined;
  return primaries > 1 ? 'several_primaries' : undefined;
}

/** Company names compare without letter case, spacing or trailing punctuation: "ACME  Corp." is "Acme Corp". */
export const companyKey = (company: string) =>
  company
    .normalize('NFKC')
    .trim()
    .replace(/[\s.,]+$/u, '')
    .replace(/\s+/gu, ' ')
    .toLocaleLowerCase('en');

export interface ClientToGroup {
  userId: string;
  name: string;
  company?: string | undefined;
  createdAt: string;
}

export interface CustomerGroup {
  /** Stable for the same firm and company, so that grouping again finds the same customer. */
  key: string;
  name: string;
  kind: CustomerKind;
  /** Oldest first; the first is the primary contact. */
  contacts: string[];
}

/**
 * Client users as customers, as the migration makes them (ADR 0023): people of the same firm who
 * typed the same company share one business customer, named as its earliest contact typed it;
 * someone without a company is an individual customer of their own.
 */
export function groupIntoCustomers(clients: readonly ClientToGroup[]): CustomerGroup[] {
  const groups = new Map<string, CustomerGroup>();
  const oldestFirst = [...clients].sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.userId.localeCompare(b.userId));
  for (const client of oldestFirst) {
    const company = client.company?.trim();
    const key = company ? `company:${companyKey(company)}` : `person:${client.userId}`;
    const group = groups.get(key);
    if (group) group.contacts.push(client.userId);
    else groups.set(key, { key, name: company || client.name, kind: company ? 'business' : 'individual', contacts: [client.userId] });
  }
  return [...groups.values()];
}
