import { describe, expect, it } from 'vitest';
import { passwordProblem, unmetPasswordRules } from './password.ts';

describe('password policy', () => {
  it.each([
    ['Demo-Passw0rd!', []],
    ['short1!A', ['length']],
    ['alllowercase-123', ['upper']],
    ['ALLUPPERCASE-123', ['lower']],
    ['NoDigitsHere-!', ['digit']],
    ['NoSymbols12345', ['symbol']],
    ['', ['length', 'lower', 'upper', 'digit', 'symbol']],
  ])('%j misses %j', (password, unmet) => {
    expect(unmetPasswordRules(password)).toEqual(unmet);
  });

  it('says everything missing in one message', () => {
    expect(passwordProblem('abc')).toBe('needs at least 12 characters, an uppercase letter, a digit, a symbol');
    expect(passwordProblem('Demo-Passw0rd!')).toBeUndefined();
  });
});
