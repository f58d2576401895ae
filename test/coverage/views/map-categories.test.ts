import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { UnitFigures } from '../../../src/coverage/present.ts';
import { mapCategories } from '../../../src/coverage/views/map-categories.ts';

function row(id: string, accessibility: number | null, shortage: UnitFigures['shortage'], population: number | null = 1000): UnitFigures {
  return {
    unit: 'municipality', id, name: `Kommune ${id}`, county_number: id.slice(0, 2), county_name: null, health_region_code: null,
    population, population_date: null, members: 1, members_missing_population: population === null ? 1 : 0, fte: 0, services: 0,
    digital_offers: 0, fte_per_10k: null, population_per_fte: null, accessibility, catchment_population_per_fte: null,
    nearest_distance: 10, shortage, shortage_counts: null, gini: null, without_offer: null,
  };
}

const rows = [row('1801', 0, 'severe'), row('1802', 1, 'moderate'), row('1803', 2, 'none'), row('0301', 3, 'none'), row('0302', null, 'severe', null)];

test('the legend counts only the municipalities shown, while the classes stay those of all of Norway', () => {
  const all = mapCategories(rows, 'tilgang', 'km');
  const nordland = mapCategories(rows, 'tilgang', 'km', (id) => id.startsWith('18'));
  assert.equal(all.categories.reduce((sum, c) => sum + c.count, 0), 5);
  assert.equal(nordland.categories.reduce((sum, c) => sum + c.count, 0), 3);
  assert.deepEqual(nordland.categories.map((c) => c.label), all.categories.filter((c) => c.key !== 'mangler').map((c) => c.label));
  assert.equal(all.kind, 'numeric');
  assert.equal(all.valueText.get('1802'), '1,00');
  assert.equal(all.valueText.get('0302'), 'Mangler folketall');
});

test('shortage is categorical: its three classes, counted for the area shown', () => {
  const shortage = mapCategories(rows, 'mangel', 'km', (id) => id.startsWith('18'));
  assert.equal(shortage.kind, 'categorical');
  assert.deepEqual(shortage.categories.map((c) => [c.key, c.count]), [['none', 1], ['moderate', 1], ['severe', 1]]);
  assert.equal(shortage.valueText.get('1801'), 'Alvorlig mangel');
});
