import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { aggregateRatios, localRatios, UNASSIGNED } from '../../src/coverage/ratios.ts';
import { near, point, site } from './fixtures.ts';

const demand = [point('A', 0, 20_000, 'Nord'), point('B', 0, 5_000, 'Nord'), point('C', 0, null, 'Nord'), point('D', 0, 10_000)];
const supply = [
  site('s1', 0, 1.5, { demandId: 'A' }),
  site('s2', 0, 0.5, { demandId: 'A' }),
  site('s3', 0, 1, { demandId: 'C' }),
  site('s4', 0, 2), // no municipality
];

describe('local ratios', () => {
  it('sums FTE and services per municipality and derives both ratios', () => {
    const a = localRatios(demand, supply).units[0]!;
    // 2 FTE for 20,000 people: 1 FTE per 10,000, 10,000 people per FTE.
    assert.deepEqual(a, { id: 'A', population: 20_000, fte: 2, services: 2, ftePer10k: 1, populationPerFte: 10_000 });
  });

  it('says "no FTE" with null instead of dividing into Infinity', () => {
    const b = localRatios(demand, supply).units[1]!;
    assert.equal(b.ftePer10k, 0);
    assert.equal(b.populationPerFte, null);
  });

  it('gives null ratios where the population is unknown', () => {
    const c = localRatios(demand, supply).units[2]!;
    assert.equal(c.fte, 1);
    assert.equal(c.ftePer10k, null);
    assert.equal(c.populationPerFte, null);
  });

  it('lists sites it cannot attribute rather than guessing', () => {
    assert.deepEqual(localRatios(demand, supply).unattributedSiteIds, ['s4']);
  });
});

describe('aggregated ratios', () => {
  const { units } = localRatios(demand, supply);
  const regionOf = (id: string) => demand.find((d) => d.id === id)?.region;

  it('sums only members with a known population and counts the others', () => {
    const nord = aggregateRatios(units, regionOf).find((g) => g.group === 'Nord')!;
    // A + B: 25,000 people, 2 FTE. C (unknown population, 1 FTE) is left out of both sides.
    assert.equal(nord.population, 25_000);
    assert.equal(nord.fte, 2);
    assert.equal(nord.excludedFte, 1);
    assert.equal(nord.membersMissingPopulation, 1);
    assert.equal(nord.services, 3);
    near(nord.ftePer10k, 0.8);
    near(nord.populationPerFte, 12_500);
  });

  it('puts members without a group under a named bucket and can aggregate the whole country', () => {
    const groups = aggregateRatios(units, regionOf).map((g) => g.group);
    assert.deepEqual(groups, [UNASSIGNED, 'Nord']);
    const norway = aggregateRatios(units, () => 'Norge');
    assert.equal(norway.length, 1);
    assert.equal(norway[0]!.population, 35_000);
    assert.equal(norway[0]!.members, 4);
  });
});
