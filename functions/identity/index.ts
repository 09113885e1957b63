import { IDENTITY_SCHEMAS } from '../../shared/api/schemas/identity.ts';
import { actorFromToken } from '../lib/auth.ts';
import { contextHandler } from '../lib/http.ts';
import { createInvitation, listInvitations, resendInvitation } from './invitations.ts';
import { listUsers } from './users.ts';

/** The firm's directory: its people and their invitations. */
export const handler = contextHandler({
  context: 'identity',
  schemas: IDENTITY_SCHEMAS,
  operations: { listUsers, createInvitation, listInvitations, resendInvitation },
  authenticate: actorFromToken,
});
