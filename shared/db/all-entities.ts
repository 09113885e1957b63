/** Every entity in one service: for the seed and tests, never imported by a Lambda. */
import { Document, DocumentFolder, DocumentFolderName, DocumentVersion } from './entities/document.ts';
import { DocumentRequest } from './entities/document-request.ts';
import { DocumentShare } from './entities/document-share.ts';
import { DocumentTag } from './entities/document-tag.ts';
import { DocumentZip } from './entities/document-zip.ts';
import { AssignmentRecord } from './entities/assignment-record.ts';
import { AuditEntry } from './entities/audit-entry.ts';
import { BookingReminder } from './entities/booking-reminder.ts';
import { CalendarEntry } from './entities/calendar-entry.ts';
import { DeadlineAlert } from './entities/deadline-alert.ts';
import { EmailDigest } from './entities/email-digest.ts';
import { EmailLink } from './entities/email-link.ts';
import { Connection } from './entities/connection.ts';
import {
  Conversation,
  ConversationClientMessage,
  ConversationEmail,
  ConversationMessage,
  ConversationRead,
  ConversationSubscription,
  DefaultConversation,
  SupportTicket,
  ConversationSettings,
  TicketComment,
} from './entities/conversation.ts';
import { Invitation } from './entities/invitation.ts';
import { KpiCounter } from './entities/kpi-counter.ts';
import { Lead } from './entities/lead.ts';
import { ManageLink } from './entities/manage-link.ts';
import { MfaSetup } from './entities/mfa-setup.ts';
import { Notification } from './entities/notification.ts';
import { OutboxEvent } from './entities/outbox-event.ts';
import { PasswordReset } from './entities/password-reset.ts';
import { PromoCode, PromoUse } from './entities/promo-code.ts';
import { ProcessedEvent } from './entities/processed-event.ts';
import { RealtimeTicket } from './entities/realtime-ticket.ts';
import { RevokedToken } from './entities/revoked-token.ts';
import { Counter } from './entities/counter.ts';
import { Customer } from './entities/customer.ts';
import { RequestActivity } from './entities/request-activity.ts';
import { RequestExport } from './entities/request-export.ts';
import { FirmExport } from './entities/firm-export.ts';
import { SavedView } from './entities/saved-view.ts';
import { Service } from './entities/service.ts';
import { ServiceRequest } from './entities/service-request.ts';
import { SignInGuard } from './entities/sign-in-guard.ts';
import { SignInSession } from './entities/sign-in-session.ts';
import { SlotLock } from './entities/slot-lock.ts';
import { Tenant } from './entities/tenant.ts';
import { SlugClaim } from './entities/slug-claim.ts';
import { FirmUsage } from './entities/firm-usage.ts';
import { EmailSuppression } from './entities/email-suppression.ts';
import { User } from './entities/user.ts';
import { Task } from './entities/task.ts';
import { TaskComment } from './entities/task-comment.ts';
import { TaskTemplate } from './entities/task-template.ts';
import { Workload } from './entities/workload.ts';
import { databaseOf } from './service.ts';

/** By name; a test holds it to every entity defined in ./entities. */
export const ALL_ENTITIES = {
  tenant: Tenant,
  slugClaim: SlugClaim,
  firmUsage: FirmUsage,
  emailSuppression: EmailSuppression,
  customer: Customer,
  user: User,
  audit: AuditEntry,
  outbox: OutboxEvent,
  revokedToken: RevokedToken,
  processedEvent: ProcessedEvent,
  invitation: Invitation,
  connection: Connection,
  conversation: Conversation,
  conversationMessage: ConversationMessage,
  conversationClientMessage: ConversationClientMessage,
  conversationEmail: ConversationEmail,
  conversationRead: ConversationRead,
  conversationSubscription: ConversationSubscription,
  defaultConversation: DefaultConversation,
  supportTicket: SupportTicket,
  conversationSettings: ConversationSettings,
  lead: Lead,
  ticketComment: TicketComment,
  realtimeTicket: RealtimeTicket,
  notification: Notification,
  emailDigest: EmailDigest,
  emailLink: EmailLink,
  deadlineAlert: DeadlineAlert,
  passwordReset: PasswordReset,
  mfaSetup: MfaSetup,
  signInGuard: SignInGuard,
  signInSession: SignInSession,
  service: Service,
  serviceRequest: ServiceRequest,
  requestActivity: RequestActivity,
  counter: Counter,
  workload: Workload,
  taskTemplate: TaskTemplate,
  task: Task,
  taskComment: TaskComment,
  kpi: KpiCounter,
  assignment: AssignmentRecord,
  calendar: CalendarEntry,
  lock: SlotLock,
  reminder: BookingReminder,
  manageLink: ManageLink,
  promo: PromoCode,
  promoUse: PromoUse,
  requestExport: RequestExport,
  firmExport: FirmExport,
  savedView: SavedView,
  document: Document,
  documentVersion: DocumentVersion,
  documentFolder: DocumentFolder,
  documentFolderName: DocumentFolderName,
  documentRequest: DocumentRequest,
  documentShare: DocumentShare,
  documentTag: DocumentTag,
  documentZip: DocumentZip,
};

export const database = databaseOf(ALL_ENTITIES);
