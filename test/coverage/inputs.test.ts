import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { computeCoverage } from '../../src/coverage/atlas.ts';
import { buildInputs, gridDemand, mergeCells, organizationHomes, supplyForLevel } from '../../src/coverage/inputs.ts';
import type { SupplyRow } from '../../src/coverage/queries.ts';
import type { MunicipalityRow } from '../../src/reference/index.ts';

const municipality = (number: string, population: number | null, lat: number, lon: number): MunicipalityRow => ({
  number, name: `Kommune ${number}`, county_number: number.slice(0, 2), county_name: 'Fylke', health_region_code: 'helse-nord',
  health_region_name: 'Helse Nord', lat, lon, population, population_date: population === null ? null : '2026-01-01',
});
const municipalities = [municipality('1804', 53_000, 67.2, 14.6), municipality('1806', null, 68.4, 17.4)];

function row(service: string, overrides: Partial<SupplyRow> = {}): SupplyRow {
  return {
    service_id: service, name: `Tilbud ${service}`, organization_id: 'org', organization_name: 'Org', fte: 1,
    terms: ['niva:lavterskel'], is_digital: false, is_demo: false, location_id: `${service}-loc`, location_type: 'physical',
    latitude: 67.28, longitude: 14.40, is_confidential: false, municipality_number: '1804', municipality_lat: 67.2, municipality_lon: 14.6,
    ...overrides,
  };
}

describe('building the atlas inputs from directory rows', () => {
  it('splits a service\'s FTE evenly over its places, so the total stays the service\'s FTE', () => {
    const inputs = buildInputs(municipalities, [row('a', { fte: 1.5, location_id: 'l1' }), row('a', { fte: 1.5, location_id: 'l2', municipality_number: '1806' })], new Map());
    assert.deepEqual(inputs.sites.map((s) => [s.demandId, s.fte]), [['1804', 0.75], ['1806', 0.75]]);
  });

  it('puts a confidential place at its municipality\'s point, never at its address', () => {
    const inputs = buildInputs(municipalities, [row('a', { is_confidential: true })], new Map());
    assert.deepEqual([inputs.sites[0]!.lat, inputs.sites[0]!.lon], [67.2, 14.6]);
    assert.equal(inputs.siteInfo.get(inputs.sites[0]!.id)!.confidential, true);
  });

  it('keeps a digital-only service out of the sites, with its FTE, levels and the provider\'s home', () => {
    const rows = [row('d', { is_digital: true, location_id: null, location_type: null, latitude: null, longitude: null, municipality_number: null, fte: 0.5, terms: ['niva:oppfolging', 'format:digital'] })];
    const inputs = buildInputs(municipalities, rows, organizationHomes([{ organization_id: 'org', municipality_number: '1806', locations: 2 }, { organization_id: 'org', municipality_number: '1804', locations: 1 }]));
    assert.equal(inputs.sites.length, 0);
    assert.deepEqual(inputs.digital, [{ serviceId: 'd', serviceName: 'Tilbud d', organizationName: 'Org', homeMunicipality: '1806', levels: ['oppfolging'], fte: 0.5 }]);
    assert.deepEqual(supplyForLevel(inputs, 'lavterskel').digital, []);
    assert.deepEqual(supplyForLevel(inputs, 'oppfolging').digital, [{ id: 'd', fte: 0.5, level: 'oppfolging', demandId: '1806' }]);
  });

  it('counts a digital service that also has a place once: its FTE at the place, the digital offer without FTE', () => {
    const inputs = buildInputs(municipalities, [row('h', { is_digital: true, fte: 2 })], new Map());
    assert.equal(inputs.sites[0]!.fte, 2);
    assert.equal(inputs.digital[0]!.fte, null);
  });

  it('counts a service with unknown FTE as an offer with 0 FTE, and says how many there are', () => {
    const inputs = buildInputs(municipalities, [row('u', { fte: null })], new Map());
    assert.equal(inputs.sites[0]!.fte, 0);
    assert.equal(inputs.services.withoutFte, 1);
  });

  it('leaves out virtual locations and counts services that cannot be placed', () => {
    const inputs = buildInputs(municipalities, [row('v', { location_type: 'virtual', latitude: null, longitude: null, municipality_number: null, municipality_lat: null, municipality_lon: null })], new Map());
    assert.equal(inputs.sites.length, 0);
    assert.equal(inputs.services.unplaced, 1);
  });

  it('filters by level, counting a service with several levels whole in each', () => {
    const inputs = buildInputs(municipalities, [row('a', { terms: ['niva:lavterskel', 'niva:behandling'] }), row('b', { terms: ['niva:oppfolging'] })], new Map());
    assert.deepEqual(supplyForLevel(inputs, 'behandling').sites.map((s) => [s.id, s.fte]), [['a/a-loc', 1]]);
    assert.equal(supplyForLevel(inputs, 'all').sites.length, 2);
    assert.equal(inputs.sites[0]!.level, undefined, 'two levels: no single level on the site');
    assert.deepEqual(inputs.sites[0]!.levels, ['lavterskel', 'behandling']);
  });

  it('counts a service with several levels at each of them: nearest per level, per-level shares and digital by level', () => {
    const inputs = buildInputs(municipalities, [
      row('a', { terms: ['niva:lavterskel', 'niva:behandling'] }),
      row('d', { terms: ['niva:lavterskel', 'niva:oppfolging'], is_digital: true, location_id: null }),
    ], new Map());
    const view = computeCoverage({ demand: inputs.demand, supply: inputs.sites, digital: supplyForLevel(inputs, 'all').digital }, undefined, { levels: ['lavterskel', 'oppfolging', 'behandling'] });
    const bodo = view.municipalities[0]!;
    assert.equal(bodo.nearestByLevel.lavterskel?.siteId, 'a/a-loc');
    assert.equal(bodo.nearestByLevel.behandling?.siteId, 'a/a-loc');
    assert.equal(bodo.nearestByLevel.oppfolging, null);
    // Only 1804 has a known population (53,000) and the site is ~12 km from its point: nobody lacks a
    // lavterskel or behandling offer within 30 km, everybody lacks oppfolging.
    assert.equal(view.national.withoutOfferByLevel.behandling![0]!.share, 0);
    assert.equal(view.national.withoutOfferByLevel.lavterskel![0]!.share, 0);
    assert.equal(view.national.withoutOfferByLevel.oppfolging![0]!.share, 1);
    assert.deepEqual(view.digital.byLevel, { lavterskel: 1, oppfolging: 1 });
  });

  it('keeps a missing population as null in the demand points', () => {
    const inputs = buildInputs(municipalities, [], new Map());
    assert.equal(inputs.demand.find((d) => d.id === '1806')!.population, null);
  });

  it('picks the commonest municipality as an organisation\'s home, the lower number on a tie', () => {
    const homes = organizationHomes([
      { organization_id: 'x', municipality_number: '5501', locations: 1 },
      { organization_id: 'x', municipality_number: '1804', locations: 1 },
    ]);
    assert.equal(homes.get('x'), '1804');
  });
});

