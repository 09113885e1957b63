import { IDENTITY_SCHEMAS } from '../../shared/api/schemas/identity.ts';
import { actorFromToken } from '../lib/auth.ts';
import { contextHandler } from '../lib/http.ts';
import { acceptInvitation, createInvitation, listInvitations, previewInvitation, resendInvitation } from './invitations.ts';
import { forgotPassword, resetPassword } from './password.ts';
import { login, logout, refresh } from './session.ts';
import { getMe, listUsers } from './users.ts';

export const handler = contextHandler({
  context: 'identity',
  schemas: IDENTITY_SCHEMAS,
  operations: { login, refresh, logout, getMe, listUsers, createInvitation, listInvitations, resendInvitation, previewInvitation, acceptInvitation, forgotPassword, resetPassword },
  authenticate: actorFromToken,
});
