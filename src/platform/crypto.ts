import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** A random value for a cookie or a link: 256 bits, URL-safe. */
export const randomToken = (): string => randomBytes(32).toString('base64url');

/** What is stored in place of a session id or token: a leaked table then opens nothing. */
export const sha256 = (value: string): string => createHash('sha256').update(value, 'utf8').digest('hex');

export const hmac = (secret: string, value: string): string => createHmac('sha256', secret).update(value, 'utf8').digest('base64url');

/** Compares two strings in time that does not depend on where they first differ. */
export function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a, 'utf8');
  const right = Buffer.from(b, 'utf8');
  return left.length === right.length && timingSafeEqual(left, right);
}
