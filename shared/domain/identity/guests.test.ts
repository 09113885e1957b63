import { describe, expect, it } from 'vitest';
import { claimable, holdEndsAt, HOLD_HOURS, isUnclaimedGuest } from './guests.ts';

const guest = { userId: 'guest-0a1b', role: 'CLIENT', status: 'invited' };

describe('guest accounts', () => {
  it('are unclaimed while a guest’s booking made them and nobody has accepted an invitation to them', () => {
    expect(isUnclaimedGuest(guest)).toBe(true);
    expect(isUnclaimedGuest({ ...guest, status: 'active' })).toBe(false);
    expect(isUnclaimedGuest({ ...guest, userId: 'c0ffee' })).toBe(false);
    expect(isUnclaimedGuest({ ...guest, role: 'TEAM_MEMBER' })).toBe(false);
  });

  it('may be claimed with no sign-in identity for the address, or the one an earlier claim made for them, never someone else’s', () => {
    expect(claimable(guest, undefined)).toBe(true);
    expect(claimable(guest, { userId: 'guest-0a1b' })).toBe(true);
    expect(claimable(guest, { userId: 'a-cognito-sub' })).toBe(false);
    expect(claimable({ ...guest, status: 'active' }, undefined)).toBe(false);
  });

  it('hold a booking made with an account’s address for a day, never past its start', () => {
    const now = Date.parse('2027-01-04T10:00:00Z');
    expect(holdEndsAt(now, Date.parse('2027-01-10T10:00:00Z'))).toBe(now + HOLD_HOURS * 3_600_000);
    expect(holdEndsAt(now, Date.parse('2027-01-04T15:00:00Z'))).toBe(Date.parse('2027-01-04T15:00:00Z'));
  });
});
