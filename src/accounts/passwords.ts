import { Algorithm, hash, verify } from '@node-rs/argon2';
import { commonPasswords } from './common-passwords.ts';

/** OWASP's first argon2id choice: 19 MiB memory, 2 iterations, 1 lane. */
const ARGON2 = { algorithm: Algorithm.Argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 256;

export function hashPassword(password: string): Promise<string> {
  return hash(password.normalize('NFC'), ARGON2);
}

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password.normalize('NFC'));
  } catch {
    return false;
  }
}

// verified against when there is no such account, so a wrong email costs the same time as a wrong password
let dummy: Promise<string> | undefined;
export async function spendVerifyTime(password: string): Promise<void> {
  dummy ??= hashPassword('samklang-dummy-password-for-timing');
  await verifyPassword(await dummy, password);
}

export type PasswordProblem = 'too_short' | 'too_long' | 'common' | 'repetitive' | 'contains_email';

/**
 * Length over complexity (NIST SP 800-63B): at least 12 characters, at most 256, no composition
 * rules; rejects passwords that are a common password with digits or symbols around it, a single
 * repeated character or pattern, and passwords built from the email address.
 */
export function passwordProblem(password: string, email = ''): PasswordProblem | null {
  const length = [...password].length;
  if (length < PASSWORD_MIN) return 'too_short';
  if (length > PASSWORD_MAX) return 'too_long';
  const lower = password.toLowerCase().normalize('NFC');
  const common = commonPasswords();
  const core = lower.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');
  if (common.has(lower) || common.has(core) || common.has(lower.replace(/\s+/g, ''))) return 'common';
  if (/^(.{1,4})\1+.{0,3}$/u.test(lower) || new Set(lower).size <= 3) return 'repetitive';
  const local = email.toLowerCase().split('@')[0] ?? '';
  if (local.length >= 4 && lower.replace(/[^\p{L}\p{N}]/gu, '').includes(local.replace(/[^\p{L}\p{N}]/gu, ''))) return 'contains_email';
  return null;
}
