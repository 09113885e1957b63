/**
 * A website visitor's keys to their conversation (ADR 0033): the widget's, kept in their browser,
 * and the one the latest email to them carries. Only their SHA-256 is stored.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

const hashOf = (token: string) => createHash('sha256').update(token).digest('hex');

export function newVisitorKey(): { token: string; hash: string } {
  const token = randomBytes(24).toString('base64url');
  return { token, hash: hashOf(token) };
}

/** Whether `token` is one of the keys stored as `hashes`. */
export const opensWith = (token: string, hashes: (string | undefined)[]): boolean => {
  const given = Buffer.from(hashOf(token));
  return hashes.some((h) => h !== undefined && timingSafeEqual(given, Buffer.from(h)));
};
