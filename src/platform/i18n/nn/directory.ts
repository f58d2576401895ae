import type { Catalogue } from '../catalogue.ts';
import { formatDecimal, formatInteger } from '../format.ts';

/** Nynorsk text of the finder: the home page, search, places and a service's page. */
export const home = {
  title: 'Finn musikkterapi i rus og psykisk helse',
  metaDescription: 'Finn musikkterapi nær deg i rus- og psykiske helsetenester: lågterskeltilbod, oppfølging og behandling over heile Noreg, og korleis du kjem inn.',
  lead: 'Musikkterapi er eit tilbod der ein utdanna musikkterapeut bruker musikk – lytting, speling, song og låtskriving – saman med deg for å styrkje helse, meistring og livskvalitet.',
  guidelines:
    'Helsedirektoratet tilrår musikkterapi i tre nasjonale faglege retningslinjer: for psykoselidingar (2013), for behandling og rehabilitering av rusmiddelproblem (2016) og for avrusing (2016). Likevel manglar mange kommunar eit tilbod.',
  guidelinesSource: 'Kjelde: Helsedirektoratets nasjonale faglige retningslinjer IS-1957 (2013), rus (2016) og avrusning IS-2211 (2016).',
  searchHeading: 'Søk etter tilbod',
  waysInHeading: 'Kvar vil du byrje?',
  ways: [
    { title: 'Eg vil ha eit tilbod for meg sjølv', text: 'Sjå tilbod du kan kontakte sjølv, utan tilvising.', query: 'tilgang=egenhenvisning' },
    { title: 'Eg er pårørande til eit barn eller ein ungdom', text: 'Tilbod for barn og unge.', query: 'malgruppe=barn-unge' },
    { title: 'Eg tilviser som fastlege, Nav eller kommune', text: 'Tilbod som tek imot tilvising.', query: 'tilgang=henvisning' },
    { title: 'Eg jobbar i kriminalomsorga', text: 'Tilbod i fengsel og friomsorg.', query: 'arena=kriminalomsorg' },
  ],
} as const satisfies Catalogue['home'];

