/**
 * Every path parameter of the API by name: its format and maximum length. The HTTP chain checks
 * them before any I/O (a bad one is a 400 naming `path.<name>`), and OpenAPI documents them.
 * A path in the manifest with a parameter missing here fails the contract test and cold start.
 */
import * as z from 'zod/mini';

const param = (max: number, pattern: RegExp, message: string, ...normalise: z.core.$ZodCheck<string>[]) =>
  z.string().check(z.maxLength(max, `must be at most ${max} characters`), ...normalise, z.regex(pattern, message));

/** Our ids: UUIDs, Cognito subs, guest ids and the seed's readable ones (svc-payroll-setup). */
const id = param(64, /^[A-Za-z0-9][A-Za-z0-9_-]*$/, 'must be an id: letters, digits, - and _');

export const PATH_PARAMS = {
  bookingId: id,
  conversationId: id,
  ticketId: id,
  customerId: id,
  documentId: id,
  documentRequestId: id,
  shareId: id,
  zipId: id,

  folderId: id,

  versionNo: param(6, /^[1-9][0-9]*$/, 'must be a version number: 1, 2, 3…'),
  seq: param(9, /^[1-9][0-9]*$/, 'must be a message number: 1, 2, 3…'),

  exportId: id,
  firmId: id,
  grantId: id,
  invitationId: id,
  itemId: id,
  requestId: id,
  serviceId: id,
  taskId: id,
  templateId: id,
  userId: id,
  viewId: id,
  /** Like a domain name, in any letter case: /book/DesignPi is /book/designpi. */
  firmSlug: param(63, /^[a-z0-9][a-z0-9-]*$/, 'must be a firm address like designpi', z.toLowerCase()),
  code: param(40, /^[A-Za-z0-9][A-Za-z0-9_-]*$/, 'must be letters, digits, - or _'),
  /** An emailed link's token (`<firm>.<record>.<secret>`); a well-formed but wrong one is a 404. */
  token: param(200, /^[A-Za-z0-9._-]+$/, 'is not a link from one of our emails'),
} satisfies Record<string, z.ZodMiniType<string>>;

export type PathParam = keyof typeof PATH_PARAMS;

/** The names of the parameters in a manifest path such as /api/users/{userId}/grants/{grantId}. */
export const paramsOf = (path: string): string[] => [...path.matchAll(/\{(\w+)\}/g)].map(([, name]) => name!);
