import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { greedyPlacement } from '../../src/coverage/greedy.ts';
import { prepare } from '../../src/coverage/prepare.ts';
import { applyScenario } from '../../src/coverage/scenario.ts';
import type { AccessibilitySettings } from '../../src/coverage/types.ts';
import { lineDistance, near, point, site } from './fixtures.ts';

const settings: AccessibilitySettings = { method: '2sfca', catchmentKm: 20, decay: { kind: 'gaussian' } };
// A served cluster around 0–10 km and two unserved towns far out at 200 and 400 km.
const demand = [point('A', 0, 1000), point('B', 10, 2000), point('F', 200, 500), point('G', 400, 300), point('U', 5, null)];
const supply = [site('S1', 5, 2, { demandId: 'A' })];
const prepared = prepare(demand, supply, lineDistance);

describe('greedy placement', () => {
  it('prefers the candidate that gives the most people their first reachable FTE', () => {
    // Every candidate raises the population-weighted mean by the same 1 FTE / 3,800 people
    // (supply is conserved), so the tie-break decides: F (500 people) first, then G (300).
    const r = greedyPlacement(prepared, { k: 2, fte: 1, objective: 'accessibility', settings });
    assert.deepEqual(r.steps.map((s) => s.candidateId), ['F', 'G']);
    assert.deepEqual(r.steps.map((s) => s.newlyCoveredPopulation), [500, 300]);
    near(r.baseline.meanScore, 2e4 / 3800);
    near(r.steps[1]!.objective, 4e4 / 3800);
    // All five tie on the mean, U included: its own population is unknown but it reaches A and B.
    assert.equal(r.steps[0]!.tiedOnObjective, 5);
  });

  it('reports objective values that match a full recomputation', () => {
    for (const objective of ['accessibility', 'gini'] as const) {
      const r = greedyPlacement(prepared, { k: 3, fte: 0.5, objective, settings, level: 'lavterskel' });
      const check = applyScenario(prepared, r.sites, { settings }).national;
      near(r.steps.at(-1)!.meanScore, check.meanScore.after!);
      near(r.steps.at(-1)!.gini, check.gini.after!);
      assert.ok(r.sites.every((s) => s.level === 'lavterskel' && s.fte === 0.5));
    }
  });

  it('never raises the Gini when minimising it while some placement keeps it level', () => {
    // Step 1 cannot lower it: a site at F would over-serve F's 500 people (20 per 10k vs 6.7),
    // so it adds in the cluster, which scales A and B up together and leaves the (scale-free) Gini as
    // is. A and B tie on the Gini and the mean; the next tie-break, the fall in population-weighted
    // distance, picks B (2,000 people 5 km nearer, against A's 1,000). Once the cluster is richer,
    // F becomes the equalising choice.
    const r = greedyPlacement(prepared, { k: 3, fte: 1, objective: 'gini', settings });
    const path = [r.baseline.gini, ...r.steps.map((s) => s.gini)];
    path.slice(1).forEach((g, i) => assert.ok(g <= path[i]! + 1e-12));
    assert.deepEqual(r.steps.map((s) => s.candidateId), ['B', 'F', 'A']);
    assert.equal(r.steps[0]!.decidedBy, 'tie-break');
    assert.ok(r.steps[2]!.gini < r.baseline.gini);
  });

  it('only places sites at the given candidates, and may reuse one', () => {
    const r = greedyPlacement(prepared, { k: 2, fte: 1, objective: 'gini', settings, candidates: ['G'] });
    assert.deepEqual(r.steps.map((s) => s.candidateId), ['G', 'G']);
    assert.deepEqual(r.sites.map((s) => s.id), ['greedy-1-G', 'greedy-2-G']);
  });

  it('rejects unknown candidates and nonsensical options', () => {
    assert.throws(() => greedyPlacement(prepared, { k: 1, fte: 1, objective: 'gini', candidates: ['nope'] }), RangeError);
    assert.throws(() => greedyPlacement(prepared, { k: 1.5, fte: 1, objective: 'gini' }), RangeError);
    assert.throws(() => greedyPlacement(prepared, { k: 1, fte: 0, objective: 'gini' }), RangeError);
  });

  it('by default ranks candidates by the people newly within reach, and says how far ahead the winner is', () => {
    // Reach = the 20 km catchment. A, B (and U) already have S1 within 5 km; F (500 people) is 195 km
    // from it and G (300) 395 km. Step 1: F brings 500 people within reach, G 300, the rest 0.
    const r = greedyPlacement(prepared, { k: 2, fte: 1, objective: 'reach', settings });
    assert.deepEqual(r.steps.map((s) => s.candidateId), ['F', 'G']);
    assert.deepEqual(r.steps.map((s) => s.newlyWithinPopulation), [500, 300]);
    assert.equal(r.steps[0]!.runnerUp?.candidateId, 'G');
    assert.equal(r.steps[0]!.margin, 200);
    assert.equal(r.steps[0]!.decidedBy, 'objective');
    assert.equal(r.steps[0]!.tiedOnObjective, 1);
    // Step 2: only G still gains anyone; every other candidate brings 0 people within reach.
    assert.equal(r.steps[1]!.margin, 300);
    assert.equal(r.baseline.withinReachPopulation, 3000);
    // The fall in mean distance at step 1, over 3,800 people: F's 500 go from 195 km to 0 and G's
    // 300 from 395 km to 200.
    near(r.steps[0]!.distanceFall, (500 * 195 + 300 * 195) / 3800);
  });

  it('says so when the winner and the runner-up tie on everything', () => {
    // Two towns of 100 people, 100 km apart, no offer: placing at either is exactly as good.
    const twin = prepare([point('P', 0, 100), point('Q', 100, 100)], [], lineDistance);
    const r = greedyPlacement(twin, { k: 1, fte: 1, objective: 'reach', settings });
    assert.equal(r.steps[0]!.candidateId, 'P');
    assert.equal(r.steps[0]!.runnerUp?.candidateId, 'Q');
    assert.equal(r.steps[0]!.margin, 0);
    assert.equal(r.steps[0]!.tiedOnObjective, 2);
    assert.equal(r.steps[0]!.decidedBy, 'order');
  });

  it('places candidates given by coordinates', () => {
    const r = greedyPlacement(prepared, { k: 1, fte: 1, objective: 'reach', settings, candidates: [{ id: 'near-G', lat: 390, lon: 0 }, 'A'] });
    assert.equal(r.steps[0]!.candidateId, 'near-G');
    assert.equal(r.steps[0]!.newlyWithinPopulation, 300);
  });

  it('refuses 3SFCA, whose gains are not additive', () => {
    assert.throws(() => greedyPlacement(prepared, { k: 1, fte: 1, objective: 'reach', settings: { ...settings, method: '3sfca' } }), RangeError);
  });
});
