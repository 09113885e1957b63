/** Share links (issue 17): how long they may work, and the one-time code's rules. */
export const MIN_SHARE_DAYS = 1;
export const MAX_SHARE_DAYS = 30;
export const CODE_MINUTES = 10;
export const MAX_CODE_ATTEMPTS = 5;
/** A new code no sooner than this after the last one. */
export const CODE_RESEND_SECONDS = 30;
