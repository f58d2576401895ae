import assert from 'node:assert/strict';
import { test } from 'node:test';
import { aggregateToForm, checkDraft, draftToAggregate } from '../../../../src/directory/intake/self-service/draft.ts';
import { serviceForm } from './self-service-helpers.ts';

const places = new Map([['0190', { municipalityNumber: '0301', city: 'Oslo', county: 'Oslo' }]]);
const base = { id: '6f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a4b', organizationId: '7a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d', assuredDate: null, isDemo: false };

test('a confidential location\'s name is hidden unless the editor ticks that it may be shown, and the choice survives editing', () => {
  const hidden = checkDraft(serviceForm({ 'location-0-isConfidential': 'ja' }), { forSubmit: true });
  assert.equal(draftToAggregate(hidden.draft!, base, places).locations[0]!.nameShown, false);
  const shown = checkDraft(serviceForm({ 'location-0-isConfidential': 'ja', 'location-0-nameShown': 'ja' }), { forSubmit: true });
  const aggregate = draftToAggregate(shown.draft!, base, places);
  assert.equal(aggregate.locations[0]!.nameShown, true);
  assert.equal(aggregateToForm(aggregate)['location-0-nameShown'], 'ja');
});
