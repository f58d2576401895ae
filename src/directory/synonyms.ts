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
 */
export const TERM_WORDS: Record<string, string[]> = {
  'niva:lavterskel': ['lavterskel', 'lavterskeltilbud', 'drop-in', 'dropin', 'åpent tilbud', 'komme innom'],
  'niva:oppfolging': ['oppfølging', 'ettervern', 'rehabilitering', 'recovery'],
  'niva:behandling': ['behandling', 'poliklinikk', 'poliklinisk'],
  'felt:rus': ['rus', 'rusproblemer', 'rusavhengighet', 'avhengighet', 'rusmidler', 'alkohol', 'narkotika', 'misbruk', 'avrusning'],
  'felt:psykisk-helse': ['psykisk helse', 'psykiske plager', 'psykisk uhelse', 'angst', 'depresjon', 'psykose', 'psykiatri'],
  'arena:kommune': ['kommunal', 'kommunen'],
  'arena:spesialist': ['spesialisthelsetjeneste', 'spesialisthelsetjenesten', 'helseforetak', 'sykehus'],
  'arena:spesialist:tsb': ['TSB', 'rusbehandling', 'rusklinikk', 'avrusning'],
  'arena:spesialist:phv': ['psykisk helsevern', 'psykiatri', 'psykiatrisk'],
  'arena:spesialist:dps': ['DPS', 'distriktspsykiatrisk senter'],
  'arena:kriminalomsorg': ['kriminalomsorg', 'kriminalomsorgen', 'fengsel', 'fengselet', 'soning', 'innsatt', 'innsatte', 'friomsorg'],
  'arena:ideell': ['ideell', 'frivillig', 'frivillige', 'stiftelse'],
  'arena:privat': ['privat'],
  'malgruppe:barn-unge': ['barn', 'unge', 'ungdom', 'ungdommer', 'tenåring', 'tenåringer'],
  'malgruppe:unge-voksne': ['unge', 'ungdom', 'ungdommer', 'unge voksne'],
  'malgruppe:voksne': ['voksne', 'voksen'],
  'malgruppe:eldre': ['eldre', 'seniorer', 'pensjonister'],
  'tilgang:egenhenvisning': ['egenhenvisning', 'ta kontakt selv'],
  'tilgang:henvisning': ['henvisning'],
  'henviser:fastlege': ['fastlege', 'lege'],
  'henviser:nav': ['Nav'],
  'henviser:kommunen': ['kommunen'],
  'henviser:kriminalomsorgen': ['kriminalomsorgen'],
  'format:individuell': ['individuell', 'individuelt', 'enetimer', 'alene'],
  'format:gruppe': ['gruppe', 'grupper', 'gruppetilbud', 'fellesskap'],
  'format:digital': ['digital', 'digitalt', 'video', 'nett', 'nettet', 'online'],
  'kostnad:gratis': ['gratis', 'kostnadsfritt', 'koster ingenting'],
  'kostnad:egenandel': ['egenandel'],
  'tilgjengelighet:trinnfri': ['rullestol', 'trinnfri', 'universelt utformet'],
  'tilgjengelighet:hc-toalett': ['rullestol'],
  'tilgjengelighet:teleslynge': ['teleslynge', 'hørselshemmet'],
  'sprak:en': ['English'],
  'sprak:se': ['samisk', 'sámegiella'],
};

/** Query words that mean the same thing (see above). */
export const WORD_GROUPS: string[][] = [
  ['musikkterapi', 'musikkterapeut', 'musikkterapeuter', 'musikkterapeuten'],
  ['sang', 'synge', 'synger', 'syng', 'kor', 'korsang', 'vokal', 'sangen', 'sanger'],
  ['band', 'bandet', 'bandspill', 'samspill', 'spille sammen'],
  ['låtskriving', 'låtskriver', 'låter', 'låt', 'skrive låter', 'tekstskriving'],
  ['lytting', 'lytte', 'lytter', 'musikklytting'],
  ['instrument', 'instrumenter', 'gitar', 'piano', 'trommer', 'bass'],
  ['innspilling', 'studio', 'opptak'],
  ['ungdom', 'unge', 'ungdommer', 'tenåring'],
  ['fengsel', 'kriminalomsorg', 'soning', 'innsatt'],
  ['rus', 'avhengighet', 'rusavhengighet', 'rusproblemer'],
  ['gratis', 'kostnadsfritt'],
  ['drop-in', 'dropin', 'lavterskel'],
];

/** Per indexed key (a term or a language): the words indexed with it: its name and TERM_WORDS. */
export function indexedTermWords(): Record<string, string> {
  const words: Record<string, string> = {};
  for (const term of TERMS) words[term.key] = [term.name, ...(TERM_WORDS[term.key] ?? [])].join(' ');
  for (const [code, name] of Object.entries(LANGUAGES)) {
    const key = `${LANGUAGE_FACET}:${code}`;
    words[key] = [name, ...(TERM_WORDS[key] ?? [])].join(' ');
  }
  return words;
}
