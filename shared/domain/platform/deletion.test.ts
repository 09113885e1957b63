import { describe, expect, it } from 'vitest';
import { DELETION_GRACE_DAYS, confirmsName, purgeDateOf, purgeIsDue } from './deletion.ts';

describe('deleting a firm', () => {
  it('takes its name exactly, spaces around it aside', () => {
    expect(confirmsName('  Oak & Ash ', 'Oak & Ash')).toBe(true);
    expect(confirmsName('oak & ash', 'Oak & Ash')).toBe(false);
    expect(confirmsName('Oak &  Ash', 'Oak & Ash')).toBe(false);
    expect(confirmsName('', 'Oak & Ash')).toBe(false);
  });

  it('purges a suspended firm once its date has passed, never one whose deletion was cancelled', () => {
    const asked = new Date('2026-12-04T10:00:00Z');
    const deleteAfter = purgeDateOf(asked);
    expect(deleteAfter).toBe(`2027-01-03T10:00:00.000Z`);
    expect(DELETION_GRACE_DAYS).toBe(30);
    const firm = { status: 'suspended', deleteAfter };
    expect(purgeIsDue(firm, new Date('2027-01-03T09:59:59Z'))).toBe(false);
    expect(purgeIsDue(firm, new Date('2027-01-03T10:00:00Z'))).toBe(true);
    expect(purgeIsDue({ status: 'suspended' }, new Date('2030-01-01T00:00:00Z'))).toBe(false);
    expect(purgeIsDue({ status: 'active', deleteAfter }, new Date('2030-01-01T00:00:00Z'))).toBe(false);
  });
});
