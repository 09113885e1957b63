import { describe, expect, it } from 'vitest';
import { accessOf, companyKey, contactMaySee, groupIntoCustomers, joiningContact, primaryContactProblem, type Contact } from './customers.ts';

const contact = (over: Partial<Contact> = {}): Contact => ({ userId: 'u-lisa', customerId: 'c-acme', isPrimaryContact: false, access: 'own', ...over });

describe('what a contact sees', () => {
  it.each([
    ['own access, own record', contact(), { customerId: 'c-acme', clientId: 'u-lisa' }, true],
    ['own access, a colleague’s record', contact(), { customerId: 'c-acme', clientId: 'u-john' }, false],
    ['full access, a colleague’s record', contact({ access: 'full' }), { customerId: 'c-acme', clientId: 'u-john' }, true],
    ['billing access, a colleague’s record', contact({ access: 'billing' }), { customerId: 'c-acme', clientId: 'u-john' }, true],
    ['the primary contact, stored as own', contact({ isPrimaryContact: true }), { customerId: 'c-acme', clientId: 'u-john' }, true],
    ['full access, another customer’s record', contact({ access: 'full' }), { customerId: 'c-tech', clientId: 'u-jane' }, false],
    ['own access, their own id on another customer’s record', contact(), { customerId: 'c-tech', clientId: 'u-lisa' }, false],
    ['full access, their own record of no customer', contact({ access: 'full' }), { clientId: 'u-lisa' }, true],
    ['full access, someone else’s record of no customer', contact({ access: 'full' }), { clientId: 'u-john' }, false],
  ])('%s: %s', (_, who, record, sees) => expect(contactMaySee(who, record)).toBe(sees));

  it('gives the primary contact full access whatever was stored, and keeps billing', () => {
    expect(accessOf({ isPrimaryContact: true, access: 'own' })).toBe('full');
    expect(accessOf({ isPrimaryContact: true, access: 'billing' })).toBe('billing');
    expect(accessOf({ isPrimaryContact: false, access: 'own' })).toBe('own');
  });
});

describe('joining a customer without an admin choosing', () => {
  it('makes the first its owner with full access, and a later colleague staff who see their own', () => {
    expect(joiningContact('c-acme', true)).toEqual({ customerId: 'c-acme', isPrimaryContact: true, contactRole: 'owner', contactAccess: 'full' });
    expect(joiningContact('c-acme', false)).toEqual({ customerId: 'c-acme', isPrimaryContact: false, contactRole: 'staff', contactAccess: 'own' });
  });
});

describe('one primary contact a customer', () => {
  it.each([
    [[], undefined],
    [[{ isPrimaryContact: true }], undefined],
    [[{ isPrimaryContact: true }, { isPrimaryContact: false }], undefined],
    [[{ isPrimaryContact: false }], 'no_primary'],
    [[{ isPrimaryContact: true }, { isPrimaryContact: true }], 'several_primaries'],
  ])('%j → %s', (contacts, problem) => expect(primaryContactProblem(contacts)).toBe(problem));
});

describe('grouping client users into customers', () => {
  it.each([
    ['Acme Corporation', 'acme corporation'],
    ['  ACME   Corporation. ', 'acme corporation'],
    ['Acme Corporation, ', 'acme corporation'],
    ['Ｓｈａｒｍａ Textiles', 'sharma textiles'],
  ])('"%s" is known as "%s"', (company, key) => expect(companyKey(company)).toBe(key));

  it('puts people of one company together, oldest first as the primary, and everyone else on their own', () => {
    const groups = groupIntoCustomers([
      { userId: 'u-lisa', name: 'Lisa Park', company: 'ACME Corporation', createdAt: '2026-03-01T00:00:00Z' },
      { userId: 'u-john', name: 'John Doe', company: 'Acme Corporation', createdAt: '2026-01-01T00:00:00Z' },
      { userId: 'u-jane', name: 'Jane Smith', company: 'Tech Solutions Inc', createdAt: '2026-02-01T00:00:00Z' },
      { userId: 'u-sam', name: 'Sam Solo', createdAt: '2026-02-02T00:00:00Z' },
      { userId: 'u-blank', name: 'Bea Blank', company: '   ', createdAt: '2026-02-03T00:00:00Z' },
    ]);
    expect(groups).toEqual([
      { key: 'company:acme corporation', name: 'Acme Corporation', kind: 'business', contacts: ['u-john', 'u-lisa'] },
      { key: 'company:tech solutions inc', name: 'Tech Solutions Inc', kind: 'business', contacts: ['u-jane'] },
      { key: 'person:u-sam', name: 'Sam Solo', kind: 'individual', contacts: ['u-sam'] },
      { key: 'person:u-blank', name: 'Bea Blank', kind: 'individual', contacts: ['u-blank'] },
    ]);
  });

  it('groups the same way whatever order the people come in', () => {
    const people = [
      { userId: 'u-2', name: 'B', company: 'Acme', createdAt: '2026-01-01T00:00:00Z' },
      { userId: 'u-1', name: 'A', company: 'acme', createdAt: '2026-01-01T00:00:00Z' },
      { userId: 'u-3', name: 'C', createdAt: '2026-01-02T00:00:00Z' },
    ];
    expect(groupIntoCustomers(people)).toEqual(groupIntoCustomers([...people].reverse()));
    expect(groupIntoCustomers(people)[0]).toMatchObject({ name: 'acme', contacts: ['u-1', 'u-2'] });
  });
});
