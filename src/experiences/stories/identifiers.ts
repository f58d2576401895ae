// The identifier check before publication: flags what in a story's text may point to its teller
// (person-like names, phone numbers, emails, street addresses, dates, names of small places) for an
// editor to resolve. It over-flags on purpose: an editor clears what is harmless.

export type IdentifierKind = 'navn' | 'telefon' | 'epost' | 'adresse' | 'dato' | 'sted';
export type IdentifierFlag = { kind: IdentifierKind; token: string };

const MONTHS = 'januar|februar|mars|april|mai|juni|juli|august|september|oktober|november|desember';
const PATTERNS: [IdentifierKind, RegExp][] = [
  ['epost', /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.\p{L}{2,}/gu],
  ['telefon', /(?<![\p{N}])(?:\+47[\s-]?)?(?:\p{N}[\s-]?){7}\p{N}(?![\p{N}])/gu],
  ['dato', new RegExp(`(?<![\\p{N}])(?:\\p{N}{1,2}\\.\\s?(?:\\p{N}{1,2}\\.(?:\\p{N}{2,4})?|(?:${MONTHS})(?:\\s\\p{N}{4})?)|\\p{N}{4}-\\p{N}{2}-\\p{N}{2})`, 'giu')],
  ['adresse', /\p{Lu}[\p{Ll}-]*(?:veien|vegen|vei|veg|gata|gaten|gate|plass|allé|alle|stien|bakken|svingen)\s+\p{N}+\s?\p{L}?(?![\p{L}])/gu],
];
// a capitalised word that does not start a sentence (after . ! ? : or a line break)
const NAME = /(?<![.!?:]\s*|^\s*|\n\s*|[\p{L}\p{N}])\p{Lu}\p{Ll}+(?:\s\p{Lu}\p{Ll}+)*/gu;
const flagsOf = (text: string, kind: IdentifierKind, pattern: RegExp) => [...text.matchAll(pattern)].map((m) => ({ kind, token: m[0].trim() }));

/** Every likely identifier in the text, each token once; `smallPlaces` are names from the reference data. */
export function findIdentifiers(text: string, smallPlaces: readonly string[], known: readonly string[] = []): IdentifierFlag[] {
  const flags: IdentifierFlag[] = PATTERNS.flatMap(([kind, pattern]) => flagsOf(text, kind, pattern));
  const lower = text.toLocaleLowerCase('nb');
  for (const place of smallPlaces) {
    const at = lower.search(new RegExp(`(?<![\\p{L}])${escape(place.toLocaleLowerCase('nb'))}(?![\\p{L}])`, 'u'));
    if (at >= 0) flags.push({ kind: 'sted', token: text.slice(at, at + place.length) });
  }
  const taken = new Set(flags.map((f) => f.token.toLocaleLowerCase('nb')));
  const harmless = new Set(known.map((k) => k.toLocaleLowerCase('nb')));
  for (const flag of flagsOf(text, 'navn', NAME)) {
    const key = flag.token.toLocaleLowerCase('nb');
    if (taken.has(key) || harmless.has(key) || [...taken].some((t) => t.includes(key))) continue;
    flags.push(flag);
    taken.add(key);
  }
  const seen = new Set<string>();
  return flags.filter((f) => (seen.has(f.token) ? false : (seen.add(f.token), true)));
}

const escape = (value: string) => value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