export const finder = {
  title: 'Finn musikkterapi',
  metaDescription: 'Søk etter musikkterapi etter stad, alder og behov: kven tilbodet er for, om du treng tilvising, kva det kostar og kor langt unna det er.',
  resultsTitle: (n: number) => (n === 1 ? '1 tilbod' : `${formatInteger(n)} tilbod`),
  textLabel: 'Søkjeord',
  textHint: 'Til dømes «band», «drop-in» eller namnet på ein stad',
  placeLabel: 'Stad',
  placeHint: 'Postnummer, kommune eller koordinatar (til dømes 0150, Bodø eller 59.91, 10.75)',
  radiusLabel: 'Avstand',
  radiusAny: 'Heile landet',
  radiusOption: (km: number) => `Innan ${km} km`,
  ageLabel: 'Alder',
  ageHint: 'Viser tilbod som passar for denne alderen',
  sortLabel: 'Sortering',
  sort: { relevance: 'Mest relevant', distance: 'Nærmast', name: 'Namn' },
  submit: 'Søk',
  filtersHeading: 'Avgrens søket',
  applyFilters: 'Bruk filtera',
  // small screens: the filters sit behind a disclosure after the hit count
  filterToggle: 'Filtrer',
  filtersChosen: (n: number) => (n === 1 ? '1 valt' : `${n} valde`),
  showHits: (n: number) => `Vis ${formatInteger(n)} treff`,
  /** said by the live region after the results changed in place (JavaScript) */
  hitsAnnounced: (n: number) => `${formatInteger(n)} treff`,
  skipToResults: 'Hopp til resultata',
  clearAll: 'Fjern alle filtera',
  languageFacet: 'Språk',
  /** what a distance is measured from, by the place's origin (reference/place.ts) */
  distanceFrom: {
    postal_code_point: (label: string) => `Avstand målt i luftline frå punktet til postnummeret: ${label}.`,
    municipality_centre: (municipality: string) => `Avstand målt i luftline frå befolkningssentrumet i kommunen: ${municipality} kommune.`,
    position: (label: string) => `Avstand målt i luftline frå posisjonen din: ${label}.`,
    postal_place_points: (label: string) => `Avstand målt i luftline frå midtpunktet av postnummera i ${label}.`,
  },
  /** a postal place (poststed) as the place searched from: its name and municipality */
  postalPlaceLabel: (name: string, municipality: string) => `${name} (${municipality})`,
  /** "Bruk posisjonen min": a button the browser script adds (without JavaScript the place field works as before) */
  location: {
    use: 'Bruk posisjonen min',
    finding: 'Finn posisjonen din …',
    denied: 'Vi fekk ikkje bruke posisjonen din, og det er heilt i orden. Skriv postnummer eller kommune i feltet over i staden.',
    unavailable: 'Vi fann ikkje posisjonen din akkurat no. Prøv igjen, eller skriv postnummer eller kommune i feltet over.',
  },
  /** a distance limit or "nearest first" without a place to measure from */
  needsPlace: {
    radius: 'Avstanden treng ein stad å måle frå. Skriv postnummer eller kommune i feltet Stad, eller vel «Heile landet».',
    sort: '«Nærmast» treng ein stad å måle frå. Skriv postnummer eller kommune i feltet Stad, eller vel ei anna sortering.',
  },
  inMunicipality: (name: string) => `I ${name} kommune`,
  km: (km: number) => `ca. ${km < 10 ? formatDecimal(km, 1) : formatInteger(Math.round(km))} km unna`,
  digital: 'Digitalt tilbod – same kvar du bur',
  digitalNote: (n: number) => (n === 1
    ? '1 av treffa er eit digitalt tilbod som du kan bruke same kvar du bur.'
    : `${formatInteger(n)} av treffa er digitale tilbod som du kan bruke same kvar du bur.`),
  temporarilyClosed: 'Mellombels stengt',
  fuzzy: (word: string) => `Ingen tilbod har «${word}» slik det er skrive. Viser treff for ord som liknar.`,
  didYouMean: 'Meinte du',
  didYouMeanOr: 'eller',
  ignoredWords: (words: string[]) => `Ingen tilbod har ${words.map((w) => `«${w}»`).join(' eller ')}, så ${words.length === 1 ? 'ordet' : 'orda'} er ikkje med i søket.`,
  placeChip: (name: string) => `Nær ${name}`,
  placeChipRemove: (name: string) => `Fjern staden ${name} frå søket`,
  placeFromText: (words: string) => `Vi tolka «${words}» i søkjeorda som ein stad.`,
  noHitsHeading: 'Ingen treff',
  noHitsIntro: 'Prøv å gjere søket vidare:',
  loosen: {
    text: (q: string) => `Søk utan søkjeordet «${q}»`,
    radius: 'Søk i heile landet',
    filters: 'Fjern filtera',
    age: 'Søk utan alder',
  },
  mapTitle: 'Kart over treffa',
  mapDescription: (shown: number) => `Kartet viser ${shown} treff på denne sida som punkt. Lista ved sidan av seier det same.`,
  pagination: 'Sidenavigasjon',
  previous: 'Førre',
  next: 'Neste',
  page: (n: number, of: number) => `Side ${n} av ${of}`,
  lastAssured: (date: string) => `Sist stadfesta ${date}`,
  notAssured: 'Ikkje stadfesta',
  demoTag: 'Demo',
} as const satisfies Catalogue['finder'];

export const place = {
  unknown_postal_code: (value: string) => `Vi finn ikkje postnummeret «${value}». Sjekk at det har fire siffer og er i bruk.`,
  outside_municipalities: (area: string) => `Postnummeret høyrer til ${area}, som ikkje er ein kommune. Søk utan stad for å sjå alle tilbod, også dei digitale.`,
  unknown_municipality: (value: string) => `Vi finn ingen kommune som heiter «${value}».`,
  suggestions: (names: string[]) => `Meinte du ${names.join(' eller ')}?`,
  ambiguous: (value: string) => `Fleire kommunar heiter «${value}». Vel ein:`,
  bad_coordinates: 'Koordinatane må vere breiddegrad (−90 til 90) og lengdegrad (−180 til 180), til dømes 59.91, 10.75.',
  unknown_municipality_number: (value: string) => `Kommunenummeret «${value}» finst ikkje.`,
} as const satisfies Catalogue['place'];

