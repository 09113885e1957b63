import { describe, expect, it } from 'vitest';
import { formatLinkToken, hashSecret, newSecret, parseLinkToken, secretMatches } from './link-token.ts';

describe('link tokens', () => {
  it('round-trips and matches only its own secret', () => {
    const secret = newSecret();
    const token = formatLinkToken({ tenantId: 't-designpi', recordId: '1b4e28ba-2fa1-11d2-883f-0016d3cca427', secret });
    expect(parseLinkToken(token)).toEqual({ tenantId: 't-designpi', recordId: '1b4e28ba-2fa1-11d2-883f-0016d3cca427', secret });
    expect(secretMatches(hashSecret(secret), secret)).toBe(true);
    expect(secretMatches(hashSecret(secret), newSecret())).toBe(false);
    expect(secretMatches(undefined, secret)).toBe(false);
  });

  it('gives a different secret each time, never the stored hash', () => {
    const [a, b] = [newSecret(), newSecret()];
    expect(a).not.toBe(b);
    expect(hashSecret(a)).not.toBe(a);
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it.each(['', 'a.b', 'a.b.c.d', 't.r.s e', 't/..r.s', `t.${'x'.repeat(65)}.s`])('refuses %j', (token) => {
    expect(parseLinkToken(token)).toBeUndefined();
  });
});
