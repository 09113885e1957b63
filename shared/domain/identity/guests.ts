/**
 * A guest who books with a new address gets a client account at once, its id made from the
 * address (so a retry cannot make a second), with no sign-in identity. The guest, or the firm
 * by inviting them, later claims that account: the identity made then signs in as it, so the
 * bookings stay theirs (ADR 0012).
 */
export const GUEST_ID_PREFIX = 'guest-';

/** The role in the audit trail of what someone did without signing in, as a guest. */
export const GUEST_ROLE = 'GUEST';

/** A guest's account nobody has been invited to or signed up for yet. */
export const isUnclaimedGuest = (user: { userId: string; role: string; status: string }): boolean =>
  user.userId.startsWith(GUEST_ID_PREFIX) && user.role === 'CLIENT' && user.status === 'invited';

/**
 * Whether an invitation or a sign-up may claim this account: an unclaimed guest's, whose address
 * has no sign-in identity yet, or only the one an earlier claim made for this very account (an
 * attempt that failed part-way, or an invitation not yet accepted: a new link is sent).
 */
export const claimable = (user: { userId: string; role: string; status: string }, identity: { userId: string } | undefined): boolean =>
  isUnclaimedGuest(user) && (!identity || identity.userId === user.userId);

/**
 * A guest booking with the address of an existing account (a client who signed in, a team
 * member, a closed account) is not that account's until the address confirms it from its
 * email: until then it is held under an id with this prefix, which no account has (ADR 0016).
 */
export const HELD_ID_PREFIX = 'held-';

/** How long the address has to confirm a held booking; never past the appointment's start. */
export const HOLD_HOURS = 24;
export const holdEndsAt = (now: number, start: number): number => Math.min(now + HOLD_HOURS * 3_600_000, start);

/** The reminder item whose falling due releases a held booking that nobody confirmed. */
export const HOLD_EXPIRY_RECIPIENT = 'hold-expiry';
