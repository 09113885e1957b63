import { describe, expect, it } from 'vitest';
import { initialsOf } from './Avatar.tsx';

describe('initials', () => {
  it('takes the first letter of the first two words, in any script', () => {
    expect(initialsOf('Mike Chen')).toBe('MC');
    expect(initialsOf('  priya   sharma  kapoor ')).toBe('PS');
    expect(initialsOf('Omar')).toBe('O');
    expect(initialsOf('عمر حداد')).toBe('عح');
    expect(initialsOf('')).toBe('');
  });
});
