import type { Catalogue } from '../catalogue.ts';
import { formatDecimal, formatInteger } from '../format.ts';

/** English text of the finder: the home page, search, places and a service's page. */
export const home = {
  title: 'Find music therapy in substance use and mental health services',
  metaDescription: 'Find music therapy near you in substance use and mental health services: low-threshold services, follow-up and treatment all over Norway, and how to get in.',
  lead: 'Music therapy is a service where a trained music therapist uses music – listening, playing, singing and songwriting – together with you to improve health, coping and quality of life.',
  guidelines:
    'The Norwegian Directorate of Health (Helsedirektoratet) recommends music therapy in three national guidelines: for psychotic disorders (2013), for treatment and rehabilitation of substance use problems (2016) and for detoxification (2016). Even so, many municipalities have no music therapy service.',
  guidelinesSource: 'Source: Helsedirektoratet’s national guidelines (nasjonale faglige retningslinjer) IS-1957 (2013), substance use (rus, 2016) and detoxification (avrusning) IS-2211 (2016).',
  searchHeading: 'Search for services',
  waysInHeading: 'Where do you want to start?',
  ways: [
    { title: 'I want a service for myself', text: 'See services you can contact yourself, without a referral.', query: 'tilgang=egenhenvisning' },
    { title: 'I am close family of a child or young person', text: 'Services for children and young people.', query: 'malgruppe=barn-unge' },
    { title: 'I make referrals as a GP, at Nav or in a municipality', text: 'Services that accept referrals.', query: 'tilgang=henvisning' },
    { title: 'I work in the correctional service', text: 'Services in prison and on probation.', query: 'arena=kriminalomsorg' },
  ],
} as const satisfies Catalogue['home'];

const results = (n: number) => `${formatInteger(n)} ${n === 1 ? 'result' : 'results'}`;

export const finder = {
  title: 'Find music therapy',
  metaDescription: 'Search for music therapy by place, age and needs: who the service is for, if you need a referral, what it costs and how far away it is.',
  resultsTitle: (n: number) => (n === 1 ? '1 service' : `${formatInteger(n)} services`),
  textLabel: 'Search words',
  textHint: 'For example “band”, “drop-in” or the name of a place. Most services are described in Norwegian.',
  placeLabel: 'Place',
  placeHint: 'Postcode, municipality or coordinates (for example 0150, Bodø or 59.91, 10.75)',
  radiusLabel: 'Distance',
  radiusAny: 'All of Norway',
  radiusOption: (km: number) => `Within ${km} km`,
  ageLabel: 'Age',
  ageHint: 'Shows services that suit this age',
  sortLabel: 'Sort by',
  sort: { relevance: 'Most relevant', distance: 'Nearest', name: 'Name' },
  submit: 'Search',
  filtersHeading: 'Narrow your search',
  applyFilters: 'Apply filters',
  // small screens: the filters sit behind a disclosure after the hit count
  filterToggle: 'Filter',
  filtersChosen: (n: number) => `${n} chosen`,
  showHits: (n: number) => `Show ${results(n)}`,
  /** said by the live region after the results changed in place (JavaScript) */
  hitsAnnounced: (n: number) => results(n),
  skipToResults: 'Skip to the results',
  clearAll: 'Remove all filters',
  languageFacet: 'Language',
  /** what a distance is measured from, by the place's origin (reference/place.ts) */
  distanceFrom: {
    postal_code_point: (label: string) => `Distance in a straight line from the postcode’s point: ${label}.`,
    municipality_centre: (municipality: string) => `Distance in a straight line from the municipality’s population centre: ${municipality} municipality.`,
    position: (label: string) => `Distance in a straight line from your location: ${label}.`,
    postal_place_points: (label: string) => `Distance in a straight line from the middle of the postcodes in ${label}.`,
  },
  /** a postal place (poststed) as the place searched from: its name and municipality */
  postalPlaceLabel: (name: string, municipality: string) => `${name} (${municipality})`,
  /** "Bruk posisjonen min": a button the browser script adds (without JavaScript the place field works as before) */
  location: {
    use: 'Use my location',
    finding: 'Finding your location …',
    denied: 'We were not allowed to use your location, and that is completely fine. Type a postcode or municipality in the field above instead.',
    unavailable: 'We could not find your location just now. Try again, or type a postcode or municipality in the field above.',
  },
  /** a distance limit or "nearest first" without a place to measure from */
  needsPlace: {
    radius: 'A distance needs a place to measure from. Type a postcode or municipality in the Place field, or choose “All of Norway”.',
    sort: '“Nearest” needs a place to measure from. Type a postcode or municipality in the Place field, or choose another sort order.',
  },
  inMunicipality: (name: string) => `In ${name} municipality`,
  km: (km: number) => `about ${km < 10 ? formatDecimal(km, 1) : formatInteger(Math.round(km))} km away`,
  digital: 'Online service – wherever you live',
  digitalNote: (n: number) => (n === 1
    ? '1 of the results is an online service that you can use wherever you live.'
    : `${formatInteger(n)} of the results are online services that you can use wherever you live.`),
  temporarilyClosed: 'Temporarily closed',
  fuzzy: (word: string) => `No service has “${word}” as you wrote it. Showing results for similar words.`,
  didYouMean: 'Did you mean',
  didYouMeanOr: 'or',
  ignoredWords: (words: string[]) => `No service has ${words.map((w) => `“${w}”`).join(' or ')}, so ${words.length === 1 ? 'this word is' : 'these words are'} not part of the search.`,
  placeChip: (name: string) => `Near ${name}`,
  placeChipRemove: (name: string) => `Remove the place ${name} from the search`,
  placeFromText: (words: string) => `We read “${words}” in your search words as a place.`,
  noHitsHeading: 'No results',
  noHitsIntro: 'Try a wider search:',
  loosen: {
    text: (q: string) => `Search without the words “${q}”`,
    radius: 'Search all of Norway',
    filters: 'Remove the filters',
    age: 'Search without age',
  },
  mapTitle: 'Map of the results',
  mapDescription: (shown: number) => `The map shows ${shown === 1 ? 'the 1 result' : `the ${shown} results`} on this page as points. The list next to it says the same.`,
  pagination: 'Pages',
  previous: 'Previous',
  next: 'Next',
  page: (n: number, of: number) => `Page ${n} of ${of}`,
  lastAssured: (date: string) => `Last confirmed ${date}`,
  notAssured: 'Not confirmed',
  demoTag: 'Demo',
} as const satisfies Catalogue['finder'];

