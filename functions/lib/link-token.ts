/**
 * Tokens in emailed links: `<tenantId>.<recordId>.<secret>`. Only a hash of the secret is
 * stored, so the table (or a backup, or a log) never holds a usable link; the record holds
 * expiry and single use. Unforgeable like a signature, and revocable, which a signature is not.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

export interface LinkToken {
  tenantId: string;
  recordId: string;
  secret: string;
}

const PART = /^[A-Za-z0-9_-]{1,64}$/;

export const newSecret = (): string => randomBytes(32).toString('base64url');

export const hashSecret = (secret: string): string => createHash('sha256').update(secret).digest('base64url');

export const formatLinkToken = ({ tenantId, recordId, secret }: LinkToken): string => `${tenantId}.${recordId}.${secret}`;

/** undefined for anything that is not a well-formed token. */
export function parseLinkToken(token: string): LinkToken | undefined {
  const parts = token.split('.');
  if (parts.length !== 3 || !parts.every((p) => PART.test(p))) return undefined;
  const [tenantId, recordId, secret] = parts as [string, string, string];
  return { tenantId, recordId, secret };
}

/**
 * Whether a token names this record exactly as it is spelled. ElectroDB lower-cases key parts,
 * so `t-Designpi` would find t-designpi's record: only the canonical token opens it.
 */
export const namesRecord = (token: LinkToken, tenantId: string, recordId: string): boolean => token.tenantId === tenantId && token.recordId === recordId;

/** A one-time code as kept: hashed, and bound to its record so a code of one link opens no other. */
export const codeHash = (recordId: string, code: string): string => hashSecret(`${recordId}:${code}`);

export function secretMatches(storedHash: string | undefined, secret: string): boolean {
  if (!storedHash) return false;
  const [a, b] = [Buffer.from(storedHash), Buffer.from(hashSecret(secret))];
  return a.length === b.length && timingSafeEqual(a, b);
}
