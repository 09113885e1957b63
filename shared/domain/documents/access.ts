/**
 * Who among a customer's contacts sees a document, by its access level (issue 17):
 * - `customer`: the customer's contacts, each by their access (an `own` contact sees the
 *   documents they uploaded; `full` and `billing` contacts see all of the customer's);
 * - `private`: the contact who uploaded it (and staff);
 * - `internal`: staff only.
 * Staff see the documents of the customers they may open (functions/documents/access.ts).
 */
import { accessOf, type Contact } from '../customers/customers.ts';

export interface DocumentAccess {
  customerId: string;
  accessLevel: 'customer' | 'private' | 'internal';
  uploadedBy: string;
}

export function contactMaySeeDocument(contact: Contact, document: DocumentAccess): boolean {
  if (document.customerId !== contact.customerId || document.accessLevel === 'internal') return false;
  if (document.uploadedBy === contact.userId) return true;
  return document.accessLevel === 'customer' && accessOf(contact) !== 'own';
}

/** The access levels a contact may give what they upload (not `internal`: they could not see it). */
export const CONTACT_ACCESS_LEVELS = ['customer', 'private'] as const;
