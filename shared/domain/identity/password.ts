/**
 * The password policy, the same as the Cognito pool's (infra/constructs/auth.ts), checked
 * first by us so the person learns every missing rule at once, in their language.
 */
export const PASSWORD_MIN_LENGTH = 12;

export const PASSWORD_RULES = [
  { id: 'length', test: (p: string) => p.length >= PASSWORD_MIN_LENGTH, message: `at least ${PASSWORD_MIN_LENGTH} characters` },
  { id: 'lower', test: (p: string) => /[a-z]/.test(p), message: 'a lowercase letter' },
  { id: 'upper', test: (p: string) => /[A-Z]/.test(p), message: 'an uppercase letter' },
  { id: 'digit', test: (p: string) => /\d/.test(p), message: 'a digit' },
  { id: 'symbol', test: (p: string) => /[^A-Za-z0-9]/.test(p), message: 'a symbol' },
] as const;

export type PasswordRule = (typeof PASSWORD_RULES)[number]['id'];

export const unmetPasswordRules = (password: string): PasswordRule[] => PASSWORD_RULES.filter((r) => !r.test(password)).map((r) => r.id);

export function passwordProblem(password: string): string | undefined {
  const unmet = PASSWORD_RULES.filter((r) => !r.test(password));
  return unmet.length ? `needs ${unmet.map((r) => r.message).join(', ')}` : undefined;
}
