/** Typed errors the handlers throw; the one error mapper turns them into `{ error: {...} }`. */

export const ERROR_STATUS = {
  validation_failed: 400,
  unauthenticated: 401,
  forbidden: 403,
  mfa_required: 403,
  firm_suspended: 403,
  not_found: 404,
  conflict: 409,
  gone: 410,
  unprocessable: 422,
  rate_limited: 429,
  internal: 500,
} as const;
export type ErrorCode = keyof typeof ERROR_STATUS;

/**
 * The rule a field broke, for readers in another language than the message's: the web shows
 * its own words for the rule (with `limit`), English readers the server's more specific message.
 */
export const FIELD_RULES = [
  'required',
  'type',
  'too_short',
  'too_long',
  'too_few',
  'too_many',
  'too_small',
  'too_large',
  'format',
  'choice',
  'invalid',
] as const;
export type FieldRule = (typeof FIELD_RULES)[number];

export interface FieldProblem {
  field: string;
  message: string;
  rule?: FieldRule;
  /** The bound a `too_…` rule names. */
  limit?: number;
}

export interface ErrorBody {
  error: { code: ErrorCode; message: string; details?: FieldProblem[]; requestId?: string; [more: string]: unknown };
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: FieldProblem[] | undefined;
  readonly headers: Record<string, string>;
  /** More for the caller to act on, e.g. other free slots with a 409 for a taken one. */
  readonly extra: Record<string, unknown>;

  constructor(code: ErrorCode, message: string, details?: FieldProblem[], headers: Record<string, string> = {}, extra: Record<string, unknown> = {}) {
    super(message);
    this.code = code;
    this.details = details;
    this.headers = headers;
    this.extra = extra;
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

export const validationFailed = (details: FieldProblem[]) =>
  new AppError('validation_failed', `Invalid input: ${details.map((d) => `${d.field} ${d.message}`).join('; ')}`, details);
export const unauthenticated = (message = 'Sign in to continue.') => new AppError('unauthenticated', message);
export const forbidden = (message = 'You do not have permission to do that.') => new AppError('forbidden', message);
export const notFound = (what: string) => new AppError('not_found', `${what} not found.`);
/** A suspended firm's people are refused everything until the platform's operator reactivates it; nothing is deleted. */
export const firmSuspended = (firm: string) =>
  new AppError('firm_suspended', `${firm}’s portal is suspended for now. Nothing has been deleted. Contact ${firm} directly.`);
export const conflict = (message: string) => new AppError('conflict', message);
export const rateLimited = (message: string, retryAfterSeconds: number) =>
  new AppError('rate_limited', message, undefined, { 'retry-after': String(retryAfterSeconds) });