export const place = {
  unknown_postal_code: (value: string) => `We cannot find the postcode “${value}”. Check that it has four digits and is in use.`,
  outside_municipalities: (area: string) => `The postcode belongs to ${area}, which is not a municipality. Search without a place to see all services, including online ones.`,
  unknown_municipality: (value: string) => `We cannot find a municipality called “${value}”.`,
  suggestions: (names: string[]) => `Did you mean ${names.join(' or ')}?`,
  ambiguous: (value: string) => `More than one municipality is called “${value}”. Choose one:`,
  bad_coordinates: 'Coordinates must be latitude (−90 to 90) and longitude (−180 to 180), for example 59.91, 10.75.',
  unknown_municipality_number: (value: string) => `The municipality number “${value}” does not exist.`,
} as const satisfies Catalogue['place'];

/** Full-time equivalents with at most two decimals (0.5 / 1 / 1.25). */
const fteNumber = (fte: number) => formatDecimal(fte, Number.isInteger(fte) ? 0 : Number.isInteger(fte * 10) ? 1 : 2);

export const service = {
  what: 'About the service',
  forWhom: 'Who the service is for',
  referrers: 'Who can refer you',
  cost: 'Cost',
  waitTime: 'Waiting time',
  contact: 'Contact',
  where: 'Where',
  confidential: 'The address is protected. Contact them by phone or email, and they will tell you where to meet.',
  schedule: 'Opening hours',
  accessibility: 'Accessibility',
  noAccessibilityInfo: 'No information about accessibility.',
  languages: 'Languages',
  capacity: 'Music therapist',
  fte: (fte: number) => `${fteNumber(fte)} full-time ${fte === 1 ? 'equivalent' : 'equivalents'}`,
  organization: 'Run by',
  assured: 'Last confirmed',
  age: (min: number | null, max: number | null) =>
    min !== null && max !== null ? `${min}–${max} years` : min !== null ? `From ${min} years` : max !== null ? `Up to ${max} years` : 'All ages',
  days: { MO: 'Monday', TU: 'Tuesday', WE: 'Wednesday', TH: 'Thursday', FR: 'Friday', SA: 'Saturday', SU: 'Sunday' } as Record<string, string>,
  weekdays: 'weekdays',
  digitalOnly: 'The service is given online, by video. You can use it wherever you live.',
  back: 'Back to search',
  classification: 'Type of service',
  targetGroup: 'Target group',
  phone: 'Phone',
  email: 'Email',
  website: 'Website',
  contactPerson: 'Contact person',
  place: 'Place',
  address: 'Address',
  municipality: 'Municipality',
  travel: 'Getting there',
  metaDescription: (name: string, organization: string, where: string | null) =>
    `${name}: music therapy${where ? ` in ${where}` : ''} run by ${organization}. Who the service is for, how to get in, contact details and opening hours.`,
  callLabel: (number: string) => `Call ${number}`,
  showOnMap: 'Show on map',
  externalMap: '(OpenStreetMap, opens an external site)',
  mapTitle: (municipality: string) => `Map of ${municipality} municipality`,
  mapDescription: (place: string, municipality: string) => `The point shows where ${place} is in ${municipality} municipality. The address is above the map.`,
  mapDescriptionNoPoint: (municipality: string) => `The outline of ${municipality} municipality. The address is above the map.`,
  mapCaption: 'Map data: © Kartverket (CC BY 4.0). The outline is simplified.',
  thisPlace: 'the place',
  accessHeading: 'How to get in',
  /** what each access route and referrer means for the person reading, in plain words */
  accessExplained: {
    egenhenvisning: 'You can contact them yourself. You do not need a referral from a doctor or anyone else: call, send an email or come by when they are open.',
    henvisning: 'You need a referral. This means that someone who already helps you asks for you to get a place here. Ask one of the people listed below.',
    both: 'You can contact them yourself, or be referred by one of the people listed below.',
    unknown: 'The service has not said if you need a referral. Contact them to find out how to get in.',
  } as Record<string, string>,
  referrerExplained: {
    fastlege: 'Your GP (or another doctor) can refer you. Book an appointment and say that you want music therapy here. It helps to give the name of the service.',
    nav: 'Your adviser at Nav can refer you, for example as part of the follow-up you get from Nav.',
    kommunen: 'The municipality’s service for substance use and mental health can refer you. Ask the person you are in contact with there, or call the municipality and ask for this service.',
    spesialisthelsetjenesten: 'Your therapist in the specialist health service can refer you, for example at a DPS (community mental health centre) or in substance use treatment.',
    kriminalomsorgen: 'If you are in prison or followed up by the probation service, the staff there can refer you.',
  } as Record<string, string>,
  applicationHeading: 'What the service says about itself',
  /** under a description shown in bokmål to a reader of another language (never shown in bokmål itself) */
  textInBokmal: 'The service has described itself in Norwegian (Bokmål) only. There is no English description yet.',
  helpNow: {
    heading: 'Do you need help now?',
    intro: 'Music therapy is not emergency help. If a life or someone’s health is in danger, call 113.',
    more: 'More helplines',
    source: 'Source',
    external: '(external site)',
    checked: 'We checked the numbers against the source given for each number on 30 November 2026. Opening hours often change; check with the service.',
    /** numbers, hours and sources exactly as the project's verified table (shared DOMAIN.md, help lines) gives them */
    emergency: [
      { number: '113', name: 'Medical emergency', hours: null, source: { name: 'Nkom', url: 'https://nkom.no/telefoni-og-telefonnummer/nodnummer-nodanrop-og-lokalisering' } },
      { number: '112', name: 'Police', hours: null, source: { name: 'Nkom', url: 'https://nkom.no/telefoni-og-telefonnummer/nodnummer-nodanrop-og-lokalisering' } },
      { number: '116 117', name: 'Out-of-hours doctor (legevakt) where you are', hours: 'Day and night', source: { name: 'Måsøy kommune', url: 'https://masoy.kommune.no/nasjonalt-legevaktnummer-116117.6046750-15290.html' } },
    ],
    lines: [
      { number: '116 123', name: 'Mental Helse Hjelpetelefonen, a helpline for mental health (chat: sidetmedord.no)', hours: 'Phone day and night', source: { name: 'NRK (2021)', url: 'https://nrk.no/osloogviken/over-100-barn-under-ni-ar-har-tatt-kontakt-_-hjelpetelefoner-slar-alarm-1.15736352' } },
      { number: '22 40 00 40', name: 'Kirkens SOS crisis line (chat: soschat.no)', hours: 'Phone day and night, every day', source: { name: 'Kirkens SOS', url: 'https://girku-sos.no/nordsamisk/telefon' } },
      { number: '22 59 13 00', name: 'Giftinformasjonen (Poison Information): poisoning, including drugs and overdoses of medicines', hours: 'On-call phone day and night', source: { name: 'helsenorge.no', url: 'https://helsenorge.no/giftinformasjon/om/' } },
      { number: '116 111', name: 'Alarmtelefonen for barn og unge, for children and young people (violence, abuse, neglect)', hours: 'Phone and email day and night', source: { name: '116111.no', url: 'https://116111.no/omalarmtelefonen' } },
      { number: '800 40 567', name: 'Pårørendetelefonen, Ivareta – for family and friends affected by substance use', hours: null, source: { name: 'Fagrådet, rusfeltet.no', url: 'https://rusfeltet.no/arkiv/luke-22-i-fagradets-julekalender' } },
      { number: '1412', name: 'Emergency number for people with hearing loss', hours: null, source: { name: 'Nkom', url: 'https://nkom.no/telefoni-og-telefonnummer/nodnummer-nodanrop-og-lokalisering' } },
    ],
  },
} as const satisfies Catalogue['service'];
