import { describe, expect, it } from 'vitest';
import type { Contact } from '../customers/customers.ts';
import { contactMaySeeDocument, type DocumentAccess } from './access.ts';

const contact = (access: Contact['access'], extra: Partial<Contact> = {}): Contact => ({
  userId: 'me',
  customerId: 'c1',
  isPrimaryContact: false,
  access,
  ...extra,
});
const doc = (accessLevel: DocumentAccess['accessLevel'], uploadedBy = 'colleague', customerId = 'c1'): DocumentAccess => ({
  customerId,
  accessLevel,
  uploadedBy,
});

describe('a contact sees a document', () => {
  it('of their customer shared with it, by their access; their own uploads always', () => {
    expect(contactMaySeeDocument(contact('full'), doc('customer'))).toBe(true);
    expect(contactMaySeeDocument(contact('billing'), doc('customer'))).toBe(true);
    expect(contactMaySeeDocument(contact('own'), doc('customer'))).toBe(false);
    expect(contactMaySeeDocument(contact('own', { isPrimaryContact: true }), doc('customer'))).toBe(true);
    expect(contactMaySeeDocument(contact('own'), doc('customer', 'me'))).toBe(true);
    expect(contactMaySeeDocument(contact('own'), doc('private', 'me'))).toBe(true);
  });

  it('never of another customer, never someone else’s private one, never an internal one', () => {
    expect(contactMaySeeDocument(contact('full'), doc('customer', 'colleague', 'c2'))).toBe(false);
    expect(contactMaySeeDocument(contact('full'), doc('customer', 'me', 'c2'))).toBe(false);
    expect(contactMaySeeDocument(contact('full'), doc('private'))).toBe(false);
    expect(contactMaySeeDocument(contact('full'), doc('internal'))).toBe(false);
    expect(contactMaySeeDocument(contact('full'), doc('internal', 'me'))).toBe(false);
  });
});
