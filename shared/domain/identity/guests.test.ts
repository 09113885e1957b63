import { describe, expect, it } from 'vitest';
import { claimable, isUnclaimedGuest } from './guests.ts';

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
});
