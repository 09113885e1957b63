/** Every operation with its schemas: what OpenAPI documents and the web client is typed by. */
import type * as z from 'zod/mini';
import { OPERATIONS, type OperationDef, type OperationId } from './operations.ts';
import { ACCESS_SCHEMAS } from './schemas/access.ts';
import { ANALYTICS_SCHEMAS } from './schemas/analytics.ts';
import { AVAILABILITY_SCHEMAS } from './schemas/availability.ts';
import { BOOKING_DESK_SCHEMAS } from './schemas/booking-desk.ts';
import { BOOKING_PLANS_SCHEMAS } from './schemas/booking-plans.ts';
import { BOOKING_LINK_SCHEMAS } from './schemas/booking-link.ts';
import { BOOKING_MOVES_SCHEMAS } from './schemas/booking-moves.ts';
import { BOOKINGS_SCHEMAS } from './schemas/bookings.ts';
import { GUEST_BOOKING_SCHEMAS } from './schemas/guest-booking.ts';
import { AUDIT_SCHEMAS } from './schemas/audit.ts';
import { AUTH_SCHEMAS } from './schemas/auth.ts';
import { CATALOG_SCHEMAS } from './schemas/catalog.ts';
import { IDENTITY_SCHEMAS } from './schemas/identity.ts';
import { NOTIFICATIONS_SCHEMAS } from './schemas/notifications.ts';
import { PLATFORM_SCHEMAS } from './schemas/platform.ts';
import { FIRMS_SCHEMAS } from './schemas/firms.ts';
import { FIRM_DATA_SCHEMAS } from './schemas/firm-data.ts';
import { REQUESTS_SCHEMAS } from './schemas/requests.ts';
import { SIGNUP_SCHEMAS } from './schemas/signup.ts';
import { SYSTEM_SCHEMAS } from './schemas/system.ts';
import { TASKS_SCHEMAS } from './schemas/tasks.ts';
import { TEAM_SCHEMAS } from './schemas/team.ts';
import { VIEWS_SCHEMAS } from './schemas/views.ts';
import { CUSTOMERS_SCHEMAS } from './schemas/customers.ts';
import { DOCUMENTS_SCHEMAS } from './schemas/documents.ts';
import { DOCUMENT_UPLOADS_SCHEMAS } from './schemas/document-uploads.ts';
import { CONVERSATIONS_SCHEMAS } from './schemas/conversations.ts';
import { TICKETS_SCHEMAS } from './schemas/tickets.ts';
import { WIDGET_SCHEMAS } from './schemas/widget.ts';
import { WORKFLOW_SCHEMAS } from './schemas/workflow.ts';
import type { Schemas } from './schemas/types.ts';

export type RouteDef = OperationDef & Schemas;

const SCHEMAS = {
  ...ACCESS_SCHEMAS,
  ...ANALYTICS_SCHEMAS,
  ...AUDIT_SCHEMAS,
  ...AUTH_SCHEMAS,
  ...AVAILABILITY_SCHEMAS,
  ...BOOKING_DESK_SCHEMAS,
  ...BOOKING_LINK_SCHEMAS,
  ...BOOKING_MOVES_SCHEMAS,
  ...BOOKING_PLANS_SCHEMAS,
  ...BOOKINGS_SCHEMAS,
  ...CATALOG_SCHEMAS,
  ...GUEST_BOOKING_SCHEMAS,
  ...IDENTITY_SCHEMAS,
  ...NOTIFICATIONS_SCHEMAS,
  ...PLATFORM_SCHEMAS,
  ...FIRMS_SCHEMAS,
  ...FIRM_DATA_SCHEMAS,
  ...REQUESTS_SCHEMAS,
  ...SIGNUP_SCHEMAS,
  ...SYSTEM_SCHEMAS,
  ...TASKS_SCHEMAS,
  ...TEAM_SCHEMAS,
  ...VIEWS_SCHEMAS,
  ...CUSTOMERS_SCHEMAS,
  ...DOCUMENTS_SCHEMAS,
  ...DOCUMENT_UPLOADS_SCHEMAS,
  ...CONVERSATIONS_SCHEMAS,
  ...TICKETS_SCHEMAS,
  ...WIDGET_SCHEMAS,
  ...WORKFLOW_SCHEMAS,
} satisfies Record<OperationId, Schemas>;

/** Each operation's schemas by id: what handler types are inferred from (functions/lib/contract.ts). */
export type SchemasById = typeof SCHEMAS;

export const ROUTES: RouteDef[] = OPERATIONS.map((op) => ({ ...op, ...SCHEMAS[op.operationId] }));

/** Response and body types for the typed web client (types only: no zod reaches the browser). */
export type ResponseOf<Id extends OperationId> = (typeof SCHEMAS)[Id] extends { response: infer R extends z.ZodMiniType } ? z.infer<R> : void;
export type BodyOf<Id extends OperationId> = (typeof SCHEMAS)[Id] extends { body: infer B extends z.ZodMiniType } ? z.input<B> : undefined;
