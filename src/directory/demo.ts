import { sql } from 'kysely';
import type { Db } from '../platform/db/index.ts';
import { nameUuid } from '../platform/ids.ts';
import { listMunicipalities, type MunicipalityWithCentre } from '../reference/index.ts';
import type { LocationAggregate, OrganizationAggregate, ServiceAggregate } from './model.ts';
import { insertOrganizations, insertServices, reindexServices } from './write.ts';
import { SERVICE_LEVELS } from './service-level.ts';

/**
 * Deterministic generator of clearly fictional music-therapy offers over real municipalities.
 * Every organisation and service is flagged is_demo and named "(fiktiv)", and every text says so.
 */

/** mulberry32: tiny seeded PRNG, so the same seed gives the same data on every machine. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const chance = (p: number) => next() < p;
  return { next, pick, chance };
}
type Random = ReturnType<typeof prng>;

const ORG_WORDS = ['Klangrommet', 'Tonebasen', 'Lydverkstedet', 'Rytmehuset', 'Strengen', 'Klangbunnen', 'Taktfast', 'Notehuset', 'Tonefallet', 'Pusterommet'];

/**
 * What kind of organisation runs the offers: it decides each offer's service level, setting, how
 * to get in and who can refer, so an organisation's offers agree with each other.
 */
const KINDS = {
  kommune: { weight: 35, levels: ['lavterskel', 'oppfolging'], arena: ['arena:kommune'] },
  ideell: { weight: 25, levels: ['lavterskel', 'lavterskel', 'oppfolging'], arena: ['arena:ideell'] },
  spesialist: { weight: 25, levels: ['behandling'], arena: ['arena:spesialist:tsb', 'arena:spesialist:dps', 'arena:spesialist:phv'] },
  kriminalomsorg: { weight: 7, levels: ['oppfolging'], arena: ['arena:kriminalomsorg'] },
  privat: { weight: 8, levels: ['oppfolging', 'behandling'], arena: ['arena:privat'] },
} as const satisfies Record<string, { weight: number; levels: readonly (typeof SERVICE_LEVELS)[number][]; arena: readonly string[] }>;
type Kind = keyof typeof KINDS;
const REFERRERS: Record<string, string[]> = {
  'arena:kommune': ['henviser:kommunen', 'henviser:nav', 'henviser:fastlege'],
  'arena:ideell': ['henviser:kommunen', 'henviser:nav', 'henviser:fastlege'],
  'arena:kriminalomsorg': ['henviser:kriminalomsorgen'],
  'arena:privat': ['henviser:fastlege', 'henviser:nav'],
  'arena:spesialist:tsb': ['henviser:fastlege', 'henviser:spesialisthelsetjenesten'],
  'arena:spesialist:dps': ['henviser:fastlege', 'henviser:spesialisthelsetjenesten'],
  'arena:spesialist:phv': ['henviser:fastlege', 'henviser:spesialisthelsetjenesten'],
};
/** How a referrer is named in the text on how to get in. */
const REFERRER_TEXT: Record<string, string> = {
  'henviser:fastlege': 'fastlegen din', 'henviser:nav': 'veilederen din i Nav', 'henviser:kommunen': 'tjenestene i kommunen',
  'henviser:spesialisthelsetjenesten': 'behandleren din i spesialisthelsetjenesten', 'henviser:kriminalomsorgen': 'kontaktbetjenten eller friomsorgskontoret',
};
const ARENA_TEXT: Record<string, string> = {
  'arena:kommune': 'Tilbudet er en del av kommunens helse- og omsorgstjeneste.',
  'arena:ideell': 'Tilbudet drives av en ideell organisasjon, sammen med frivillige.',
  'arena:kriminalomsorg': 'Tilbudet gis i fengselet, for innsatte som soner, og fortsetter gjennom friomsorgen etter løslatelse.',
  'arena:privat': 'Tilbudet drives av en privat musikkterapipraksis.',
  'arena:spesialist:tsb': 'Musikkterapeuten arbeider i en avdeling for tverrfaglig spesialisert rusbehandling (TSB).',
  'arena:spesialist:dps': 'Musikkterapeuten arbeider ved poliklinikken på et distriktspsykiatrisk senter (DPS).',
  'arena:spesialist:phv': 'Musikkterapeuten arbeider i en døgnavdeling i psykisk helsevern.',
};
const LEVEL_TEXT = {
  lavterskel: 'Du kan komme innom uten avtale og uten henvisning, og være med så mye eller lite du vil.',
  oppfolging: 'Musikkterapeuten følger deg opp over tid, med mål du setter selv, og samarbeider med andre som hjelper deg.',
  behandling: 'Musikkterapi er en del av behandlingen her, i samarbeid med resten av behandlerteamet.',
};
/** What people do there. Each text names only its own activity, so a search for one finds only offers that do it. */
export const DEMO_ACTIVITIES = {
  band: { title: 'Band', text: 'Vi spiller i band: trommer, bass, gitar og keyboard. Du trenger ingen erfaring.' },
  sang: { title: 'Sang og kor', text: 'Vi synger sammen i en liten korgruppe, fra viser til pop, og øver på stemmen.' },
  laatskriving: { title: 'Låtskriving', text: 'Du kan skrive egne låter og tekster om det du står i, med hjelp til melodi og akkorder.' },
  lytting: { title: 'Musikklytting', text: 'Vi lytter til musikk som betyr noe for deg og snakker om det den vekker.' },
  innspilling: { title: 'Studio og innspilling', text: 'I studioet kan du ta opp og produsere din egen musikk.' },
} as const;
type Activity = keyof typeof DEMO_ACTIVITIES;
const GROUP_TEXT: Record<string, string> = {
  'malgruppe:barn-unge': 'for ungdom', 'malgruppe:unge-voksne': 'for unge voksne', 'malgruppe:voksne': 'for voksne', 'malgruppe:eldre': 'for eldre',
};
const AGE_TEXT: Record<string, string> = {
  'malgruppe:barn-unge': 'ungdom fra 12 til 17 år', 'malgruppe:unge-voksne': 'unge voksne fra 16 til 25 år', 'malgruppe:voksne': 'voksne over 18 år', 'malgruppe:eldre': 'eldre over 60 år',
};
const FIELD_TEXT: Record<string, string> = {
  'felt:rus': 'rus eller avhengighet', 'felt:psykisk-helse': 'psykiske plager, som angst eller depresjon',
};
const FORMAT_TEXT: Record<string, string> = {
  'format:gruppe': 'Gruppa er på fire til åtte deltakere.', 'format:individuell': 'Timene er en til en med musikkterapeuten.',
  'format:digital': 'Timene er på video, så du kan være med uansett hvor du bor.',
};
/**
 * A handful of demo offers also carry their text in nynorsk and English (issue #17): the same
 * sentences as describe() writes in bokmål. Every fortieth offer has both, every fortieth from the
 * twentieth English only; the rest are bokmål only, as most real entries will be.
 */
