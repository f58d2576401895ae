import { randomUUID } from 'node:crypto';
import type { Db } from '../../src/platform/db/index.ts';
import { osloDate } from '../../src/platform/clock.ts';
import { insertOrganizations, insertServices, reindexServices } from '../../src/directory/index.ts';
import type { LocationAggregate, OrganizationAggregate, ServiceAggregate } from '../../src/directory/index.ts';

export function anOrganization(overrides: Partial<OrganizationAggregate> = {}): OrganizationAggregate {
  return {
    id: randomUUID(), name: 'Testkommune helse', description: 'Test', email: null, website: null,
    organizationNumber: null, isDemo: false, ...overrides,
  };
}

export function aLocation(overrides: Partial<LocationAggregate> = {}): LocationAggregate {
  return {
    id: randomUUID(), name: 'Huset', description: null, transportation: null,
    latitude: 59.9139, longitude: 10.7522, isConfidential: false, nameShown: false, municipalityNumber: '0301',
    address: { address1: 'Testgata 1', postalCode: '0150', city: 'Oslo', stateProvince: 'Oslo' },
    accessibility: [], accessibilityDescription: null, ...overrides,
  };
}

export function aService(organization: OrganizationAggregate, overrides: Partial<ServiceAggregate> = {}): ServiceAggregate {
  return {
    id: randomUUID(), organizationId: organization.id, name: 'Musikkterapi', description: 'Musikkterapi i gruppe.',
    status: 'active', email: null, url: null, applicationProcess: null, feesDescription: null,
    eligibilityDescription: null, waitTime: null, minimumAge: null, maximumAge: null,
    // confirmed today, so an entry stays fresh whenever the tests run (a fixed date turns stale, then hidden)
    assuredDate: osloDate(), fte: 1, isDemo: false,
    terms: ['niva:lavterskel', 'felt:rus'], languages: ['nb'], phones: [], contacts: [], schedules: [],
    locations: [aLocation()], translations: [], ...overrides,
  };
}

/** Writes organisations and services the way the app does, and indexes them for the finder. */
export async function store(db: Db, organizations: OrganizationAggregate[], services: ServiceAggregate[]): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await insertOrganizations(trx, organizations);
    await insertServices(trx, services);
    await reindexServices(trx, services.map((s) => s.id));
  });
}

/** Sets the day a stored service was last confirmed (assured_date) and rebuilds its finder row, which carries that day. */
export async function setConfirmedOn(db: Db, serviceId: string, day: string | null): Promise<void> {
  await db.updateTable('service').set({ assured_date: day }).where('id', '=', serviceId).execute();
  await reindexServices(db, [serviceId]);
}
