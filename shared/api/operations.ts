/**
 * The operations of the API as plain data (no schemas, so the web bundle stays small).
 * `routes.ts` attaches the zod schemas; the local gateway, CDK, OpenAPI and the web client
 * all derive from this one list.
 */
import type { BoundedContext } from '../contexts.ts';
import type { Permission } from '../domain/identity/permissions.ts';
import { ACCESS_OPERATIONS } from './operations/access.ts';
import { ANALYTICS_OPERATIONS } from './operations/analytics.ts';
import { AVAILABILITY_OPERATIONS } from './operations/availability.ts';
import { BOOKING_DESK_OPERATIONS } from './operations/booking-desk.ts';
import { BOOKING_LINK_OPERATIONS } from './operations/booking-link.ts';
import { BOOKING_PLANS_OPERATIONS } from './operations/booking-plans.ts';
import { BOOKING_MOVES_OPERATIONS } from './operations/booking-moves.ts';
import { BOOKINGS_OPERATIONS } from './operations/bookings.ts';
import { GUEST_BOOKING_OPERATIONS } from './operations/guest-booking.ts';
import { AUDIT_OPERATIONS } from './operations/audit.ts';
import { AUTH_OPERATIONS } from './operations/auth.ts';
import { CATALOG_OPERATIONS } from './operations/catalog.ts';
import { CUSTOMERS_OPERATIONS } from './operations/customers.ts';
import { IDENTITY_OPERATIONS } from './operations/identity.ts';
import { NOTIFICATIONS_OPERATIONS } from './operations/notifications.ts';
import { PLATFORM_OPERATIONS } from './operations/platform.ts';
import { FIRMS_OPERATIONS } from './operations/firms.ts';
import { FIRM_DATA_OPERATIONS } from './operations/firm-data.ts';
import { REQUESTS_OPERATIONS } from './operations/requests.ts';
import { SIGNUP_OPERATIONS } from './operations/signup.ts';
import { SYSTEM_OPERATIONS } from './operations/system.ts';
import { TASKS_OPERATIONS } from './operations/tasks.ts';
import { TEAM_OPERATIONS } from './operations/team.ts';
import { VIEWS_OPERATIONS } from './operations/views.ts';
import { WORKFLOW_OPERATIONS } from './operations/workflow.ts';
import { DOCUMENTS_OPERATIONS } from './operations/documents.ts';
import { DOCUMENT_UPLOADS_OPERATIONS } from './operations/document-uploads.ts';
import { CONVERSATIONS_OPERATIONS } from './operations/conversations.ts';
import { TICKETS_OPERATIONS } from './operations/tickets.ts';
import { WIDGET_OPERATIONS } from './operations/widget.ts';

/** An API Lambda, declared once: where its code lives, what it may do, where it is deployed. */
export interface ApiLambdaDef {
  /** The bounded context whose folder holds its entry: `functions/<context>/http/<lambda>.ts`. */
  context: BoundedContext;
  /** What it may do with the table: least privilege, granted per function. */
  table: 'none' | 'read' | 'readWrite';
  /** The nested stack holding it and its routes (infra/stacks/portal-stack.ts); when one nears CloudFormation's limits (a CDK test checks), add another. */
  stack: 'IdentityApi' | 'WorkApi' | 'BookingsApi';
}

