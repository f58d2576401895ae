import { Algorithm, hash, verify } from '@node-rs/argon2';
import { ZxcvbnFactory, type MatchExtended } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common';
import { commonPasswords } from './common-passwords.ts';
import { norwegianWords } from './norwegian-words.ts';

/** OWASP's first argon2id choice: 19 MiB memory, 2 iterations, 1 lane. */
export const ARGON2 = { algorithm: Algorithm.Argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

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

export type PasswordProblem = 'too_short' | 'too_long' | 'common' | 'repetitive' | 'contains_email'
  | 'weak_repeat' | 'weak_words' | 'weak_keyboard' | 'weak_sequence' | 'weak_dates' | 'weak';

/**
 * Guesses an attacker who knows how people choose passwords needs, as zxcvbn-ts estimates them
 * (dictionaries of breached passwords, English and Norwegian words and names, keyboard walks,
 * sequences, dates, repeats, l33t spelling). 10^10 is zxcvbn's top score: out of reach online,
 * and years of work offline against argon2id.
 */
const STRONG_ENOUGH_LOG10 = 10;
// The estimator's work grows fast with length; a prefix this long that is strong is strong enough.
const ESTIMATED_LENGTH = 40;
const SITE_WORDS = ['samklang', 'musikkterapi', 'musikkterapeut', 'nettverk', 'tilbud', 'rus', 'psykisk', 'helse'];

let estimator: ZxcvbnFactory | undefined;
const strength = () => {
  // l33t spellings are tried up to 20 substitutions (not 100): the same scores here, a fifth of the time
  estimator ??= new ZxcvbnFactory({ graphs: adjacencyGraphs, dictionary: { ...dictionary, norwegian: norwegianWords(), site: SITE_WORDS }, l33tMaxSubstitutions: 20 });
  return estimator;
};

/** The reason to give for a weak password: the pattern an attacker would find first. */
function weakness(sequence: MatchExtended[]): PasswordProblem {
  const has = (pattern: string, test: (m: MatchExtended) => boolean = () => true) => sequence.some((m) => m.pattern === pattern && test(m));
  if (has('repeat')) return 'weak_repeat';
  if (has('dictionary', (m) => 'dictionaryName' in m && m.dictionaryName === 'userInputs')) return 'contains_email';
  if (has('spatial')) return 'weak_keyboard';
  if (has('dictionary', (m) => 'dictionaryName' in m && m.dictionaryName === 'passwords-common')) return 'common';
  if (has('dictionary')) return 'weak_words';
  if (has('sequence')) return 'weak_sequence';
  if (has('date') || has('regex')) return 'weak_dates';
  return 'weak';
}

/**
 * Length over complexity (NIST SP 800-63B): at least 12 characters, at most 256, no composition
 * rules. Refuses passwords on the breached-password list (also with digits or symbols around them),
 * a single repeated character or pattern, passwords built from the email address or name, and
 * anything the strength estimator finds guessable, saying why in the message.
 */
export function passwordProblem(password: string, email = '', name = ''): PasswordProblem | null {
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
  const personal = [...local.split(/[^\p{L}\p{N}]+/u), ...name.toLowerCase().split(/\s+/)].filter((part) => part.length >= 3);
  // spaces between words cost an attacker nothing, but the estimator counts them as random
  // characters: judge the phrase with and without them, by the weaker of the two
  const estimated = [...password.normalize('NFC')].slice(0, ESTIMATED_LENGTH).join('');
  const results = [...new Set([estimated, estimated.replace(/\s+/g, '')])].map((candidate) => strength().check(candidate, personal));
  const weakest = results.reduce((a, b) => (b.guessesLog10 < a.guessesLog10 ? b : a));
  return weakest.guessesLog10 >= STRONG_ENOUGH_LOG10 ? null : weakness(weakest.sequence);
}
