/**
 * Every check of a signed-in person's password (turning two-step sign-in on or off, and any
 * later step-up) goes through here, behind the same guard as sign-in: five wrong passwords
 * pause the account, twenty pause the address, and each is audited like a failed sign-in.
 * A stolen session therefore cannot guess the password at full speed.
 */
import { AppError, validationFailed } from '../../shared/api/errors.ts';
import { startSignIn, type SignInResult } from './cognito.ts';
import type { Request } from '../lib/http.ts';
import { failedSignIn } from './session.ts';
import { guardSignIn, type SignInGuard } from './sign-in-guard.ts';

/** Counted like a failed sign-in; a wrong password is then named as the field at fault. */
export const stepUpFailed = (req: Request, email: string, guard: SignInGuard) => (error: unknown) =>
  failedSignIn(req, email, guard, error).catch((thrown: unknown) => {
    throw thrown instanceof AppError && thrown.code === 'unauthenticated'
      ? validationFailed([{ field: 'password', message: 'is not your current password' }])
      : thrown;
  });

/** Checks the password as a sign-in does (Cognito answers with tokens, or asks for the TOTP code). */
export async function checkPassword(req: Request, email: string, password: string): Promise<{ result: SignInResult; guard: SignInGuard }> {
  const guard = await guardSignIn(email, req.ip);
  const result = await startSignIn(email, password).catch(stepUpFailed(req, email, guard));
  return { result, guard };
}
