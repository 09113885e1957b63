import { describe, expect, it } from 'vitest';
import { canAccess, hasPermission, permissionsOf, type Actor } from './policy.ts';
import { canEnterArea, PERMISSIONS, ROLE_PERMISSIONS, ROLES } from './permissions.ts';

const actor = (role: Actor['role'], over: Partial<Actor> = {}): Actor => ({
  tenantId: 't1',
  userId: 'u1',
  role,
  grants: [],
  ...over,
});
const requestScope = { all: 'service_requests.read.all', own: 'service_requests.read.own' } as const;
const now = new Date('2026-06-01T00:00:00Z');

describe('role → permission map', () => {
  it('uses only declared permissions', () => {
    for (const role of ROLES) for (const p of ROLE_PERMISSIONS[role]) expect(PERMISSIONS).toContain(p);
  });
  it('gives the platform operator everything, a firm admin all but the platform, and clients no staff powers', () => {
    expect(permissionsOf(actor('SUPER_ADMIN')).size).toBe(PERMISSIONS.length);
    expect(hasPermission(actor('ADMIN'), 'platform.manage')).toBe(false);
    expect(permissionsOf(actor('ADMIN')).size).toBe(PERMISSIONS.length - 1);
    expect(canEnterArea('ADMIN', 'platform')).toBe(false);
    expect(canEnterArea('SUPER_ADMIN', 'platform')).toBe(true);
    expect(hasPermission(actor('CLIENT'), 'users.manage')).toBe(false);
    expect(hasPermission(actor('CLIENT'), 'service_requests.read.all')).toBe(false);
    expect(hasPermission(actor('ADMIN'), 'users.manage')).toBe(true);
    expect(hasPermission(actor('TEAM_LEAD'), 'system.health')).toBe(false);
  });
});

describe('grants', () => {
  it('adds a permission until it expires', () => {
    const a = actor('TEAM_MEMBER', { grants: [{ permission: 'analytics.view', expiresAt: '2026-06-02T00:00:00Z' }] });
    expect(hasPermission(a, 'analytics.view', now)).toBe(true);
    expect(hasPermission(a, 'analytics.view', new Date('2026-06-02T00:00:00Z'))).toBe(false);
  });
});

describe('object access', () => {
  it.each([
    // role, object, expected
    ['ADMIN', { tenantId: 't1', clientId: 'c9' }, true],
    ['ADMIN', { tenantId: 't2', clientId: 'c9' }, false], // other tenant
    ['SUPER_ADMIN', { tenantId: 't2' }, false], // the operator reaches firms only through platform routes
    ['CLIENT', { tenantId: 't1', clientId: 'u1' }, true], // own
    ['CLIENT', { tenantId: 't1', clientId: 'u2' }, false], // other client
    ['CLIENT', { tenantId: 't2', clientId: 'u1' }, false], // same id, other tenant
    ['TEAM_MEMBER', { tenantId: 't1', assigneeId: 'u1' }, true], // assigned
    ['TEAM_MEMBER', { tenantId: 't1', assigneeId: 'u2' }, false], // not assigned
    ['TEAM_MEMBER', { tenantId: 't1', clientId: 'u1' }, false], // staff never own as client
    ['TEAM_LEAD', { tenantId: 't1', assigneeId: 'u2' }, true], // read.all
  ] as const)('%s on %j → %s', (role, object, expected) => {
    expect(canAccess(actor(role), object, requestScope, now)).toBe(expected);
  });

  it.each([
    // access, object, expected
    ['own', { tenantId: 't1', customerId: 'acme', clientId: 'u1' }, true], // theirs
    ['own', { tenantId: 't1', customerId: 'acme', clientId: 'u2' }, false], // a colleague's
    ['full', { tenantId: 't1', customerId: 'acme', clientId: 'u2' }, true], // a colleague's, with full access
    ['full', { tenantId: 't1', customerId: 'tech', clientId: 'u3' }, false], // another customer's
    ['full', { tenantId: 't2', customerId: 'acme', clientId: 'u2' }, false], // the same customer id in another firm
  ] as const)('a contact with %s access on %j → %s', (access, object, expected) => {
    const contact = { userId: 'u1', customerId: 'acme', isPrimaryContact: false, access };
    expect(canAccess({ ...actor('CLIENT'), contact }, object, requestScope, now)).toBe(expected);
  });

  it('denies without the own-permission even when owning', () => {
    expect(canAccess(actor('CLIENT'), { tenantId: 't1', clientId: 'u1' }, { all: 'users.manage' })).toBe(false);
  });
});

describe('web areas', () => {
  it.each([
    ['CLIENT', 'portal', true],
    ['CLIENT', 'staff', false],
    ['CLIENT', 'admin', false],
    ['TEAM_MEMBER', 'staff', true],
    ['TEAM_MEMBER', 'admin', false],
    ['TEAM_LEAD', 'portal', false],
    ['ADMIN', 'admin', true],
    ['ADMIN', 'staff', true],
  ] as const)('%s may enter %s: %s', (role, area, expected) => {
    expect(canEnterArea(role, area)).toBe(expected);
  });
});