const TRANSLATED_TEXT = {
  nn: {
    fictional: 'Fiktivt demotilbod.',
    level: {
      lavterskel: 'Du kan kome innom utan avtale og utan tilvising, og vere med så mykje eller lite du vil.',
      oppfolging: 'Musikkterapeuten følgjer deg opp over tid, med mål du set sjølv, og samarbeider med andre som hjelper deg.',
      behandling: 'Musikkterapi er ein del av behandlinga her, i samarbeid med resten av behandlarteamet.',
    },
    arena: {
      'arena:kommune': 'Tilbodet er ein del av helse- og omsorgstenesta i kommunen.',
      'arena:ideell': 'Tilbodet blir drive av ein ideell organisasjon, saman med frivillige.',
      'arena:kriminalomsorg': 'Tilbodet blir gitt i fengselet, for innsette som sonar, og held fram gjennom friomsorga etter lauslating.',
      'arena:privat': 'Tilbodet blir drive av ein privat musikkterapipraksis.',
      'arena:spesialist:tsb': 'Musikkterapeuten arbeider i ei avdeling for tverrfagleg spesialisert rusbehandling (TSB).',
      'arena:spesialist:dps': 'Musikkterapeuten arbeider ved poliklinikken på eit distriktspsykiatrisk senter (DPS).',
      'arena:spesialist:phv': 'Musikkterapeuten arbeider i ei døgnavdeling i psykisk helsevern.',
    } as Record<string, string>,
    activity: {
      band: 'Vi spelar i band: trommer, bass, gitar og keyboard. Du treng inga røynsle.',
      sang: 'Vi syng saman i ei lita korgruppe, frå viser til pop, og øver på stemma.',
      laatskriving: 'Du kan skrive eigne låtar og tekstar om det du står i, med hjelp til melodi og akkordar.',
      lytting: 'Vi lyttar til musikk som betyr noko for deg, og snakkar om det han vekkjer.',
      innspilling: 'I studioet kan du ta opp og produsere din eigen musikk.',
    } satisfies Record<Activity, string>,
    format: {
      'format:gruppe': 'Gruppa er på fire til åtte deltakarar.', 'format:individuell': 'Timane er ein til ein med musikkterapeuten.',
      'format:digital': 'Timane er på video, så du kan vere med same kvar du bur.',
    } as Record<string, string>,
    forWhom: (age: string, fields: string) => `Tilbodet er for ${age} som slit med ${fields}.`,
    age: {
      'malgruppe:barn-unge': 'ungdom frå 12 til 17 år', 'malgruppe:unge-voksne': 'unge vaksne frå 16 til 25 år', 'malgruppe:voksne': 'vaksne over 18 år', 'malgruppe:eldre': 'eldre over 60 år',
    } as Record<string, string>,
    field: { 'felt:rus': 'rus eller avhengnad', 'felt:psykisk-helse': 'psykiske plager, som angst eller depresjon' } as Record<string, string>,
    or: ' eller ',
    educated: 'Musikkterapeuten har godkjend musikkterapiutdanning.',
  },
  en: {
    fictional: 'Fictional demo service.',
    level: {
      lavterskel: 'You can drop in without an appointment and without a referral, and take part as much or as little as you like.',
      oppfolging: 'The music therapist follows you up over time, with goals you set yourself, and works with others who help you.',
      behandling: 'Music therapy is part of the treatment here, together with the rest of the treatment team.',
    },
    arena: {
      'arena:kommune': "The service is part of the municipality's health and care services.",
      'arena:ideell': 'The service is run by a non-profit organisation, together with volunteers.',
      'arena:kriminalomsorg': 'The service is given in prison, for inmates serving a sentence, and continues through the probation service after release.',
      'arena:privat': 'The service is run by a private music therapy practice.',
      'arena:spesialist:tsb': 'The music therapist works in a unit for specialised substance use treatment (TSB).',
      'arena:spesialist:dps': 'The music therapist works at the outpatient clinic of a community mental health centre (DPS).',
      'arena:spesialist:phv': 'The music therapist works in an inpatient unit of the mental health services.',
    } as Record<string, string>,
    activity: {
      band: 'We play in a band: drums, bass, guitar and keyboard. You need no experience.',
      sang: 'We sing together in a small choir, from ballads to pop, and practise using our voices.',
      laatskriving: 'You can write your own songs and lyrics about what you are going through, with help with melody and chords.',
      lytting: 'We listen to music that means something to you and talk about what it brings up.',
      innspilling: 'In the studio you can record and produce your own music.',
    } satisfies Record<Activity, string>,
    format: {
      'format:gruppe': 'The group has four to eight participants.', 'format:individuell': 'Sessions are one to one with the music therapist.',
      'format:digital': 'Sessions are on video, so you can take part wherever you live.',
    } as Record<string, string>,
    forWhom: (age: string, fields: string) => `The service is for ${age} who struggle with ${fields}.`,
    age: {
      'malgruppe:barn-unge': 'young people aged 12 to 17', 'malgruppe:unge-voksne': 'young adults aged 16 to 25', 'malgruppe:voksne': 'adults over 18', 'malgruppe:eldre': 'older people over 60',
    } as Record<string, string>,
    field: { 'felt:rus': 'substance use or addiction', 'felt:psykisk-helse': 'mental health problems, such as anxiety or depression' } as Record<string, string>,
    or: ' or ',
    educated: 'The music therapist has an approved education in music therapy.',
  },
};

