import * as z from 'zod/mini';
import { email, personName } from './common.ts';
import type { Schemas } from './types.ts';
import { firmLanguagesFields, locale } from './user.ts';

export const signUpFirm = z.object({ slug: z.string(), name: z.string(), clientSignUp: z.boolean(), ...firmLanguagesFields });

/** No password here: it is chosen from the emailed link, so nobody can pre-set one for another's address. */
export const signUpInput = z.object({ name: personName(120), email, locale: z.optional(locale) });

export const signUpAccepted = z.object({ email: z.string() });

/** The signup context's operations → schemas. */
export const SIGNUP_SCHEMAS = {
  getSignUpFirm: { response: signUpFirm },
  signUp: { body: signUpInput, response: signUpAccepted },
} satisfies Record<string, Schemas>;