/** Full-time equivalents with at most two decimals (0,5 / 1 / 1,25). */
const fteNumber = (fte: number) => formatDecimal(fte, Number.isInteger(fte) ? 0 : Number.isInteger(fte * 10) ? 1 : 2);

export const service = {
  what: 'Om tilbodet',
  forWhom: 'Kven tilbodet er for',
  referrers: 'Kven kan tilvise',
  cost: 'Kostnad',
  waitTime: 'Ventetid',
  contact: 'Kontakt',
  where: 'Kvar',
  confidential: 'Adressa er skjerma. Ta kontakt på telefon eller e-post, så får du vite kvar de møtest.',
  schedule: 'Opningstider',
  accessibility: 'Tilgjenge',
  noAccessibilityInfo: 'Ingen opplysningar om tilgjenge.',
  languages: 'Språk',
  capacity: 'Musikkterapeut',
  fte: (fte: number) => `${fteNumber(fte)} årsverk`,
  organization: 'Driven av',
  assured: 'Sist stadfesta',
  age: (min: number | null, max: number | null) =>
    min !== null && max !== null ? `${min}–${max} år` : min !== null ? `Frå ${min} år` : max !== null ? `Opp til ${max} år` : 'Alle aldrar',
  days: { MO: 'måndag', TU: 'tysdag', WE: 'onsdag', TH: 'torsdag', FR: 'fredag', SA: 'laurdag', SU: 'sundag' } as Record<string, string>,
  weekdays: 'kvardagar',
  digitalOnly: 'Tilbodet blir gitt digitalt, over video. Du kan bruke det same kvar du bur.',
  back: 'Tilbake til søket',
  classification: 'Type tilbod',
  targetGroup: 'Målgruppe',
  phone: 'Telefon',
  email: 'E-post',
  website: 'Nettside',
  contactPerson: 'Kontaktperson',
  place: 'Stad',
  address: 'Adresse',
  municipality: 'Kommune',
  travel: 'Reise',
  metaDescription: (name: string, organization: string, where: string | null) =>
    `${name}: musikkterapi${where ? ` i ${where}` : ''} driven av ${organization}. Kven tilbodet er for, korleis du kjem inn, kontakt og opningstider.`,
  callLabel: (number: string) => `Ring ${number}`,
  showOnMap: 'Vis i kart',
  externalMap: '(OpenStreetMap, opnar ei ekstern side)',
  mapTitle: (municipality: string) => `Kart over ${municipality} kommune`,
  mapDescription: (place: string, municipality: string) => `Punktet viser kvar ${place} ligg i ${municipality} kommune. Adressa står over kartet.`,
  mapDescriptionNoPoint: (municipality: string) => `Omrisset av ${municipality} kommune. Adressa står over kartet.`,
  mapCaption: 'Kartgrunnlag: © Kartverket (CC BY 4.0). Omrisset er forenkla.',
  thisPlace: 'staden',
  accessHeading: 'Slik kjem du inn',
  /** what each access route and referrer means for the person reading, in plain words */
  accessExplained: {
    egenhenvisning: 'Du kan ta kontakt sjølv. Du treng ikkje tilvising frå lege eller andre: ring, send e-post eller møt opp når det er ope.',
    henvisning: 'Du treng ei tilvising. Det betyr at nokon som hjelper deg frå før, sender ein førespurnad om at du får plass her. Spør ein av dei som står under.',
    both: 'Du kan ta kontakt sjølv, eller bli tilvist av ein av dei som står under.',
    unknown: 'Tilbodet har ikkje oppgitt om du treng tilvising. Ta kontakt, så får du vite korleis du kjem inn.',
  } as Record<string, string>,
  referrerExplained: {
    fastlege: 'Fastlegen din (eller ein annan lege) kan tilvise deg. Bestill ein time og sei at du ønskjer musikkterapi her, gjerne med namnet på tilbodet.',
    nav: 'Rettleiaren din i Nav kan tilvise deg, til dømes som ein del av oppfølginga du får frå Nav.',
    kommunen: 'Tenesta for rus og psykisk helse i kommunen kan tilvise deg. Spør den du har kontakt med der, eller ring kommunen og spør etter tenesta.',
    spesialisthelsetjenesten: 'Behandlaren din i spesialisthelsetenesta, til dømes på eit DPS eller i rusbehandling, kan tilvise deg.',
    kriminalomsorgen: 'Er du i fengsel eller blir følgd opp av friomsorga, kan dei tilsette der tilvise deg.',
  } as Record<string, string>,
  applicationHeading: 'Dette seier tilbodet sjølv',
  /** under a description shown in bokmål to a reader of another language (never shown in bokmål itself) */
  textInBokmal: 'Tilbodet har skildra seg sjølv på bokmål. Det finst inga skildring på nynorsk enno.',
  helpNow: {
    heading: 'Treng du hjelp no?',
    intro: 'Musikkterapi er ikkje akutthjelp. Er det fare for liv eller helse, ring 113.',
    more: 'Fleire hjelpetelefonar',
    source: 'Kjelde',
    external: '(ekstern side)',
    checked: 'Numra er sjekka mot kjeldene ved kvart nummer 30. november 2026. Opningstider blir ofte endra; sjekk hos tenesta.',
    /** numbers, hours and sources exactly as the project's verified table (shared DOMAIN.md, help lines) gives them */
    emergency: [
      { number: '113', name: 'Medisinsk naudtelefon', hours: null, source: { name: 'Nkom', url: 'https://nkom.no/telefoni-og-telefonnummer/nodnummer-nodanrop-og-lokalisering' } },
      { number: '112', name: 'Politi', hours: null, source: { name: 'Nkom', url: 'https://nkom.no/telefoni-og-telefonnummer/nodnummer-nodanrop-og-lokalisering' } },
      { number: '116 117', name: 'Legevakt, der du er', hours: 'Heile døgnet', source: { name: 'Måsøy kommune', url: 'https://masoy.kommune.no/nasjonalt-legevaktnummer-116117.6046750-15290.html' } },
    ],
    lines: [
      { number: '116 123', name: 'Mental Helse Hjelpetelefonen (chat: sidetmedord.no)', hours: 'Telefon heile døgnet', source: { name: 'NRK (2021)', url: 'https://nrk.no/osloogviken/over-100-barn-under-ni-ar-har-tatt-kontakt-_-hjelpetelefoner-slar-alarm-1.15736352' } },
      { number: '22 40 00 40', name: 'Kirkens SOS krisetelefon (chat: soschat.no)', hours: 'Telefon heile døgnet, alle dagar', source: { name: 'Kirkens SOS', url: 'https://girku-sos.no/nordsamisk/telefon' } },
      { number: '22 59 13 00', name: 'Giftinformasjonen: forgifting, også rusmiddel og overdose av legemiddel', hours: 'Vakttelefon heile døgnet', source: { name: 'helsenorge.no', url: 'https://helsenorge.no/giftinformasjon/om/' } },
      { number: '116 111', name: 'Alarmtelefonen for barn og unge (vald, overgrep, omsorgssvikt)', hours: 'Telefon og e-post heile døgnet', source: { name: '116111.no', url: 'https://116111.no/omalarmtelefonen' } },
      { number: '800 40 567', name: 'Pårørendetelefonen, Ivareta – for pårørande som er ramma av rus', hours: null, source: { name: 'Fagrådet, rusfeltet.no', url: 'https://rusfeltet.no/arkiv/luke-22-i-fagradets-julekalender' } },
      { number: '1412', name: 'Naudnummer for deg med nedsett høyrsel', hours: null, source: { name: 'Nkom', url: 'https://nkom.no/telefoni-og-telefonnummer/nodnummer-nodanrop-og-lokalisering' } },
    ],
  },
} as const satisfies Catalogue['service'];