/** The demo offer's text in nynorsk or English: the same facts as describe() in the same order. */
function describeIn(language: keyof typeof TRANSLATED_TEXT, level: (typeof SERVICE_LEVELS)[number], arena: string, activities: Activity[], format: string, group: string, fields: string[]): string {
  const t = TRANSLATED_TEXT[language];
  return [
    t.fictional, t.level[level], t.arena[arena], ...activities.map((a) => t.activity[a]), t.format[format],
    t.forWhom(t.age[group] ?? '', fields.map((f) => t.field[f]).join(t.or)), t.educated,
  ].join(' ');
}

/** Which languages the i-th demo offer is also written in (see TRANSLATED_TEXT). */
const translatedLanguages = (i: number): (keyof typeof TRANSLATED_TEXT)[] => (i % 40 === 0 ? ['en', 'nn'] : i % 40 === 20 ? ['en'] : []);

const AGES: Record<string, [number | null, number | null]> = {
  'malgruppe:barn-unge': [12, 17], 'malgruppe:unge-voksne': [16, 25], 'malgruppe:voksne': [18, null], 'malgruppe:eldre': [60, null],
};
/** The first two digits of landline numbers in each county (2024 division), so an offer's number belongs where it is. */
const AREA_CODES: Record<string, string> = {
  '03': '22', '31': '69', '32': '67', '33': '32', '34': '61', '39': '33', '40': '35', '42': '38', '11': '51', '46': '55', '15': '70', '50': '73', '18': '75', '55': '77', '56': '78',
};
/** How many organisations go to the most populous municipalities first, so every city has offers. */
const CITY_ORGANIZATIONS = 14;
const STREETS = ['Storgata', 'Kirkegata', 'Skolegata', 'Havnegata', 'Parkveien', 'Jernbanegata', 'Torggata', 'Strandveien'];
const DAYS = ['MO', 'TU', 'WE', 'TH', 'FR'];