describe('demand from the population grid', () => {
  it('splits each municipality\'s population over its cells by share, renormalised, keeping a missing population null', () => {
    const cells = [
      { cell: 'a', municipalityNumber: '1804', share: 0.250001, lat: 67.3, lon: 14.4 },
      { cell: 'b', municipalityNumber: '1804', share: 0.75, lat: 67.2, lon: 14.6 },
      { cell: 'c', municipalityNumber: '1806', share: 1, lat: 68.4, lon: 17.4 },
    ];
    const demand = gridDemand(municipalities, cells);
    assert.deepEqual(demand.map((d) => [d.id, d.unit]), [['1804/a', '1804'], ['1804/b', '1804'], ['1806/c', '1806']]);
    assert.ok(Math.abs(demand[0]!.population! + demand[1]!.population! - 53_000) < 1e-9);
    assert.ok(Math.abs(demand[1]!.population! - (53_000 * 0.75) / 1.000001) < 1e-9);
    assert.equal(demand[2]!.population, null);
    const inputs = buildInputs(municipalities, [], new Map(), cells);
    assert.deepEqual(inputs.units.map((u) => [u.id, u.population]), [['1804', 53_000], ['1806', null]]);
  });
});

describe('joining 5 km cells into larger blocks', () => {
  it('sums the shares of the cells in one block of one municipality and puts the block at their share-weighted centre', () => {
    // SSB ids: (x + 2,000,000) × 10^7 + y. x = 250,000 and 255,000 fall in one 10 km block (25), 260,000 in the next.
    const id = (x: number, y: number) => String((x + 2_000_000) * 1e7 + y);
    const cells = [
      { cell: id(250_000, 6_650_000), municipalityNumber: '0301', share: 0.25, lat: 59.9, lon: 10.7 },
      { cell: id(255_000, 6_650_000), municipalityNumber: '0301', share: 0.5, lat: 59.9, lon: 10.8 },
      { cell: id(260_000, 6_650_000), municipalityNumber: '0301', share: 0.25, lat: 59.9, lon: 10.9 },
      { cell: id(255_000, 6_650_000), municipalityNumber: '3201', share: 1, lat: 59.95, lon: 10.8 },
    ];
    const blocks = mergeCells(cells, 10);
    assert.deepEqual(blocks.map((b) => [b.municipalityNumber, b.share]), [['0301', 0.75], ['0301', 0.25], ['3201', 1]]);
    assert.ok(Math.abs(blocks[0]!.lon - (0.25 * 10.7 + 0.5 * 10.8) / 0.75) < 1e-12);
  });
});
