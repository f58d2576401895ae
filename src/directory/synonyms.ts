import { catalogues } from '../platform/i18n/index.ts';
import { LANGUAGE_FACET, LANGUAGES, TERMS } from './taxonomy.ts';

/**
 * The words people use, kept beside the taxonomy (taxonomy.ts). Two kinds:
 * - TERM_WORDS: words for a classification term. They are indexed with the term's name into every
 *   offer that has the term, so «gratis» finds free offers and «fengsel» offers in the prison
 *   service, whatever their own text says. A word listed here must be true of every offer with the
 *   term: «kor» is not a word for group offers (most groups are no choir), and no negations
 *   («uten henvisning» would make «henvisning» find drop-in offers).
 * - WORD_GROUPS: words that mean the same in a query. A query word found in a group also matches
 *   the group's other words, in the offers' own text (a description that says «synger» is found by
 *   «sang»).
 * Words are run through the Norwegian stemmer like all search text; write them as people write them.
 * People search in bokmål, nynorsk and English: each term's name in every language is indexed
 * (namesInEveryLanguage, from the catalogues), and the lists hold the nynorsk and English words too.
 */
export const TERM_WORDS: Record<string, string[]> = {
  'niva:lavterskel': ['lavterskel', 'lavterskeltilbud', 'drop-in', 'dropin', 'åpent tilbud', 'komme innom', 'lågterskel', 'lågterskeltilbod', 'low threshold', 'low-threshold', 'walk-in'],
  'niva:oppfolging': ['oppfølging', 'ettervern', 'rehabilitering', 'recovery', 'follow-up', 'aftercare', 'rehabilitation'],
  'niva:behandling': ['behandling', 'poliklinikk', 'poliklinisk', 'treatment', 'outpatient', 'outpatients'],
  'felt:rus': ['rus', 'rusproblemer', 'rusavhengighet', 'avhengighet', 'rusmidler', 'alkohol', 'narkotika', 'misbruk', 'avrusning', 'rusproblem', 'avhengnad', 'rusavhengnad', 'addiction', 'substance use', 'substance abuse', 'alcohol', 'drugs', 'detox'],
  'felt:psykisk-helse': ['psykisk helse', 'psykiske plager', 'psykisk uhelse', 'angst', 'depresjon', 'psykose', 'psykiatri', 'mental health', 'mental illness', 'anxiety', 'depression', 'psychosis', 'psychiatry'],
  'arena:kommune': ['kommunal', 'kommunen', 'municipal', 'municipality'],
  'arena:spesialist': ['spesialisthelsetjeneste', 'spesialisthelsetjenesten', 'helseforetak', 'sykehus', 'spesialisthelsetenesta', 'helseføretak', 'sjukehus', 'hospital', 'health trust'],
  'arena:spesialist:tsb': ['TSB', 'rusbehandling', 'rusklinikk', 'avrusning'],
  'arena:spesialist:phv': ['psykisk helsevern', 'psykiatri', 'psykiatrisk', 'psychiatric'],
  'arena:spesialist:dps': ['DPS', 'distriktspsykiatrisk senter', 'community mental health centre'],
  'arena:kriminalomsorg': ['kriminalomsorg', 'kriminalomsorgen', 'fengsel', 'fengselet', 'soning', 'innsatt', 'innsatte', 'friomsorg', 'kriminalomsorga', 'innsette', 'prison', 'prisons', 'prisoner', 'prisoners', 'inmates', 'probation'],
  'arena:ideell': ['ideell', 'frivillig', 'frivillige', 'stiftelse', 'stifting', 'non-profit', 'charity', 'voluntary'],
  'arena:privat': ['privat', 'private'],
  'malgruppe:barn-unge': ['barn', 'unge', 'ungdom', 'ungdommer', 'tenåring', 'tenåringer', 'children', 'child', 'youth', 'young people', 'teenagers', 'teenager', 'teens'],
  'malgruppe:unge-voksne': ['unge', 'ungdom', 'ungdommer', 'unge voksne', 'unge vaksne', 'youth', 'young people', 'young adults'],
  'malgruppe:voksne': ['voksne', 'voksen', 'vaksne', 'vaksen', 'adults', 'adult'],
  'malgruppe:eldre': ['eldre', 'seniorer', 'pensjonister', 'older people', 'elderly', 'seniors'],
  'tilgang:egenhenvisning': ['egenhenvisning', 'ta kontakt selv', 'eigentilvising', 'ta kontakt sjølv', 'self-referral', 'self referral'],
  'tilgang:henvisning': ['henvisning', 'tilvising', 'referral'],
  'henviser:fastlege': ['fastlege', 'lege', 'GP', 'doctor'],
  'henviser:nav': ['Nav'],
  'henviser:kommunen': ['kommunen'],
  'henviser:kriminalomsorgen': ['kriminalomsorgen', 'kriminalomsorga'],
  'format:individuell': ['individuell', 'individuelt', 'enetimer', 'alene', 'åleine', 'one to one', 'individual'],
  'format:gruppe': ['gruppe', 'grupper', 'gruppetilbud', 'fellesskap', 'gruppetilbod', 'group', 'groups'],
  'format:digital': ['digital', 'digitalt', 'video', 'nett', 'nettet', 'online', 'internet'],
  'kostnad:gratis': ['gratis', 'kostnadsfritt', 'koster ingenting', 'free', 'free of charge', 'no charge'],
  'kostnad:egenandel': ['egenandel', 'eigendel', 'patient charge'],
  'tilgjengelighet:trinnfri': ['rullestol', 'trinnfri', 'universelt utformet', 'universelt utforma', 'wheelchair', 'step-free'],
  'tilgjengelighet:hc-toalett': ['rullestol', 'wheelchair'],
  'tilgjengelighet:teleslynge': ['teleslynge', 'hørselshemmet', 'høyrselshemma', 'hearing loop'],
  'sprak:en': ['English'],
  'sprak:se': ['samisk', 'sámegiella', 'Sami', 'Saami'],
};