function isoDaysAgo(today: Date, days: number): string {
  return new Date(today.getTime() - days * 86_400_000).toISOString().slice(0, 10);
}

/** Picks a municipality with probability rising with population (√population), so offers cluster in towns. */
function weightedPicker(municipalities: MunicipalityWithCentre[], random: Random) {
  const withPopulation = municipalities.filter((m) => m.population !== null);
  const weights = withPopulation.map((m) => Math.sqrt(m.population!));
  const total = weights.reduce((a, b) => a + b, 0);
  return () => {
    let r = random.next() * total;
    for (let i = 0; i < weights.length; i++) {
      r -= weights[i]!;
      if (r <= 0) return withPopulation[i]!;
    }
    return withPopulation[withPopulation.length - 1]!;
  };
}

export interface DemoData {
  organizations: OrganizationAggregate[];
  services: ServiceAggregate[];
  /** what people do at each offer, by service id (the truth the relevance test set judges by) */
  activities: Record<string, Activity[]>;
}

function weightedKind(random: Random): Kind {
  const kinds = Object.entries(KINDS) as [Kind, (typeof KINDS)[Kind]][];
  let r = random.next() * kinds.reduce((sum, [, k]) => sum + k.weight, 0);
  for (const [kind, k] of kinds) if ((r -= k.weight) <= 0) return kind;
  return 'kommune';
}

const townOf = (m: MunicipalityWithCentre) => m.name.split(' - ')[0]!;
const phoneIn = (m: MunicipalityWithCentre, random: Random) =>
  `+47 ${AREA_CODES[m.county_number] ?? '23'} ${String(Math.floor(random.next() * 1e6)).padStart(6, '0').replace(/(\d{2})(\d{2})(\d{2})/, '$1 $2 $3')}`;

/** The offer's description: fictional, then what happens, where, in which form, and for whom. */
function describe(level: (typeof SERVICE_LEVELS)[number], arena: string, activities: Activity[], format: string, group: string, fields: string[]): string {
  return [
    'Fiktivt demotilbud.', LEVEL_TEXT[level], ARENA_TEXT[arena], ...activities.map((a) => DEMO_ACTIVITIES[a].text), FORMAT_TEXT[format],
    `Tilbudet er for ${AGE_TEXT[group]} som strever med ${fields.map((f) => FIELD_TEXT[f]).join(' eller ')}.`,
    'Musikkterapeuten har godkjent musikkterapiutdanning.',
  ].join(' ');
}

