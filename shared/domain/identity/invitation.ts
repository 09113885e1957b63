/** How long an emailed invitation link works. */
export const INVITATION_LINK_DAYS = 7;
