/** The audit actor of what someone not signed in tried (a failed sign-in): id and role alike. */
export const ANONYMOUS_ACTOR = 'anonymous';

/** The audit actor of what a scheduled job did. */
export const SYSTEM_ACTOR = 'system';
