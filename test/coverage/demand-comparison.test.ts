import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { comparisonMarkdown, compareDemandModels } from '../../src/coverage/demand-comparison.ts';
import { buildInputs } from '../../src/coverage/inputs.ts';
import type { MunicipalityRow } from '../../src/reference/index.ts';
import { lineDistance } from './fixtures.ts';

// One municipality of 1,000 people: its interior point at 0 km, but 900 of them live in a cell at
// 100 km and 100 in a cell at 0 km. One offer at 100 km (line distance, lat = km).
const municipality: MunicipalityRow = {
  number: '4601', name: 'Bergen', county_number: '46', county_name: 'Vestland', health_region_code: 'helse-vest',
  health_region_name: 'Helse Vest', lat: 0, lon: 0, population: 1000, population_date: '2026-01-01',
};
const cells = [
  { cell: 'a', municipalityNumber: '4601', share: 0.1, lat: 0, lon: 0 },
  { cell: 'b', municipalityNumber: '4601', share: 0.9, lat: 100, lon: 0 },
];

describe('comparing one point per municipality with grid demand', () => {
  it('computes both models on the same supply and shows the change', () => {
    const inputs = buildInputs([municipality], [], new Map(), cells, 5);
    const rows = compareDemandModels(inputs, { sites: [{ id: 's', lat: 100, lon: 0, fte: 1, demandId: '4601' }], digital: [] }, lineDistance, { distanceThresholds: [30] });
    const without30 = rows.find((r) => r.measure.includes('within 30 km'))!;
    // Old: the one point is 100 km from the offer, so everyone is without. New: only cell a's 100 people.
    assert.equal(without30.municipalityPoints, 1);
    assert.ok(Math.abs(without30.gridPoints! - 0.1) < 1e-12);
    assert.match(comparisonMarkdown(rows), /\| Share of people without an offer within 30 km \| 1 \| 0\.1000 \| -0\.9000 \|/);
  });
});
