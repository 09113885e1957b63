/** How long emailed links work, and how often a reset may be asked for. */
export const INVITATION_LINK_DAYS = 7;
export const RESET_LINK_MINUTES = 60;
export const RESET_REQUEST_INTERVAL_SECONDS = 60;
