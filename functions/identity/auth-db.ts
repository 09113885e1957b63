import { databaseOf } from '../../shared/db/service.ts';
import { AuditEntry } from '../../shared/db/entities/audit-entry.ts';
import { Invitation } from '../../shared/db/entities/invitation.ts';
import { MfaSetup } from '../../shared/db/entities/mfa-setup.ts';
import { OutboxEvent } from '../../shared/db/entities/outbox-event.ts';
import { PasswordReset } from '../../shared/db/entities/password-reset.ts';
import { RevokedToken } from '../../shared/db/entities/revoked-token.ts';
import { SignInGuard } from '../../shared/db/entities/sign-in-guard.ts';
import { SignInSession } from '../../shared/db/entities/sign-in-session.ts';
import { Tenant } from '../../shared/db/entities/tenant.ts';
import { User } from '../../shared/db/entities/user.ts';

export const database = databaseOf({
  user: User,
  tenant: Tenant,
  revokedToken: RevokedToken,
  invitation: Invitation,
  passwordReset: PasswordReset,
  mfaSetup: MfaSetup,
  signInGuard: SignInGuard,
  signInSession: SignInSession,
  audit: AuditEntry,
  outbox: OutboxEvent,
});
