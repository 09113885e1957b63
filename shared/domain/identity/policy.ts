/**
 * The one place that answers "may this actor do this (to this object)".
 * Used by every handler and by the web to show or hide actions.
 */
import { contactMaySee, type Contact } from '../customers/customers.ts';
import { ROLE_PERMISSIONS, isStaff, type Permission, type Role } from './permissions.ts';

export interface Grant {
  permission: Permission;
  expiresAt: string; // ISO instant
}

export interface Actor {
  tenantId: string;
  userId: string;
  role: Role;
  grants: readonly Grant[];
  /** A client user's place at their customer: what of the customer's they see. */
  contact?: Contact | undefined;
}

/** Something owned inside a tenant: its customer and the client who made it and, for staff work, its assignee. */
export interface OwnedObject {
  tenantId: string;
  customerId?: string;
  clientId?: string;
  assigneeId?: string;
}

export function permissionsOf(actor: Actor, now: Date = new Date()): Set<Permission> {
  const granted = actor.grants.filter((g) => Date.parse(g.expiresAt) > now.getTime()).map((g) => g.permission);
  return new Set([...ROLE_PERMISSIONS[actor.role], ...granted]);
}

export function hasPermission(actor: Actor, permission: Permission, now?: Date): boolean {
  return permissionsOf(actor, now).has(permission);
}

/**
 * Object-level check (OWASP API1): the tenant must match, for everyone (the platform operator
 * acts on firms only through the platform's routes, never on their records: ADR 0035); `.own` / `.assigned` permissions further require the actor to own the object: staff
 * as its assignee, a client as its maker or, by their access, as a contact of its customer.
 */
export function canAccess(actor: Actor, object: OwnedObject, scope: { all: Permission; own?: Permission }, now?: Date): boolean {
  if (object.tenantId !== actor.tenantId) return false;
  const perms = permissionsOf(actor, now);
  if (perms.has(scope.all)) return true;
  if (!scope.own || !perms.has(scope.own)) return false;
  if (isStaff(actor.role)) return object.assigneeId === actor.userId;
  return actor.contact ? contactMaySee(actor.contact, object) : object.clientId === actor.userId;
}
