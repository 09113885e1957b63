/** The audit actor of what someone not signed in tried (a failed sign-in): id and role alike. */
export const ANONYMOUS_ACTOR = 'anonymous';