export function generateDemoData(
  municipalities: MunicipalityWithCentre[],
  options: { services: number; seed?: number; today?: Date; postalCodes?: Map<string, string> },
): DemoData {
  const random = prng(options.seed ?? 2010);
  const today = options.today ?? new Date('2026-11-01T00:00:00Z');
  const pickMunicipality = weightedPicker(municipalities, random);
  const cities = municipalities.filter((m) => m.population !== null).sort((a, b) => b.population! - a.population! || a.number.localeCompare(b.number));
  const organizations: (OrganizationAggregate & { home: MunicipalityWithCentre; kind: Kind; phone: string })[] = [];
  const services: ServiceAggregate[] = [];
  const activities: Record<string, Activity[]> = {};
  const orgCount = Math.max(1, Math.round(options.services / 2.5));

  for (let o = 0; o < orgCount; o++) {
    const home = o < Math.min(CITY_ORGANIZATIONS, cities.length) ? cities[o]! : pickMunicipality();
    const id = nameUuid(`demo-org:${options.seed ?? 2010}:${o}`);
    organizations.push({
      id, name: `${random.pick(ORG_WORDS)} ${townOf(home)} (fiktiv)`,
      description: 'Fiktiv organisasjon laget som demodata. Den finnes ikke.',
      email: `post@demo-${o}.example`, website: null, organizationNumber: null, isDemo: true,
      home, kind: weightedKind(random), phone: phoneIn(home, random),
    });
  }
  for (let i = 0; i < options.services; i++) {
    const organization = organizations[i % orgCount]!;
    const municipality = organization.home;
    const kind = KINDS[organization.kind];
    const level = random.pick(kind.levels);
    const arena = random.pick(kind.arena);
    const access = level === 'lavterskel' ? 'tilgang:egenhenvisning' : 'tilgang:henvisning';
    const group = random.pick(Object.keys(GROUP_TEXT));
    const digital = random.chance(0.05);
    // rus treatment is for rus, psychiatric services for mental health; either may take both
    const main = arena === 'arena:spesialist:tsb' ? 'felt:rus' : arena.startsWith('arena:spesialist:') ? 'felt:psykisk-helse' : random.pick(['felt:rus', 'felt:psykisk-helse']);
    const fields = random.chance(0.5) ? ['felt:rus', 'felt:psykisk-helse'] : [main];
    const format = digital ? 'format:digital' : random.pick(['format:individuell', 'format:gruppe', 'format:gruppe']);
    const chosen = [...new Set([random.pick(Object.keys(DEMO_ACTIVITIES) as Activity[]), ...(random.chance(0.4) ? [random.pick(Object.keys(DEMO_ACTIVITIES) as Activity[])] : [])])];
    const referrers = access === 'tilgang:henvisning' ? (REFERRERS[arena] ?? []).filter((_, n) => n === 0 || random.chance(0.6)) : [];
    const cost = level === 'behandling' ? 'kostnad:egenandel' : random.chance(0.9) ? 'kostnad:gratis' : 'kostnad:annet';
    const terms = [`niva:${level}`, arena, access, group, ...fields, format, ...referrers, cost];
    const [minimumAge, maximumAge] = AGES[group]!;
    const id = nameUuid(`demo-service:${options.seed ?? 2010}:${i}`);
    activities[id] = chosen;
    const name = `${DEMO_ACTIVITIES[chosen[0]!].title} ${GROUP_TEXT[group]} – ${digital ? 'digitalt' : townOf(municipality)} (fiktiv)`;
    services.push({
      id, organizationId: organization.id, name,
      description: describe(level, arena, chosen, format, group, fields),
      status: random.chance(0.03) ? 'temporarily closed' : 'active',
      email: `musikkterapi@demo-${i}.example`, url: null,
      applicationProcess: access === 'tilgang:egenhenvisning'
        ? 'Kom innom i åpningstiden, eller ring for en prat først. Du trenger ikke henvisning.'
        : `Du trenger henvisning. Be ${referrers.map((r) => REFERRER_TEXT[r]).join(' eller ')} om å sende den. Du kan også ringe oss og spørre.`,
      feesDescription: cost === 'kostnad:egenandel' ? 'Vanlig egenandel for poliklinisk behandling.' : cost === 'kostnad:gratis' ? 'Gratis.' : 'Det koster 50 kroner per gang (fiktivt beløp).',
      eligibilityDescription: `Tilbudet er for ${AGE_TEXT[group]}.`,
      waitTime: level === 'lavterskel' ? 'Ingen ventetid' : `Omtrent ${1 + Math.floor(random.next() * 8)} uker`,
      minimumAge, maximumAge,
      assuredDate: isoDaysAgo(today, Math.floor(random.next() * 600)),
      fte: Math.round((0.2 + random.next() * 1.8) * 10) / 10,
      isDemo: true, terms,
      languages: ['nb', ...(random.chance(0.3) ? [random.pick(['en', 'se', 'pl', 'ar', 'uk'])] : [])],
      phones: [{ number: organization.phone, description: 'Sentralbord (fiktivt nummer)' }],
      contacts: [{ name: 'Demo Musikkterapeut', title: 'Musikkterapeut', email: `terapeut@demo-${i}.example` }],
      schedules: level === 'lavterskel'
        ? [{ byday: random.pick(DAYS), opensAt: '12:00', closesAt: '15:00', description: 'Drop-in' }]
        : [{ byday: 'MO,TU,WE,TH,FR', opensAt: '08:00', closesAt: '15:30', description: 'Etter avtale' }],
      locations: digital ? [] : [demoLocation(id, municipality, random, organization.name, options.postalCodes?.get(municipality.number))],
      // written without drawing from the generator, so every other offer stays as it was
      translations: translatedLanguages(i).map((language) => ({
        language, name: null, description: describeIn(language, level, arena, chosen, format, group, fields), applicationProcess: null,
      })),
    });
  }
  return { organizations: organizations.map(({ home: _home, kind: _kind, phone: _phone, ...o }) => o), services, activities };
}

