/**
 * Every route × every kind of caller → expected status. A new operation without a row here
 * fails the first test, so no route ships without its deny paths written down.
 * Object-level isolation (own vs other client, own vs other firm) is asserted per context
 * in that context's tests; here the other-firm admin must get the status of an admin and
 * never data of this firm (see users.int.test.ts). A customer's records, by its contacts with
 * each access and by contacts of other customers, have their matrix in
 * customers/customer-access.int.test.ts.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { OPERATIONS, type OperationId } from '../shared/api/operations.ts';
import { DEFAULT_BOOKING_SETTINGS } from '../shared/domain/bookings/settings.ts';
import { api, signIn } from '../infra/local/test-client.ts';
import { database } from '../shared/db/all-entities.ts';

const ACTORS = {
  anonymous: null,
  client: 'john.doe@example.com',
  member: 'mike@designpi.com',
  lead: 'sarah@designpi.com',
  admin: 'hello@designpi.com',
  otherFirmAdmin: 'admin@northwind.example',
  /** The platform's operator (SUPER_ADMIN of the platform's own tenant): asked only of the rows that name them. */
  operator: 'operator@serviceportal.example',
} as const;
type ActorName = keyof typeof ACTORS;
type FirmActor = Exclude<ActorName, 'operator'>;

interface Row {
  /** A body may depend on the caller, where one caller's attempt would change the next one's answer. */
  request: { method: string; path: string; body?: unknown; bodyFor?: (actor: ActorName) => unknown };
  expect: Record<FirmActor, number> & { operator?: number };
  /** Routes that end the caller's session get a fresh sign-in per cell. */
  consumesSession?: boolean;
}

const everyone = (status: number): Record<FirmActor, number> => ({
  anonymous: status,
  client: status,
  member: status,
  lead: status,
  admin: status,
  otherFirmAdmin: status,
});
const signedIn = (status: number) => ({ ...everyone(status), anonymous: 401 });
/** The platform's routes: its operator alone, never anyone of a firm, not even its admin. */
const operatorOnly = (operator: number) => ({ ...signedIn(403), operator });

const SOON = new Date(Date.now() + 3 * 86_400_000).toISOString();
const LATER = new Date(Date.now() + 4 * 86_400_000).toISOString();
/** Makes names this run creates its own, should the stack have kept an earlier run's. */
const RUN = Date.now().toString(36);