/** The API's Lambdas. An operation names the one that serves it. */
export const API_LAMBDAS = {
  access: { context: 'identity', table: 'readWrite', stack: 'IdentityApi' },
  analytics: { context: 'analytics', table: 'readWrite', stack: 'WorkApi' },
  audit: { context: 'audit', table: 'read', stack: 'IdentityApi' },
  auth: { context: 'identity', table: 'readWrite', stack: 'IdentityApi' },
  availability: { context: 'bookings', table: 'readWrite', stack: 'BookingsApi' },
  'booking-desk': { context: 'bookings', table: 'readWrite', stack: 'BookingsApi' },
  'booking-link': { context: 'bookings', table: 'readWrite', stack: 'BookingsApi' },
  'booking-moves': { context: 'bookings', table: 'readWrite', stack: 'BookingsApi' },
  'booking-plans': { context: 'bookings', table: 'none', stack: 'BookingsApi' },
  bookings: { context: 'bookings', table: 'readWrite', stack: 'BookingsApi' },
  catalog: { context: 'catalog', table: 'readWrite', stack: 'WorkApi' },
  conversations: { context: 'conversations', table: 'readWrite', stack: 'WorkApi' },
  customers: { context: 'customers', table: 'readWrite', stack: 'WorkApi' },
  documents: { context: 'documents', table: 'readWrite', stack: 'WorkApi' },
  'document-uploads': { context: 'documents', table: 'readWrite', stack: 'WorkApi' },
  firms: { context: 'platform', table: 'readWrite', stack: 'IdentityApi' },
  'firm-data': { context: 'platform', table: 'readWrite', stack: 'IdentityApi' },
  tickets: { context: 'conversations', table: 'readWrite', stack: 'WorkApi' },
  widget: { context: 'conversations', table: 'readWrite', stack: 'WorkApi' },
  'guest-booking': { context: 'bookings', table: 'readWrite', stack: 'BookingsApi' },
  identity: { context: 'identity', table: 'readWrite', stack: 'IdentityApi' },
  notifications: { context: 'notifications', table: 'readWrite', stack: 'IdentityApi' },
  platform: { context: 'platform', table: 'read', stack: 'IdentityApi' },
  requests: { context: 'requests', table: 'readWrite', stack: 'WorkApi' },
  signup: { context: 'identity', table: 'readWrite', stack: 'IdentityApi' },
  system: { context: 'platform', table: 'read', stack: 'IdentityApi' },
  tasks: { context: 'tasks', table: 'readWrite', stack: 'WorkApi' },
  team: { context: 'team', table: 'readWrite', stack: 'IdentityApi' },
  views: { context: 'views', table: 'readWrite', stack: 'IdentityApi' },
  workflow: { context: 'requests', table: 'readWrite', stack: 'WorkApi' },
} as const satisfies Record<string, ApiLambdaDef>;
export type ApiLambda = keyof typeof API_LAMBDAS;
export const API_LAMBDA_NAMES = Object.keys(API_LAMBDAS) as ApiLambda[];

/** 'public': no token; 'signed-in': any active user; a permission: users holding it. */
export type Access = 'public' | 'signed-in' | Permission;

export interface OperationDef {
  operationId: string;
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: `/api/${string}`;
  /** The Lambda that serves it. */
  lambda: ApiLambda;
  access: Access;
  /** Open to someone whose firm requires two-step sign-in before they have set it up. */
  beforeMfa?: true;
  /**
   * The statuses of a success, as documented: 201 for what creates a record, 202 for what is
   * done later. Without it, 200 with a response body and 204 without. A handler's answer with
   * another 2xx fails (functions/lib/http.ts).
   */
  success?: readonly SuccessStatus[];
}

export type SuccessStatus = 200 | 201 | 202 | 204;

/**
 * Every operation. Each context's list lives in operations/<context>.ts so a Lambda bundles
 * only its own routes (and their summaries), not the whole API.
 */
export const OPERATIONS = [
  ...ACCESS_OPERATIONS,
  ...ANALYTICS_OPERATIONS,
  ...AVAILABILITY_OPERATIONS,
  ...BOOKING_LINK_OPERATIONS,
  ...BOOKINGS_OPERATIONS,
  ...GUEST_BOOKING_OPERATIONS,
  ...BOOKING_DESK_OPERATIONS,
  ...BOOKING_MOVES_OPERATIONS,
  ...BOOKING_PLANS_OPERATIONS,
  ...AUDIT_OPERATIONS,
  ...AUTH_OPERATIONS,
  ...CATALOG_OPERATIONS,
  ...IDENTITY_OPERATIONS,
  ...NOTIFICATIONS_OPERATIONS,
  ...PLATFORM_OPERATIONS,
  ...FIRMS_OPERATIONS,
  ...FIRM_DATA_OPERATIONS,
  ...REQUESTS_OPERATIONS,
  ...SIGNUP_OPERATIONS,
  ...SYSTEM_OPERATIONS,
  ...TASKS_OPERATIONS,
  ...TEAM_OPERATIONS,
  ...VIEWS_OPERATIONS,
  ...CUSTOMERS_OPERATIONS,
  ...DOCUMENTS_OPERATIONS,
  ...DOCUMENT_UPLOADS_OPERATIONS,
  ...CONVERSATIONS_OPERATIONS,
  ...TICKETS_OPERATIONS,
  ...WIDGET_OPERATIONS,
  ...WORKFLOW_OPERATIONS,
] as const;

export type OperationId = (typeof OPERATIONS)[number]['operationId'];

export const operation = (id: OperationId): OperationDef => OPERATIONS.find((o) => o.operationId === id)!;

/** `/api/users/{id}` → RegExp with named groups. */
export function pathPattern(path: string): RegExp {
  const source = path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{(\w+)\}/g, '(?<$1>[^/]+)');
  return new RegExp(`^${source}$`);
}