function demoLocation(serviceId: string, municipality: MunicipalityWithCentre, random: Random, organizationName: string, postalCode = '0000'): LocationAggregate {
  const confidential = random.chance(0.05);
  // within about a kilometre of where the municipality's people live (its population centre)
  const lat = municipality.centre_lat + (random.next() - 0.5) * 0.04;
  const lon = municipality.centre_lon + (random.next() - 0.5) * 0.08;
  return {
    id: nameUuid(`demo-location:${serviceId}`),
    name: organizationName,
    description: null,
    transportation: random.chance(0.5) ? 'Buss stopper like ved (fiktivt).' : null,
    latitude: Math.round(lat * 1e5) / 1e5,
    longitude: Math.round(lon * 1e5) / 1e5,
    isConfidential: confidential,
    nameShown: false,
    municipalityNumber: municipality.number,
    address: {
      address1: `${random.pick(STREETS)} ${1 + Math.floor(random.next() * 60)}`,
      postalCode, city: townOf(municipality), stateProvince: municipality.county_name,
    },
    accessibility: ['tilgjengelighet:trinnfri', 'tilgjengelighet:hc-toalett', 'tilgjengelighet:teleslynge'].filter(() => random.chance(0.5)),
    accessibilityDescription: random.chance(0.5) ? 'Inngang fra gateplan.' : null,
  };
}

/** Removes all demo organisations and services (and what hangs on them). */
export async function removeDemoData(db: Db): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await sql`delete from attribute where link_id in (select id from service where is_demo) or link_id in (select id from location where is_demo)`.execute(trx);
    await sql`delete from service where is_demo`.execute(trx);
    await sql`delete from location where is_demo`.execute(trx);
    await sql`delete from organization where is_demo`.execute(trx);
  });
}

/** The demo set loadDemoData writes, generated over this database's municipalities and postal codes. */
export async function demoDataFor(db: Db, options: { services: number; seed?: number }): Promise<DemoData> {
  const municipalities = await listMunicipalities(db);
  const postal = await db.selectFrom('postal_code').select(['municipality_number', (eb) => eb.fn.min('code').as('code')])
    .where('municipality_number', 'is not', null).groupBy('municipality_number').execute();
  const postalCodes = new Map(postal.map((p) => [p.municipality_number!, p.code]));
  return generateDemoData(municipalities, { ...options, postalCodes });
}

/** Loads a generated set in one transaction; returns how many services were written. */
export async function loadDemoData(db: Db, options: { services: number; seed?: number }): Promise<number> {
  const data = await demoDataFor(db, options);
  await db.transaction().execute(async (trx) => {
    await insertOrganizations(trx, data.organizations);
    await insertServices(trx, data.services);
    await reindexServices(trx);
  });
  return data.services.length;
}

export async function hasDemoData(db: Db): Promise<boolean> {
  const row = await db.selectFrom('organization').select('id').where('is_demo', '=', true).limit(1).executeTakeFirst();
  return row !== undefined;
}