const MATRIX: Record<OperationId, Row> = {
  login: { request: { method: 'POST', path: '/api/auth/login', body: { email: 'jane.smith@example.com', password: 'Demo-Passw0rd!' } }, expect: everyone(200) },
  // The cookie, not the bearer, decides: none is sent here.
  refresh: { request: { method: 'POST', path: '/api/auth/refresh' }, expect: everyone(401) },
  logout: { request: { method: 'POST', path: '/api/auth/logout' }, expect: signedIn(204), consumesSession: true },
  // A forged Cognito session for an unknown address gets no session (401). Each caller tries
  // another address: five failures for one would pause it (sign-in-guard.int.test.ts).
  answerMfaChallenge: {
    request: {
      method: 'POST',
      path: '/api/auth/mfa/challenge',
      bodyFor: (actor) => ({ email: `mfa-${actor}@example.com`, session: 'forged', code: '123456' }),
    },
    expect: everyone(401),
  },
  // A wrong password is named as the field at fault, for anyone signed in.
  startMfaSetup: { request: { method: 'POST', path: '/api/auth/mfa/setup', body: { password: 'not-the-password' } }, expect: signedIn(400) },
  // Off is refused for whoever has it off already, before any password is tried.
  disableMfa: { request: { method: 'POST', path: '/api/auth/mfa/disable', body: { password: 'Demo-Passw0rd!', code: '123456' } }, expect: signedIn(409) },
  confirmMfaSetup: { request: { method: 'POST', path: '/api/auth/mfa/confirm', body: { code: '123456' } }, expect: signedIn(409) },
  // Always 202, so nobody learns whether an account exists (the email is nobody's here).
  forgotPassword: { request: { method: 'POST', path: '/api/auth/forgot-password', body: { email: 'nobody@example.com' } }, expect: everyone(202) },
  resetPassword: {
    request: { method: 'POST', path: '/api/auth/reset-password', body: { token: 't-designpi.x.forged', password: 'Demo-Passw0rd!' } },
    expect: everyone(404),
  },
  getMe: { request: { method: 'GET', path: '/api/me' }, expect: signedIn(200) },
  listUsers: {
    request: { method: 'GET', path: '/api/users' },
    expect: { anonymous: 401, client: 403, member: 403, lead: 200, admin: 200, otherFirmAdmin: 200 },
  },
  // Unknown ids are 404 for those allowed to look; another firm's real person is 404 too (people.int.test.ts).
  getUser: {
    request: { method: 'GET', path: '/api/users/nobody' },
    expect: { anonymous: 401, client: 403, member: 403, lead: 404, admin: 404, otherFirmAdmin: 404 },
  },
  updateUser: {
    request: { method: 'PATCH', path: '/api/users/nobody', body: { version: 1 } },
    expect: { anonymous: 401, client: 403, member: 403, lead: 403, admin: 404, otherFirmAdmin: 404 },
  },
  deactivateUser: {
    request: { method: 'POST', path: '/api/users/nobody/deactivate' },
    expect: { anonymous: 401, client: 403, member: 403, lead: 403, admin: 404, otherFirmAdmin: 404 },
  },
  reactivateUser: {
    request: { method: 'POST', path: '/api/users/nobody/reactivate' },
    expect: { anonymous: 401, client: 403, member: 403, lead: 403, admin: 404, otherFirmAdmin: 404 },
  },
  // Authorization is decided before the body is read: an empty body shows 401/403 vs 400.
  createInvitation: {
    request: { method: 'POST', path: '/api/invitations', body: {} },
    expect: { anonymous: 401, client: 403, member: 403, lead: 403, admin: 400, otherFirmAdmin: 400 },
  },
  listInvitations: {
    request: { method: 'GET', path: '/api/invitations' },
    expect: { anonymous: 401, client: 403, member: 403, lead: 403, admin: 200, otherFirmAdmin: 200 },
  },
  // Another firm's real invitation is 404 too: see invitations.int.test.ts.
  resendInvitation: {
    request: { method: 'POST', path: '/api/invitations/00000000-0000-0000-0000-000000000000/resend' },
    expect: { anonymous: 401, client: 403, member: 403, lead: 403, admin: 404, otherFirmAdmin: 404 },
  },
  // Public, guarded by the link itself: a forged link is 404 for everyone.
  previewInvitation: { request: { method: 'GET', path: '/api/invitations/preview?token=t-designpi.x.forged' }, expect: everyone(404) },
  acceptInvitation: {
    request: { method: 'POST', path: '/api/invitations/accept', body: { token: 't-designpi.x.forged', password: 'Demo-Passw0rd!' } },
    expect: everyone(404),
  },
  createRealtimeTicket: { request: { method: 'POST', path: '/api/realtime/tickets' }, expect: signedIn(201) },
  // Each person sees and marks only their own (the key is theirs): see realtime.int.test.ts.
  listNotifications: { request: { method: 'GET', path: '/api/notifications' }, expect: signedIn(200) },
  markNotificationsRead: { request: { method: 'POST', path: '/api/notifications/read', body: { notificationIds: ['x'] } }, expect: signedIn(204) },
  // Everyone's own settings; another person's are not addressable (notification-emails.int.test.ts).
  getEmailPreferences: { request: { method: 'GET', path: '/api/me/email-preferences' }, expect: signedIn(200) },
  updateEmailPreferences: { request: { method: 'PUT', path: '/api/me/email-preferences', body: {} }, expect: signedIn(400) },
  // A link that names nothing is a 404 for everyone signed in; someone else's link is a 403 (notification-emails.int.test.ts).
  openEmailLink: { request: { method: 'POST', path: '/api/notifications/links/open', body: { token: 'x.y.z' } }, expect: signedIn(404) },
  listRoleDefinitions: {
    request: { method: 'GET', path: '/api/permissions' },
    expect: { anonymous: 401, client: 403, member: 403, lead: 403, admin: 200, otherFirmAdmin: 200 },
  },
  // Another firm's real person is 404 as well: see access.int.test.ts.
  listGrants: {
    request: { method: 'GET', path: '/api/users/nobody/grants' },
    expect: { anonymous: 401, client: 403, member: 403, lead: 403, admin: 404, otherFirmAdmin: 404 },
  },
  createGrant: {
    request: { method: 'POST', path: '/api/users/nobody/grants', body: {} },
    expect: { anonymous: 401, client: 403, member: 403, lead: 403, admin: 400, otherFirmAdmin: 400 },
  },
  revokeGrant: {
    request: { method: 'DELETE', path: '/api/users/nobody/grants/none' },
    expect: { anonymous: 401, client: 403, member: 403, lead: 403, admin: 404, otherFirmAdmin: 404 },
  },
  // Each admin sees and changes their own firm's rules only (access.int.test.ts).
  getAccessPolicy: {
    request: { method: 'GET', path: '/api/firm/access-policy' },
    expect: { anonymous: 401, client: 403, member: 403, lead: 403, admin: 200, otherFirmAdmin: 200 },
  },
  updateAccessPolicy: {
    request: { method: 'PATCH', path: '/api/firm/access-policy', body: {} },
    expect: { anonymous: 401, client: 403, member: 403, lead: 403, admin: 400, otherFirmAdmin: 400 },
  },
  // Another firm's admin gets 200 with only their own firm's entries: see audit.int.test.ts.
  listAudit: {
    request: { method: 'GET', path: '/api/audit' },
    expect: { anonymous: 401, client: 403, member: 403, lead: 403, admin: 200, otherFirmAdmin: 200 },
  },
  listServices: { request: { method: 'GET', path: '/api/services' }, expect: signedIn(200) },
  // Clients see active services only, and another firm's service is 404 (catalog.int.test.ts).
  getService: { request: { method: 'GET', path: '/api/services/none' }, expect: { ...everyone(404), anonymous: 401 } },
  createService: {
    request: { method: 'POST', path: '/api/services', body: {} },
    expect: { anonymous: 401, client: 403, member: 403, lead: 403, admin: 400, otherFirmAdmin: 400 },
  },
  updateService: {
    request: { method: 'PATCH', path: '/api/services/none', body: { version: 1 } },
    expect: { anonymous: 401, client: 403, member: 403, lead: 403, admin: 404, otherFirmAdmin: 404 },
  },
  updateServiceBooking: {
    request: { method: 'PUT', path: '/api/services/none/booking', body: { ...DEFAULT_BOOKING_SETTINGS, version: 1 } },
    expect: { anonymous: 401, client: 403, member: 403, lead: 403, admin: 404, otherFirmAdmin: 404 },
  },
  getCatalog: { request: { method: 'GET', path: '/api/catalog/designpi' }, expect: everyone(200) },
  // Authorization comes before the body is read: a team member may not ask (403); others get 400 for {}.
  createRequest: {
    request: { method: 'POST', path: '/api/requests', body: {} },
    expect: { anonymous: 401, client: 400, member: 403, lead: 400, admin: 400, otherFirmAdmin: 400 },
  },
  // Each sees only their own scope: a client theirs, a team member what is assigned to them (requests.int.test.ts).
  // Leads and admins see the firm's customers; a team member only those they manage or work for (customers.int.test.ts).
  listCustomers: {
    request: { method: 'GET', path: '/api/customers' },
    expect: { anonymous: 401, client: 403, member: 200, lead: 200, admin: 200, otherFirmAdmin: 200 },
  },
  createCustomer: {
    request: { method: 'POST', path: '/api/customers', body: {} },
    expect: { anonymous: 401, client: 403, member: 403, lead: 403, admin: 400, otherFirmAdmin: 400 },
  },
  // Every signed-in role may upload and see documents; what each sees is its customer's (documents.int.test.ts).
  // Conversations (ADR 0033): clients and staff alike; team members see only those assigned to them, another firm's are not found.
  listConversations: { request: { method: 'GET', path: '/api/conversations' }, expect: signedIn(200) },
  // A client's own conversation (200: the demo seeds it or an earlier run made it); staff must name a customer and a subject.
  startConversation: {
    request: { method: 'POST', path: '/api/conversations', body: {} },
    expect: { anonymous: 401, client: 200, member: 400, lead: 400, admin: 400, otherFirmAdmin: 400 },
  },
  getConversationUnread: { request: { method: 'GET', path: '/api/conversations/unread' }, expect: signedIn(200) },
  getConversation: { request: { method: 'GET', path: '/api/conversations/none' }, expect: signedIn(404) },
  updateConversation: {
    request: { method: 'PATCH', path: '/api/conversations/none', body: { status: 'RESOLVED' } },
    expect: { anonymous: 401, client: 403, member: 404, lead: 404, admin: 404, otherFirmAdmin: 404 },
  },
  listConversationMessages: { request: { method: 'GET', path: '/api/conversations/none/messages' }, expect: signedIn(404) },
  sendConversationMessage: {
    request: { method: 'POST', path: '/api/conversations/none/messages', body: { clientMessageId: 'matrix-0001', body: 'Hello' } },
    expect: signedIn(404),
  },
  markConversationRead: { request: { method: 'POST', path: '/api/conversations/none/read', body: { seq: 1 } }, expect: signedIn(404) },
  // A message's sender changes it (conversation-messages.int.test.ts); none here, for anyone.
  editConversationMessage: { request: { method: 'PATCH', path: '/api/conversations/none/messages/1', body: { body: 'x' } }, expect: signedIn(404) },
  deleteConversationMessage: { request: { method: 'DELETE', path: '/api/conversations/none/messages/1' }, expect: signedIn(404) },
  // The customer panel is for staff who may open the conversation (conversations-inbox.int.test.ts).
  getConversationCustomer: {
    request: { method: 'GET', path: '/api/conversations/none/customer' },
    expect: { ...signedIn(404), client: 403 },
  },
  listConversationAssignees: {
    request: { method: 'GET', path: '/api/conversations/assignees' },
    expect: { anonymous: 401, client: 403, member: 403, lead: 200, admin: 200, otherFirmAdmin: 200 },
  },
  // Tickets: any participant lists theirs; a client raises one for their customer (bad input here); staff must name a customer (tickets.int.test.ts).
  listTickets: { request: { method: 'GET', path: '/api/tickets' }, expect: signedIn(200) },
  createTicket: { request: { method: 'POST', path: '/api/tickets', body: { subject: '' } }, expect: signedIn(400) },
  // The widget is public, for any site's visitors: bad input is named; a conversation needs its token (widget.int.test.ts).
  startWidgetConversation: { request: { method: 'POST', path: '/api/widget/designpi/conversations', body: {} }, expect: everyone(400) },
  listWidgetMessages: { request: { method: 'GET', path: `/api/widget/designpi/conversations/none/messages?token=${'x'.repeat(32)}` }, expect: everyone(404) },
  sendWidgetMessage: {
    request: {
      method: 'POST',
      path: '/api/widget/designpi/conversations/none/messages',
      body: { token: 'x'.repeat(32), clientMessageId: 'abcdefgh', body: 'Hi' },
    },
    expect: everyone(404),
  },
  getSupportSummary: {
    request: { method: 'GET', path: '/api/tickets/summary' },
    expect: { anonymous: 401, client: 403, member: 403, lead: 200, admin: 200, otherFirmAdmin: 200 },
  },
  getTicket: { request: { method: 'GET', path: '/api/tickets/none' }, expect: signedIn(404) },
  updateTicket: { request: { method: 'PATCH', path: '/api/tickets/none', body: { version: 1 } }, expect: signedIn(404) },
  addTicketComment: { request: { method: 'POST', path: '/api/tickets/none/comments', body: { body: 'Hello' } }, expect: signedIn(404) },
  // Canned replies and the SLA: staff read their own firm's; admins change them.
  getConversationSettings: { request: { method: 'GET', path: '/api/firm/conversation-settings' }, expect: { ...signedIn(200), client: 403 } },
  updateConversationSettings: {
    request: { method: 'PATCH', path: '/api/firm/conversation-settings', body: {} },
    expect: { anonymous: 401, client: 403, member: 403, lead: 403, admin: 400, otherFirmAdmin: 400 },
  },
  createDocumentUpload: { request: { method: 'POST', path: '/api/documents', body: {} }, expect: signedIn(400) },
  // Parts of an upload are its uploader's alone: anyone else's version, another firm's, or none is not found (document-uploads.int.test.ts).
  listDocumentUploadParts: { request: { method: 'GET', path: '/api/documents/none/versions/1/parts' }, expect: signedIn(404) },
  signDocumentUploadParts: {
    request: { method: 'POST', path: '/api/documents/none/versions/1/parts', body: { parts: [{ partNumber: 1, checksum: `${'A'.repeat(43)}=` }] } },
    expect: signedIn(404),
  },
  completeDocumentUpload: { request: { method: 'POST', path: '/api/documents/none/versions/1/complete' }, expect: signedIn(404) },
  cancelDocumentUpload: { request: { method: 'DELETE', path: '/api/documents/none/versions/1/upload' }, expect: signedIn(404) },
  listDocuments: {
    request: { method: 'GET', path: '/api/documents' },
    expect: { anonymous: 401, client: 200, member: 400, lead: 400, admin: 400, otherFirmAdmin: 400 },
  },
  getDocument: { request: { method: 'GET', path: '/api/documents/none' }, expect: signedIn(404) },
  getDocumentDownload: { request: { method: 'GET', path: '/api/documents/none/download' }, expect: signedIn(404) },
  // Folders: everyone with documents lists their own customer's (staff name the customer); staff organise them.
  listDocumentFolders: {
    request: { method: 'GET', path: '/api/documents/folders' },
    expect: { anonymous: 401, client: 200, member: 400, lead: 400, admin: 400, otherFirmAdmin: 400 },
  },
  createDocumentFolder: {
    request: { method: 'POST', path: '/api/documents/folders', body: {} },
    expect: { anonymous: 401, client: 403, member: 400, lead: 400, admin: 400, otherFirmAdmin: 400 },
  },
  updateDocumentFolder: {
    request: { method: 'PATCH', path: '/api/documents/folders/none', body: { name: 'Renamed' } },
    expect: { anonymous: 401, client: 403, member: 404, lead: 404, admin: 404, otherFirmAdmin: 404 },
  },
  deleteDocumentFolder: {
    request: { method: 'DELETE', path: '/api/documents/folders/none' },
    expect: { anonymous: 401, client: 403, member: 404, lead: 404, admin: 404, otherFirmAdmin: 404 },
  },
  updateDocument: {
    request: { method: 'PATCH', path: '/api/documents/none', body: {} },
    expect: { anonymous: 401, client: 403, member: 404, lead: 404, admin: 404, otherFirmAdmin: 404 },
  },
  // A client zips their own customer's documents; staff name the customer (none: not found).
  requestDocumentZip: {
    request: { method: 'POST', path: '/api/documents/zips', body: { customerId: 'none' } },
    expect: { anonymous: 401, client: 404, member: 404, lead: 404, admin: 404, otherFirmAdmin: 404 },
  },
  getDocumentZip: {
    request: { method: 'GET', path: '/api/documents/zips/none' },
    expect: { anonymous: 401, client: 404, member: 404, lead: 404, admin: 404, otherFirmAdmin: 404 },
  },
  deleteDocument: {
    request: { method: 'DELETE', path: '/api/documents/none' },
    expect: { anonymous: 401, client: 403, member: 404, lead: 404, admin: 404, otherFirmAdmin: 404 },
  },
  getDocumentSettings: {
    request: { method: 'GET', path: '/api/firm/document-settings' },
    expect: { anonymous: 401, client: 403, member: 403, lead: 403, admin: 200, otherFirmAdmin: 200 },
  },
  updateDocumentSettings: {
    request: { method: 'PATCH', path: '/api/firm/document-settings', body: {} },
    expect: { anonymous: 401, client: 403, member: 403, lead: 403, admin: 400, otherFirmAdmin: 400 },
  },
  // Document requests: staff ask (naming the customer), everyone with documents lists their customer's.
  createDocumentRequest: {
    request: { method: 'POST', path: '/api/document-requests', body: {} },
    expect: { anonymous: 401, client: 403, member: 400, lead: 400, admin: 400, otherFirmAdmin: 400 },
  },
  listDocumentRequests: {
    request: { method: 'GET', path: '/api/document-requests' },
    expect: { anonymous: 401, client: 200, member: 400, lead: 400, admin: 400, otherFirmAdmin: 400 },
  },
  cancelDocumentRequest: {
    request: { method: 'POST', path: '/api/document-requests/none/cancel' },
    expect: { anonymous: 401, client: 403, member: 404, lead: 404, admin: 404, otherFirmAdmin: 404 },
  },
  // Versions: staff revert and read a document's history; everyone who may see one compares and previews it.
  revertDocumentVersion: {
    request: { method: 'POST', path: '/api/documents/none/versions/1/revert', body: {} },
    expect: { anonymous: 401, client: 403, member: 404, lead: 404, admin: 404, otherFirmAdmin: 404 },
  },
  compareDocumentVersions: { request: { method: 'GET', path: '/api/documents/none/compare?from=1&to=2' }, expect: signedIn(404) },
  getDocumentPreview: { request: { method: 'GET', path: '/api/documents/none/preview' }, expect: signedIn(404) },
  listDocumentHistory: {
    request: { method: 'GET', path: '/api/documents/none/history' },
    expect: { anonymous: 401, client: 403, member: 404, lead: 404, admin: 404, otherFirmAdmin: 404 },
  },
  // Share links: staff share and revoke; the link itself is public, and a made-up one is not found.
  createDocumentShare: {
    request: { method: 'POST', path: '/api/documents/none/shares', body: { email: 'someone@example.com', days: 7 } },
    expect: { anonymous: 401, client: 403, member: 404, lead: 404, admin: 404, otherFirmAdmin: 404 },
  },
  listDocumentShares: {
    request: { method: 'GET', path: '/api/documents/none/shares' },
    expect: { anonymous: 401, client: 403, member: 404, lead: 404, admin: 404, otherFirmAdmin: 404 },
  },
  revokeDocumentShare: {
    request: { method: 'POST', path: '/api/documents/none/shares/none/revoke' },
    expect: { anonymous: 401, client: 403, member: 404, lead: 404, admin: 404, otherFirmAdmin: 404 },
  },
  getSharedDocument: { request: { method: 'GET', path: '/api/shared/t-designpi.none.secret' }, expect: everyone(404) },
  sendShareCode: { request: { method: 'POST', path: '/api/shared/t-designpi.none.secret/code' }, expect: everyone(404) },
  downloadSharedDocument: { request: { method: 'POST', path: '/api/shared/t-designpi.none.secret/download', body: {} }, expect: everyone(404) },
  // The quarantine console is the admins' alone (documents.quarantine); another firm's versions are not found (documents.int.test.ts).
  listHeldDocumentVersions: {
    request: { method: 'GET', path: '/api/documents/quarantine' },
    expect: { anonymous: 401, client: 403, member: 403, lead: 403, admin: 200, otherFirmAdmin: 200 },
  },
  discardDocumentVersion: {
    request: { method: 'POST', path: '/api/documents/none/versions/1/discard' },
    expect: { anonymous: 401, client: 403, member: 403, lead: 403, admin: 404, otherFirmAdmin: 404 },
  },
  rescanDocumentVersion: {
    request: { method: 'POST', path: '/api/documents/none/versions/1/rescan' },
    expect: { anonymous: 401, client: 403, member: 403, lead: 403, admin: 404, otherFirmAdmin: 404 },
  },
  getCustomer: {
    request: { method: 'GET', path: '/api/customers/none' },
    expect: { anonymous: 401, client: 403, member: 404, lead: 404, admin: 404, otherFirmAdmin: 404 },
  },
  listCustomerTimeline: {
    request: { method: 'GET', path: '/api/customers/none/timeline' },
    expect: { anonymous: 401, client: 403, member: 404, lead: 404, admin: 404, otherFirmAdmin: 404 },
  },
  listCustomerBookings: {
    request: { method: 'GET', path: '/api/customers/none/bookings' },
    expect: { anonymous: 401, client: 403, member: 404, lead: 404, admin: 404, otherFirmAdmin: 404 },
  },
  updateCustomer: {
    request: { method: 'PATCH', path: '/api/customers/none', body: { version: 1 } },
    expect: { anonymous: 401, client: 403, member: 403, lead: 403, admin: 404, otherFirmAdmin: 404 },
  },
  updateContact: {
    request: { method: 'PATCH', path: '/api/customers/none/contacts/nobody', body: { version: 1 } },
    expect: { anonymous: 401, client: 403, member: 403, lead: 403, admin: 404, otherFirmAdmin: 404 },
  },
  // A client's own organisation: John is Acme's primary contact; staff are nobody's contacts (customers.int.test.ts).
  getOrganisation: {
    request: { method: 'GET', path: '/api/organisation' },
    expect: { anonymous: 401, client: 200, member: 404, lead: 404, admin: 404, otherFirmAdmin: 404 },
  },
  updateColleague: {
    request: { method: 'PATCH', path: '/api/organisation/contacts/nobody', body: { version: 1, contactAccess: 'own' } },
    expect: { anonymous: 401, client: 404, member: 403, lead: 403, admin: 403, otherFirmAdmin: 403 },
  },
  // The body is read first here (every caller may be a primary contact); who may invite: customers.int.test.ts.
  inviteColleague: { request: { method: 'POST', path: '/api/organisation/contacts', body: {} }, expect: signedIn(400) },
  mergeCustomers: {
    request: { method: 'POST', path: '/api/customers/none/merge', body: { from: 'other' } },
    expect: { anonymous: 401, client: 403, member: 403, lead: 403, admin: 404, otherFirmAdmin: 404 },
  },
  listRequests: { request: { method: 'GET', path: '/api/requests' }, expect: signedIn(200) },
  // Another client's, another firm's, or an unassigned team member's request is 404 too (requests.int.test.ts).
  getRequest: { request: { method: 'GET', path: '/api/requests/none' }, expect: { ...everyone(404), anonymous: 401 } },
  // The home is a client's: staff have their dashboard.
  // The brand is the admins' (settings.manage); a bad colour here would be a 400 for them.
  getFirmBrand: { request: { method: 'GET', path: '/api/firm/brand' }, expect: { ...signedIn(403), admin: 200, otherFirmAdmin: 200 } },
  updateFirmBrand: {
    request: { method: 'PATCH', path: '/api/firm/brand', body: { accent: 'pink' } },
    expect: { ...signedIn(403), admin: 400, otherFirmAdmin: 400 },
  },
  getFirmLanguages: { request: { method: 'GET', path: '/api/firm/languages' }, expect: { ...signedIn(403), admin: 200, otherFirmAdmin: 200 } },
  updateFirmLanguages: {
    request: { method: 'PATCH', path: '/api/firm/languages', body: { languages: [] } },
    expect: { ...signedIn(403), admin: 400, otherFirmAdmin: 400 },
  },
  getClientHome: { request: { method: 'GET', path: '/api/home' }, expect: { ...signedIn(403), client: 200 } },
  moveRequest: {
    request: { method: 'POST', path: '/api/requests/none/status', body: { to: 'in_review', version: 1 } },
    expect: { ...everyone(404), anonymous: 401 },
  },
  assignRequest: {
    request: { method: 'POST', path: '/api/requests/none/assignee', body: { assigneeId: 'x', version: 1 } },
    expect: { anonymous: 401, client: 403, member: 403, lead: 404, admin: 404, otherFirmAdmin: 404 },
  },
  commentOnRequest: { request: { method: 'POST', path: '/api/requests/none/comments', body: { text: 'Hello' } }, expect: { ...everyone(404), anonymous: 401 } },
  approveRequest: { request: { method: 'POST', path: '/api/requests/none/approval', body: { version: 1 } }, expect: { ...everyone(404), anonymous: 401 } },
  updateRequest: { request: { method: 'PATCH', path: '/api/requests/none', body: { version: 1 } }, expect: { ...everyone(404), anonymous: 401 } },
  deleteRequest: {
    request: { method: 'DELETE', path: '/api/requests/none' },
    expect: { anonymous: 401, client: 403, member: 403, lead: 403, admin: 404, otherFirmAdmin: 404 },
  },
  // Staff may try; each request is then authorized on its own and answered per item (workflow.int.test.ts).
  bulkRequests: {
    request: { method: 'POST', path: '/api/requests/bulk', body: { action: 'priority', requestIds: ['none'], priority: 'low' } },
    expect: { anonymous: 401, client: 403, member: 200, lead: 200, admin: 200, otherFirmAdmin: 200 },
  },
  // Each admin sees and changes their own firm's review rules only (request-settings.int.test.ts).
  getRequestSettings: {
    request: { method: 'GET', path: '/api/firm/request-settings' },
    expect: { anonymous: 401, client: 403, member: 403, lead: 403, admin: 200, otherFirmAdmin: 200 },
  },
  updateRequestSettings: {
    request: { method: 'PATCH', path: '/api/firm/request-settings', body: {} },
    expect: { anonymous: 401, client: 403, member: 403, lead: 403, admin: 400, otherFirmAdmin: 400 },
  },
  // Staff see their own firm's team (team.int.test.ts); clients do not.
  listTeamWorkload: {
    request: { method: 'GET', path: '/api/team/workload' },
    expect: { anonymous: 401, client: 403, member: 200, lead: 200, admin: 200, otherFirmAdmin: 200 },
  },
  // Leads and admins make tasks from templates; only admins keep them. Another firm's template is 404 (tasks.int.test.ts).
  listTaskTemplates: {
    request: { method: 'GET', path: '/api/task-templates' },
    expect: { anonymous: 401, client: 403, member: 403, lead: 200, admin: 200, otherFirmAdmin: 200 },
  },
  listTaskTemplateCategories: {
    request: { method: 'GET', path: '/api/task-templates/categories' },
    expect: { anonymous: 401, client: 403, member: 403, lead: 200, admin: 200, otherFirmAdmin: 200 },
  },
  getTaskTemplate: {
    request: { method: 'GET', path: '/api/task-templates/none' },
    expect: { anonymous: 401, client: 403, member: 403, lead: 404, admin: 404, otherFirmAdmin: 404 },
  },
  createTaskTemplate: {
    request: { method: 'POST', path: '/api/task-templates', body: {} },
    expect: { anonymous: 401, client: 403, member: 403, lead: 403, admin: 400, otherFirmAdmin: 400 },
  },
  updateTaskTemplate: {
    request: { method: 'PATCH', path: '/api/task-templates/none', body: { version: 1 } },
    expect: { anonymous: 401, client: 403, member: 403, lead: 403, admin: 404, otherFirmAdmin: 404 },
  },
  deleteTaskTemplate: {
    request: { method: 'DELETE', path: '/api/task-templates/none' },
    expect: { anonymous: 401, client: 403, member: 403, lead: 403, admin: 404, otherFirmAdmin: 404 },
  },
  // Whoever hands tasks out sees their own firm's staff only (tasks.int.test.ts).
  offerTaskAssignees: {
    request: { method: 'GET', path: '/api/task-assignees' },
    expect: { anonymous: 401, client: 403, member: 403, lead: 200, admin: 200, otherFirmAdmin: 200 },
  },
  createTask: {
    request: { method: 'POST', path: '/api/tasks', body: {} },
    expect: { anonymous: 401, client: 403, member: 403, lead: 400, admin: 400, otherFirmAdmin: 400 },
  },
  // A team member sees their own tasks and those of requests they may see; clients none (tasks.int.test.ts).
  listTasks: {
    request: { method: 'GET', path: '/api/tasks' },
    expect: { anonymous: 401, client: 403, member: 200, lead: 200, admin: 200, otherFirmAdmin: 200 },
  },
  // Another firm's task, and a team member's look at someone else's, are 404 too (tasks.int.test.ts).
  getTask: {
    request: { method: 'GET', path: '/api/tasks/none' },
    expect: { anonymous: 401, client: 403, member: 404, lead: 404, admin: 404, otherFirmAdmin: 404 },
  },
  updateTask: {
    request: { method: 'PATCH', path: '/api/tasks/none', body: { version: 1 } },
    expect: { anonymous: 401, client: 403, member: 404, lead: 404, admin: 404, otherFirmAdmin: 404 },
  },
  assignTask: {
    request: { method: 'POST', path: '/api/tasks/none/assignee', body: { assigneeId: 'x', version: 1 } },
    expect: { anonymous: 401, client: 403, member: 403, lead: 404, admin: 404, otherFirmAdmin: 404 },
  },
  checkTaskItem: {
    request: { method: 'PUT', path: '/api/tasks/none/checklist/c1', body: { done: true } },
    expect: { anonymous: 401, client: 403, member: 404, lead: 404, admin: 404, otherFirmAdmin: 404 },
  },
  commentOnTask: {
    request: { method: 'POST', path: '/api/tasks/none/comments', body: { text: 'Hello' } },
    expect: { anonymous: 401, client: 403, member: 404, lead: 404, admin: 404, otherFirmAdmin: 404 },
  },
  deleteTask: {
    request: { method: 'DELETE', path: '/api/tasks/none' },
    expect: { anonymous: 401, client: 403, member: 403, lead: 403, admin: 404, otherFirmAdmin: 404 },
  },
  // Leads and admins; each firm's own counters (kpis.int.test.ts).
  getRequestKpis: {
    request: { method: 'GET', path: '/api/analytics/requests' },
    expect: { anonymous: 401, client: 403, member: 403, lead: 200, admin: 200, otherFirmAdmin: 200 },
  },
  getKpiTrends: {
    request: { method: 'GET', path: '/api/analytics/trends' },
    expect: { anonymous: 401, client: 403, member: 403, lead: 200, admin: 200, otherFirmAdmin: 200 },
  },
  getBookingKpis: {
    request: { method: 'GET', path: '/api/analytics/bookings' },
    expect: { anonymous: 401, client: 403, member: 403, lead: 200, admin: 200, otherFirmAdmin: 200 },
  },
  // Admins (analytics.export); an export is its requester's alone (exports.int.test.ts).
  createRequestExport: {
    request: { method: 'POST', path: '/api/requests/exports', body: { q: 'matrix' } },
    expect: { anonymous: 401, client: 403, member: 403, lead: 403, admin: 202, otherFirmAdmin: 202 },
  },
  getRequestExport: {
    request: { method: 'GET', path: '/api/requests/exports/none' },
    expect: { anonymous: 401, client: 403, member: 403, lead: 403, admin: 404, otherFirmAdmin: 404 },
  },
  // Whoever assigns sees their own firm's ranking (team.int.test.ts); an unknown service is named.
  rankRequestAssignees: {
    request: { method: 'GET', path: '/api/team/request-candidates?serviceId=none' },
    expect: { anonymous: 401, client: 403, member: 403, lead: 400, admin: 400, otherFirmAdmin: 400 },
  },
  // Anyone's for those who see users; a team member only their own, others' are 404 (team.int.test.ts).
  listAssignmentHistory: {
    request: { method: 'GET', path: '/api/team/nobody/assignments' },
    expect: { anonymous: 401, client: 403, member: 404, lead: 200, admin: 200, otherFirmAdmin: 200 },
  },
  // A person whose email was never stopped is 409 (email-feedback.int.test.ts has one that was).
  resumeEmail: {
    request: { method: 'POST', path: '/api/users/nobody/email/resume' },
    expect: { anonymous: 401, client: 403, member: 403, lead: 403, admin: 404, otherFirmAdmin: 404 },
  },
  // A firm's admins (firm.export): its own data only; another firm's export is 404 (platform/firm-exports.int.test.ts).
  // Each firm here has an export building (beforeAll), so an admin's ask is a 409, not a whole firm's export in the background.
  requestFirmExport: {
    request: { method: 'POST', path: '/api/firm/exports' },
    expect: { anonymous: 401, client: 403, member: 403, lead: 403, admin: 409, otherFirmAdmin: 409 },
  },
  listFirmExports: {
    request: { method: 'GET', path: '/api/firm/exports' },
    expect: { anonymous: 401, client: 403, member: 403, lead: 403, admin: 200, otherFirmAdmin: 200 },
  },
  getFirmExport: {
    request: { method: 'GET', path: '/api/firm/exports/none' },
    expect: { anonymous: 401, client: 403, member: 403, lead: 403, admin: 404, otherFirmAdmin: 404 },
  },
  // A page of firms; a firm the operator makes, looks into and suspends: platform/firms.int.test.ts (here bodies and ids that change nothing).
  listFirms: { request: { method: 'GET', path: '/api/platform/firms' }, expect: operatorOnly(200) },
  createFirm: { request: { method: 'POST', path: '/api/platform/firms', body: { name: 'Matrix', slug: 'x' } }, expect: operatorOnly(400) },
  getFirm: { request: { method: 'GET', path: '/api/platform/firms/t-none' }, expect: operatorOnly(404) },
  suspendFirm: { request: { method: 'POST', path: '/api/platform/firms/t-none/suspend', body: { reason: 'matrix' } }, expect: operatorOnly(404) },
  reactivateFirm: { request: { method: 'POST', path: '/api/platform/firms/t-none/reactivate', body: { reason: 'matrix' } }, expect: operatorOnly(404) },
  scheduleFirmDeletion: {
    request: { method: 'POST', path: '/api/platform/firms/t-none/deletion', body: { name: 'None', reason: 'matrix' } },
    expect: operatorOnly(404),
  },
  cancelFirmDeletion: {
    request: { method: 'POST', path: '/api/platform/firms/t-none/deletion/cancel', body: { reason: 'matrix' } },
    expect: operatorOnly(404),
  },
  getOpenApi: { request: { method: 'GET', path: '/api/openapi.json' }, expect: everyone(200) },
  getHealth: { request: { method: 'GET', path: '/api/health' }, expect: everyone(200) },
  // Admins only; the live-connection count is of the caller's own firm (system-health.int.test.ts).
  getSystemHealth: {
    request: { method: 'GET', path: '/api/system/health' },
    expect: { anonymous: 401, client: 403, member: 403, lead: 403, admin: 200, otherFirmAdmin: 200 },
  },
  // Public: any firm's sign-up page; one that takes no sign-ups refuses with 403 (signup.int.test.ts).
  getSignUpFirm: { request: { method: 'GET', path: '/api/signup/designpi' }, expect: everyone(200) },
  signUp: {
    request: { method: 'POST', path: '/api/signup/designpi', bodyFor: (actor) => ({ name: 'Matrix Person', email: `matrix-${actor}@example.com` }) },
    expect: everyone(202),
  },
  // The public booking page: the same for everyone, signed in or not; a service that is not bookable is 404.
  getBookingPage: { request: { method: 'GET', path: '/api/book/designpi' }, expect: everyone(200) },
  getBookingSlots: { request: { method: 'GET', path: `/api/book/designpi/services/nope/slots?from=${SOON}&to=${LATER}` }, expect: everyone(404) },
  quoteBooking: { request: { method: 'POST', path: '/api/book/designpi/quote', body: { serviceId: 'nope', start: SOON } }, expect: everyone(404) },
  createGuestBooking: {
    request: {
      method: 'POST',
      path: '/api/book/designpi/bookings',
      body: { serviceId: 'nope', start: SOON, timeZone: 'UTC', name: 'Matrix Guest', email: 'matrix-guest@example.com' },
    },
    expect: everyone(404),
  },
  // Signed-in bookings: everyone sees a calendar (their own part of it); changes need the booking to be theirs to see (real ones: bookings.int.test.ts).
  listBookings: { request: { method: 'GET', path: `/api/bookings?from=${SOON}&to=${LATER}` }, expect: signedIn(200) },
  confirmBooking: {
    request: { method: 'POST', path: '/api/bookings/none/confirm', body: { version: 1 } },
    expect: { anonymous: 401, client: 403, member: 404, lead: 404, admin: 404, otherFirmAdmin: 404 },
  },
  listPromoCodes: {
    request: { method: 'GET', path: '/api/promo-codes' },
    expect: { anonymous: 401, client: 403, member: 403, lead: 403, admin: 200, otherFirmAdmin: 200 },
  },
  createPromoCode: {
    request: { method: 'POST', path: '/api/promo-codes', body: { code: 'X', kind: 'percent', value: 10 } },
    expect: { anonymous: 401, client: 403, member: 403, lead: 403, admin: 400, otherFirmAdmin: 400 },
  },
  updatePromoCode: {
    request: { method: 'PUT', path: '/api/promo-codes/NOPE', body: { kind: 'percent', value: 10, version: 1 } },
    expect: { anonymous: 401, client: 403, member: 403, lead: 403, admin: 404, otherFirmAdmin: 404 },
  },
  // Staff must name the client (400 before the service is looked up); a client books for themselves.
  createBooking: {
    request: { method: 'POST', path: '/api/bookings', body: { serviceId: 'nope', start: SOON, timeZone: 'UTC' } },
    expect: { anonymous: 401, client: 404, member: 403, lead: 400, admin: 400, otherFirmAdmin: 400 },
  },
  // Anyone may plan a series (no data, nothing written); placing one needs a plan signed by this portal (booking-series.int.test.ts).
  planBookingSeries: {
    request: { method: 'POST', path: '/api/booking-plans', body: { start: SOON, zone: 'America/New_York', frequency: 'weekly', count: 3 } },
    expect: everyone(200),
  },
  createBookingSeries: {
    request: {
      method: 'POST',
      path: '/api/booking-series',
      body: {
        serviceId: 'nope',
        timeZone: 'UTC',
        plan: { zone: 'UTC', rule: 'FREQ=DAILY;INTERVAL=1;COUNT=2', occurrences: [SOON], expiresAt: LATER, signature: 'forged' },
      },
    },
    expect: { anonymous: 401, client: 400, member: 403, lead: 400, admin: 400, otherFirmAdmin: 400 },
  },
  rescheduleBooking: {
    request: { method: 'POST', path: '/api/bookings/none/reschedule', body: { start: SOON, version: 1 } },
    expect: { anonymous: 401, client: 403, member: 404, lead: 404, admin: 404, otherFirmAdmin: 404 },
  },
  cancelBooking: { request: { method: 'POST', path: '/api/bookings/none/cancel', body: { version: 1 } }, expect: signedIn(404) },
  recordBookingOutcome: {
    request: { method: 'POST', path: '/api/bookings/none/outcome', body: { version: 1, outcome: 'attended' } },
    expect: { anonymous: 401, client: 403, member: 404, lead: 404, admin: 404, otherFirmAdmin: 404 },
  },
  // One's own ('me') for everyone; someone else's only with users.manage (another firm's person is 404: team.int.test.ts).
  getBookingProfile: { request: { method: 'GET', path: '/api/team/me/booking-profile' }, expect: signedIn(200) },
  updateBookingProfile: {
    request: { method: 'PUT', path: '/api/team/nobody/booking-profile', body: { version: 1 } },
    expect: { anonymous: 401, client: 403, member: 403, lead: 403, admin: 404, otherFirmAdmin: 404 },
  },
  openBookingLink: { request: { method: 'POST', path: '/api/bookings/none/link' }, expect: signedIn(404) },
  listMyAppointments: { request: { method: 'GET', path: '/api/me/appointments?when=past' }, expect: signedIn(200) },
  // A forged manage token opens nothing, whoever sends it (wrong and expired tokens: scheduling.int.test.ts).
  getManagedBooking: { request: { method: 'GET', path: '/api/manage-booking/t-designpi.x.forged' }, expect: everyone(404) },
  getManagedBookingSlots: { request: { method: 'GET', path: `/api/manage-booking/t-designpi.x.forged/slots?from=${SOON}&to=${LATER}` }, expect: everyone(404) },
  rescheduleManagedBooking: {
    request: { method: 'POST', path: '/api/manage-booking/t-designpi.x.forged/reschedule', body: { start: SOON, version: 1 } },
    expect: everyone(404),
  },
  cancelManagedBooking: { request: { method: 'POST', path: '/api/manage-booking/t-designpi.x.forged/cancel', body: { version: 1 } }, expect: everyone(404) },
  claimManagedBooking: { request: { method: 'POST', path: '/api/manage-booking/t-designpi.x.forged/claim', body: { version: 1 } }, expect: everyone(404) },
  // Everyone signed in keeps views of their own; another person's view is a 404 (views.int.test.ts).
  listSavedViews: { request: { method: 'GET', path: '/api/views?list=requests' }, expect: signedIn(200) },
  createSavedView: {
    request: {
      method: 'POST',
      path: '/api/views',
      bodyFor: (actor) => ({ list: 'requests', name: `Matrix ${actor} ${RUN}`, filters: { status: 'submitted' } }),
    },
    expect: signedIn(201),
  },
  deleteSavedView: { request: { method: 'DELETE', path: '/api/views/none' }, expect: { ...everyone(404), anonymous: 401 } },
};

