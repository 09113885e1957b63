/** The audit actor of what someone not signed in tried (a failed sign-in): id and role alike. */
export const ANONYMOUS_ACTOR = 'anonymous';

/** The audit actor of what a scheduled job did. */
export const SYSTEM_ACTOR = 'system';

/** The audit actor, in a firm's own log, of what the platform's operators did to it: the firm sees that the platform acted, never who (ADR 0035). */
export const PLATFORM_ACTOR = 'platform';
