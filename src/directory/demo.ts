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

const ORG_WORDS = ['Klangrommet', 'Tonebasen', 'Lydverkstedet', 'Rytmehuset', 'Strengen', 'Samspillet', 'Taktfast', 'Notehuset', 'Bandrommet', 'Pusterommet'];
const SETTINGS = {
  lavterskel: { arena: ['arena:kommune', 'arena:ideell', 'arena:ideell'], access: 'tilgang:egenhenvisning', referrers: [] as string[] },
  oppfolging: { arena: ['arena:kommune', 'arena:kommune', 'arena:ideell', 'arena:kriminalomsorg'], access: 'tilgang:henvisning', referrers: ['henviser:kommunen', 'henviser:nav', 'henviser:fastlege'] },
  behandling: { arena: ['arena:spesialist:tsb', 'arena:spesialist:dps', 'arena:spesialist:phv', 'arena:privat'], access: 'tilgang:henvisning', referrers: ['henviser:fastlege', 'henviser:spesialisthelsetjenesten'] },
} as const;
const LEVEL_TEXT = {
  lavterskel: 'Du kan komme innom uten avtale og uten henvisning. Vi spiller, synger og lager låter sammen, i ditt tempo.',
  oppfolging: 'Musikkterapeuten følger deg opp over tid, ved siden av eller etter behandling, med mål du setter selv.',
  behandling: 'Musikkterapi er en del av behandlingen her, i samarbeid med resten av behandlerteamet.',
};
const GROUP_TEXT: Record<string, string> = {
  'malgruppe:barn-unge': 'for barn og unge', 'malgruppe:unge-voksne': 'for unge voksne', 'malgruppe:voksne': 'for voksne', 'malgruppe:eldre': 'for eldre',
};
const AGES: Record<string, [number | null, number | null]> = {
  'malgruppe:barn-unge': [12, 17], 'malgruppe:unge-voksne': [16, 25], 'malgruppe:voksne': [18, null], 'malgruppe:eldre': [60, null],
};
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
}

export function generateDemoData(
  municipalities: MunicipalityWithCentre[],
  options: { services: number; seed?: number; today?: Date; postalCodes?: Map<string, string> },
): DemoData {
  const random = prng(options.seed ?? 2010);
  const today = options.today ?? new Date('2026-11-01T00:00:00Z');
  const pickMunicipality = weightedPicker(municipalities, random);
  const organizations: OrganizationAggregate[] = [];
  const services: ServiceAggregate[] = [];
  const orgCount = Math.max(1, Math.round(options.services / 2.5));

  for (let o = 0; o < orgCount; o++) {
    const home = pickMunicipality();
    const id = nameUuid(`demo-org:${options.seed ?? 2010}:${o}`);
    organizations.push({
      id, name: `${random.pick(ORG_WORDS)} ${home.name.split(' - ')[0]} (fiktiv)`,
      description: 'Fiktiv organisasjon laget som demodata. Den finnes ikke.',
      email: `post@demo-${o}.example`, website: null, organizationNumber: null, isDemo: true,
    });
  }
  for (let i = 0; i < options.services; i++) {
    const organization = organizations[i % orgCount]!;
    const municipality = random.chance(0.8) ? pickMunicipality() : pickMunicipality();
    const level = random.pick(SERVICE_LEVELS);
    const setting = SETTINGS[level];
    const group = random.pick(Object.keys(GROUP_TEXT));
    const digital = random.chance(0.05);
    const fields = random.chance(0.5) ? ['felt:rus', 'felt:psykisk-helse'] : [random.pick(['felt:rus', 'felt:psykisk-helse'])];
    const formats = digital ? ['format:digital'] : random.chance(0.5) ? ['format:individuell', 'format:gruppe'] : [random.pick(['format:individuell', 'format:gruppe'])];
    const referrers = setting.referrers.filter(() => random.chance(0.6));
    const terms = [
      `niva:${level}`, random.pick(setting.arena), setting.access, group, ...fields, ...formats, ...referrers,
      level === 'behandling' ? 'kostnad:egenandel' : random.chance(0.9) ? 'kostnad:gratis' : 'kostnad:annet',
    ];
    const [minimumAge, maximumAge] = AGES[group]!;
    const id = nameUuid(`demo-service:${options.seed ?? 2010}:${i}`);
    const name = `Musikkterapi ${GROUP_TEXT[group]} – ${municipality.name.split(' - ')[0]} (fiktiv)`;
    services.push({
      id, organizationId: organization.id, name,
      description: `Fiktivt demotilbud. ${LEVEL_TEXT[level]} Musikkterapeuten har godkjent musikkterapiutdanning.`,
      status: random.chance(0.03) ? 'temporarily closed' : 'active',
      email: `musikkterapi@demo-${i}.example`, url: null,
      applicationProcess: setting.access === 'tilgang:egenhenvisning'
        ? 'Kom innom i åpningstiden, eller ring for en prat først. Du trenger ikke henvisning.'
        : 'Be fastlegen, Nav eller behandleren din om å sende henvisning. Du kan også ringe oss og spørre.',
      feesDescription: level === 'behandling' ? 'Vanlig egenandel for poliklinisk behandling.' : 'Gratis.',
      eligibilityDescription: `Tilbudet er ${GROUP_TEXT[group]} med utfordringer knyttet til rus eller psykisk helse.`,
      waitTime: level === 'lavterskel' ? 'Ingen ventetid' : `Omtrent ${1 + Math.floor(random.next() * 8)} uker`,
      minimumAge, maximumAge,
      assuredDate: isoDaysAgo(today, Math.floor(random.next() * 600)),
      fte: Math.round((0.2 + random.next() * 1.8) * 10) / 10,
      isDemo: true, terms,
      languages: ['nb', ...(random.chance(0.3) ? [random.pick(['en', 'se', 'pl', 'ar', 'uk'])] : [])],
      phones: [{ number: `+47 ${String(20000000 + Math.floor(random.next() * 79999999)).replace(/(\d{2})(\d{2})(\d{2})(\d{2})/, '$1 $2 $3 $4')}`, description: 'Sentralbord (fiktivt nummer)' }],
      contacts: [{ name: 'Demo Musikkterapeut', title: 'Musikkterapeut', email: `terapeut@demo-${i}.example` }],
      schedules: level === 'lavterskel'
        ? [{ byday: random.pick(DAYS), opensAt: '12:00', closesAt: '15:00', description: 'Drop-in' }]
        : [{ byday: 'MO,TU,WE,TH,FR', opensAt: '08:00', closesAt: '15:30', description: 'Etter avtale' }],
      locations: digital ? [] : [demoLocation(id, municipality, random, organization.name, options.postalCodes?.get(municipality.number))],
    });
  }
  return { organizations, services };
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
      postalCode, city: municipality.name.split(' - ')[0]!, stateProvince: municipality.county_name,
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

/** Loads a generated set in one transaction; returns how many services were written. */
export async function loadDemoData(db: Db, options: { services: number; seed?: number }): Promise<number> {
  const municipalities = await listMunicipalities(db);
  const postal = await db.selectFrom('postal_code').select(['municipality_number', (eb) => eb.fn.min('code').as('code')])
    .where('municipality_number', 'is not', null).groupBy('municipality_number').execute();
  const postalCodes = new Map(postal.map((p) => [p.municipality_number!, p.code]));
  const data = generateDemoData(municipalities, { ...options, postalCodes });
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
