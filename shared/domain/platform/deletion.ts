/**
 * Deleting a firm (issue 19; ADR 0039) takes two steps a month apart. The operator asks, typing
 * the firm's name: the firm is suspended, an export of all of it is built and kept, and its
 * purge is set DELETION_GRACE_DAYS ahead, which the operator can cancel until then. The daily
 * purge-firms job then removes its records, files and sign-in identities. What stays is the
 * firm's name and address as a tombstone, so that neither names another firm.
 */

/** Time to change one's mind, and for the firm to be handed its export. */
export const DELETION_GRACE_DAYS = 30;

/** The uploads bucket's folder of deleted firms' exports, kept until their purge (its lifecycle a few days longer). */
export const CLOSING_PREFIX = 'closing/';
export const closingKeyOf = (tenantId: string, exportId: string) => `${CLOSING_PREFIX}${tenantId}/${exportId}.zip`;

export const purgeDateOf = (now: Date): string => new Date(now.getTime() + DELETION_GRACE_DAYS * 86_400_000).toISOString();

/** Whether what the operator typed names the firm: exactly, spaces around it aside. */
export const confirmsName = (typed: string, name: string): boolean => typed.trim() === name.trim();

/** A firm whose purge has come: still set to be deleted (not cancelled), its date passed. */
export const purgeIsDue = (firm: { status: string; deleteAfter?: string }, now: Date): boolean =>
  firm.status === 'suspended' && firm.deleteAfter !== undefined && Date.parse(firm.deleteAfter) <= now.getTime();
