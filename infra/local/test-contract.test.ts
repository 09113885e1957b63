import { describe, expect, it } from 'vitest';
import { contractProblem } from './test-contract.ts';

const firm = { slug: 'designpi', name: 'DesignPi', clientSignUp: true, locale: 'en', languages: ['en', 'ar'] };

describe('the check of every answer against the OpenAPI document', () => {
  it('accepts a documented status with a body in the documented shape', () => {
    expect(contractProblem('GET', '/api/signup/designpi', 200, firm)).toBeUndefined();
    expect(contractProblem('POST', '/api/auth/forgot-password', 202, undefined)).toBeUndefined();
    expect(contractProblem('GET', '/api/signup/nope?x=1', 404, { error: { code: 'not_found', message: 'Firm not found.' } })).toBeUndefined();
  });

  it('refuses a status the document does not give, and any server error', () => {
    expect(contractProblem('POST', '/api/auth/forgot-password', 200, undefined)).toMatch(/forgotPassword\) answered 200, which the document does not give/);
    expect(contractProblem('GET', '/api/signup/designpi', 500, { error: { code: 'internal', message: 'x' } })).toMatch(/server error/);
  });

  it('refuses a body the document does not describe: a field missing, of another type, or one it does not list', () => {
    expect(contractProblem('GET', '/api/signup/designpi', 200, { slug: 'designpi', name: 'DesignPi' })).toMatch(/clientSignUp/);
    expect(contractProblem('GET', '/api/signup/designpi', 200, { ...firm, clientSignUp: 'yes' })).toMatch(/boolean/);
    expect(contractProblem('GET', '/api/signup/designpi', 200, { ...firm, secret: 'leaked' })).toMatch(/additional properties/);
    expect(contractProblem('POST', '/api/auth/forgot-password', 202, { email: 'a@b.c' })).toMatch(/a body, where the document gives none/);
  });

  it('leaves alone what is no operation of the API', () => {
    expect(contractProblem('GET', '/api/no-such-thing', 404, { message: 'Not Found' })).toBeUndefined();
  });
});
