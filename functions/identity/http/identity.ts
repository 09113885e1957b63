import { IDENTITY_SCHEMAS } from '../../../shared/api/schemas/identity.ts';
import { actorFromClaims } from '../../lib/auth.ts';
import { contextHandler } from '../../lib/http.ts';
import { createInvitation, inviteColleague, listInvitations, resendInvitation } from '../invitations.ts';
import { deactivateUser, getUser, reactivateUser, resumeEmail, updateUser } from '../people.ts';
import { getFirmLanguages, updateFirmLanguages } from '../languages.ts';
import { listUsers } from '../users.ts';
import { IDENTITY_OPERATIONS } from '../../../shared/api/operations/identity.ts';

/** The firm's directory: its people and their invitations. */
export const handler = contextHandler({
  routes: IDENTITY_OPERATIONS,
  schemas: IDENTITY_SCHEMAS,
  operations: {
    listUsers,
    getUser,
    updateUser,
    deactivateUser,
    reactivateUser,
    resumeEmail,
    createInvitation,
    inviteColleague,
    listInvitations,
    resendInvitation,
    getFirmLanguages,
    updateFirmLanguages,
  },
  authenticate: actorFromClaims,
});
