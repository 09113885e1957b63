import { describe, expect, it } from 'vitest';
import { tokenClaims } from './auth.ts';

/** Claims as API Gateway's JWT authorizer passes them on: every value a string. */
const inAnHour = String(Math.floor(Date.now() / 1000) + 3600);
const ID_TOKEN = { sub: 'u-1', jti: 'j-1', 'custom:tenantId': 't-1', token_use: 'id', iat: '1700000000', exp: inAnHour, 'cognito:groups': '[client]' };

describe('tokenClaims', () => {
  it('reads the caller from the string claims of an ID token', () => {
    expect(tokenClaims(ID_TOKEN)).toEqual({ userId: 'u-1', jti: 'j-1', tenantId: 't-1', issuedAt: 1700000000, expiresAt: Number(inAnHour) });
  });

  it('signs a claimed guest account in as that account, not as the identity’s sub', () => {
    expect(tokenClaims({ ...ID_TOKEN, 'custom:userId': 'guest-abc' }).userId).toBe('guest-abc');
  });

  it.each([
    ['an access token', { token_use: 'access' }],
    ['a token without a firm', { 'custom:tenantId': undefined }],
    ['a token without an id', { jti: '' }],
    ['a token without an issue time', { iat: 'soon' }],
    ['an expired token', { exp: String(Math.floor(Date.now() / 1000) - 1) }],
  ])('refuses %s with 401', (_name, change) => {
    expect(() => tokenClaims({ ...ID_TOKEN, ...change })).toThrow(expect.objectContaining({ code: 'unauthenticated' }));
  });
});
