import { dictionary } from '@zxcvbn-ts/language-common';

/**
 * Passwords too common to allow. The list is zxcvbn-ts's "passwords-common" (about 49,000 entries
 * ranked by frequency in public breach corpora; MIT licence, package @zxcvbn-ts/language-common),
 * plus Norwegian and site-specific words the English-heavy list lacks.
 */
const NORWEGIAN = [
  'passord', 'hemmelig', 'sommer', 'vinter', 'hosten', 'høsten', 'våren', 'norge', 'oslo', 'bergen',
  'trondheim', 'stavanger', 'tromsø', 'kjæreste', 'elskerdeg', 'jegelskerdeg', 'velkommen', 'musikk',
  'musikkterapi', 'samklang', 'qwertyuiopå', 'asdfghjkløæ', 'rosenborg', 'brann', 'vålerenga',
];
let common: Set<string> | undefined;

export function commonPasswords(): Set<string> {
  common ??= new Set([...(dictionary['passwords-common'] as string[]), ...NORWEGIAN].map((p) => p.toLowerCase()));
  return common;
}
