// A small, hand-placed directory for the atlas's database and page tests.
import { after, before } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import type { OpenedDatabase, Db } from '../../src/platform/db/index.ts';
import { testApp } from '../helpers/app.ts';
import { freshDatabase, type Backend } from '../helpers/db.ts';
import { aLocation, aService, anOrganization, store } from '../directory/factories.ts';
import { osloDate } from '../../src/platform/clock.ts';
import { cutoff } from '../../src/directory/freshness.ts';

export const org = anOrganization({ name: 'Nordlys musikkterapi' });
const bodoAddress = { address1: 'Storgata 1', postalCode: '8006', city: 'Bodø', stateProvince: 'Nordland' };
export const bodoLow = aService(org, { name: 'Lavterskel band i Bodø', fte: 2, terms: ['niva:lavterskel', 'felt:rus'], locations: [aLocation({ latitude: 67.28, longitude: 14.40, municipalityNumber: '1804', address: bodoAddress })] });
export const bodoSecret = aService(org, { name: 'Skjermet behandling i Bodø', fte: 1, terms: ['niva:behandling'], locations: [aLocation({ isConfidential: true, latitude: 67.30, longitude: 14.50, municipalityNumber: '1804', address: bodoAddress })] });
export const tromso = aService(org, {
  name: 'Oppfølging i Tromsø og Balsfjord', fte: 0.5, terms: ['niva:oppfolging'],
  locations: [aLocation({ latitude: 69.65, longitude: 18.96, municipalityNumber: '5501' }), aLocation({ latitude: 69.24, longitude: 19.23, municipalityNumber: '5532' })],
});
export const video = aService(org, { name: 'Musikkterapi på video', fte: 0.4, terms: ['niva:oppfolging', 'format:digital'], locations: [] });
const other = anOrganization({ name: 'Oslo musikkterapi' });
export const defunct = aService(other, { name: 'Nedlagt tilbud', status: 'defunct', fte: 5, locations: [aLocation({ municipalityNumber: '0301' })] });
export const closed = aService(other, { name: 'Midlertidig stengt', status: 'temporarily closed', fte: 5, locations: [aLocation({ municipalityNumber: '0301' })] });
/** Active, but nobody has confirmed it for two years: hidden from the finder (18 months by default), and so from the atlas. */
export const unconfirmed = aService(other, { name: 'Ikke bekreftet på to år', fte: 5, assuredDate: cutoff(osloDate(), 24), locations: [aLocation({ municipalityNumber: '0301' })] });

/** Narvik's population figures are removed, so the atlas must show it as missing. */
export const WITHOUT_POPULATION = '1806';

export async function storeAtlasFixture(db: Db): Promise<void> {
  await store(db, [org, other], [bodoLow, bodoSecret, tromso, video, defunct, closed, unconfirmed]);
  await sql`delete from population where municipality_number = ${WITHOUT_POPULATION}`.execute(db);
}

/** A fresh database with the fixture and the real app on it, for one describe block. */
export function useAtlasApp(backend: Backend['name']): { database: OpenedDatabase; app: FastifyInstance } {
  const context = {} as { database: OpenedDatabase; app: FastifyInstance };
  before(async () => {
    context.database = await freshDatabase(backend);
    await storeAtlasFixture(context.database.db);
    context.app = await testApp(context.database.db);
  });
  after(async () => {
    await context.app.close();
    await context.database.close();
  });
  return context;
}