const tokens = new Map<ActorName, string>();
const tokenOf = async (actor: ActorName, fresh = false) => {
  const email = ACTORS[actor];
  if (!email) return undefined;
  if (fresh) return (await signIn(email)).token;
  if (!tokens.has(actor)) tokens.set(actor, (await signIn(email)).token);
  return tokens.get(actor);
};

beforeAll(async () => {
  for (const actor of Object.keys(ACTORS) as ActorName[]) await tokenOf(actor);
  const now = Date.now();
  for (const tenantId of ['t-designpi', 't-northwind'])
    await database()
      .entities.firmExport.create({
        tenantId,
        exportId: `matrix-${RUN}`,
        requestedBy: 'matrix',
        status: 'building',
        createdAt: new Date(now).toISOString(),
        expiresAt: Math.floor(now / 1000) + 600,
      })
      .go();
});

describe('authorization matrix', () => {
  it('has a row for every operation', () => {
    expect(Object.keys(MATRIX).sort()).toEqual(OPERATIONS.map((o) => o.operationId).sort());
  });

  it('asks the operator of every platform route', () => {
    const platform = OPERATIONS.filter((o) => o.access === 'platform.manage').map((o) => o.operationId);
    expect(platform.length).toBeGreaterThan(0);
    expect(platform.filter((id) => MATRIX[id].expect.operator === undefined)).toEqual([]);
  });

  const cells = Object.entries(MATRIX).flatMap(([id, row]) =>
    (Object.keys(ACTORS) as ActorName[]).flatMap((actor) => {
      const expected = (row.expect as Partial<Record<ActorName, number>>)[actor];
      return expected === undefined ? [] : [[id, actor, expected, row] as const];
    }),
  );

  it.each(cells)('%s as %s → %i', async (id, actor, expected, row) => {
    // Logging out a shared token would break later cells; it gets a session of its own.
    const token = await tokenOf(actor, row.consumesSession);
    const body = row.request.bodyFor ? row.request.bodyFor(actor) : row.request.body;
    const res = await api(row.request.path, {
      method: row.request.method,
      ...(body !== undefined && { body: JSON.stringify(body) }),
      ...(token && { token }),
    });
    expect(res.status).toBe(expected);
    // Without a valid token API Gateway's JWT authorizer answers before the Lambda, in its own words.
    const behindAuthorizer = OPERATIONS.find((o) => o.operationId === id)!.access !== 'public';
    if (actor === 'anonymous' && behindAuthorizer) expect(res.body).toEqual({ message: 'Unauthorized' });
    else if (expected >= 400) expect(res.body.error.code).toBeTruthy();
    // That the answer is one the OpenAPI document gives, in its shape, the test client checks of every answer.
  });
});