/** Query words that mean the same thing (see above). */
export const WORD_GROUPS: string[][] = [
  ['musikkterapi', 'musikkterapeut', 'musikkterapeuter', 'musikkterapeuten', 'music therapy', 'music therapist'],
  ['sang', 'synge', 'synger', 'syng', 'kor', 'korsang', 'vokal', 'sangen', 'sanger', 'song', 'songar', 'singing', 'choir'],
  ['band', 'bandet', 'bandspill', 'samspill', 'spille sammen', 'spele saman'],
  ['låtskriving', 'låtskriver', 'låter', 'låt', 'skrive låter', 'tekstskriving', 'låtskrivar', 'songwriting'],
  ['lytting', 'lytte', 'lytter', 'musikklytting', 'lytta', 'listening'],
  ['instrument', 'instrumenter', 'gitar', 'piano', 'trommer', 'bass', 'instrumenta', 'trommar', 'guitar', 'drums'],
  ['innspilling', 'studio', 'opptak', 'innspeling', 'recording'],
  ['ungdom', 'unge', 'ungdommer', 'tenåring', 'ungdomar', 'youth', 'teenagers'],
  ['fengsel', 'kriminalomsorg', 'soning', 'innsatt', 'prison'],
  ['rus', 'avhengighet', 'rusavhengighet', 'rusproblemer', 'avhengnad', 'rusavhengnad', 'addiction'],
  ['gratis', 'kostnadsfritt', 'free'],
  ['drop-in', 'dropin', 'lavterskel', 'lågterskel'],
];

/** A term's (`format:gruppe`) or offer language's (`sprak:en`) name in every language the site speaks. */
export function namesInEveryLanguage(key: string): string[] {
  const languageCode = key.startsWith(`${LANGUAGE_FACET}:`) ? key.slice(LANGUAGE_FACET.length + 1) : null;
  const names = Object.values(catalogues).map((catalogue) => (languageCode !== null
    ? (catalogue.taxonomy.languages as Readonly<Record<string, string | undefined>>)[languageCode]
    : (catalogue.taxonomy.terms as Readonly<Record<string, { name: string } | undefined>>)[key]?.name));
  return [...new Set(names.filter((name): name is string => !!name))];
}

/** Every indexed key: the taxonomy's terms and the offer languages. */
const INDEXED_KEYS = [...TERMS.map((term) => term.key), ...Object.keys(LANGUAGES).map((code) => `${LANGUAGE_FACET}:${code}`)];

/** Per indexed key (a term or a language): the words indexed with it: its names in every language and TERM_WORDS. */
export function indexedTermWords(): Record<string, string> {
  return Object.fromEntries(INDEXED_KEYS.map((key) => [key, [...namesInEveryLanguage(key), ...(TERM_WORDS[key] ?? [])].join(' ')]));
}

/** Every word the search knows as its own (names in every language, TERM_WORDS, WORD_GROUPS). */
export function vocabulary(): string[] {
  return [...INDEXED_KEYS.flatMap(namesInEveryLanguage), ...Object.values(TERM_WORDS).flat(), ...WORD_GROUPS.flat()];
}
