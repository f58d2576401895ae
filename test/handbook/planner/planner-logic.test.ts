import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { readSectionFiles } from '../../../src/handbook/content.ts';
import { itemsForPlan, osloToday, planProgress, type ItemState } from '../../../src/handbook/planner/checklist.ts';
import { readinessProfile, STATEMENTS, DOMAINS } from '../../../src/handbook/planner/readiness.ts';
import { SETTINGS } from '../../../src/handbook/planner/settings.ts';

const sections = readSectionFiles().map((file) => ({ slug: file.slug, title: file.frontMatter.title, sort_order: file.frontMatter.order, checklist: file.frontMatter.checklist }));

describe('plan checklist', () => {
  test('a plan gets every general item and only its own setting’s items from part 4', () => {
    const municipal = itemsForPlan(sections, 'kommune');
    const prison = itemsForPlan(sections, 'kriminalomsorg');
    const kommuneIds = sections.find((s) => s.slug === 'kommune')!.checklist.map((i) => i.id);
    assert.ok(kommuneIds.every((id) => municipal.some((i) => i.id === id)));
    assert.ok(kommuneIds.every((id) => !prison.some((i) => i.id === id)));
    assert.ok(municipal.every((i) => sections.some((s) => s.slug === i.sectionSlug)), 'each item links to its section');
  });

  test('every setting names a section that exists', () => {
    for (const setting of SETTINGS) assert.ok(sections.some((s) => s.slug === setting.sectionSlug), setting.code);
  });

  test('progress counts done and not relevant as complete, and open items past their date as overdue', () => {
    const items = itemsForPlan(sections, 'kommune').filter((i) => i.phase === 'rom');
    assert.ok(items.length >= 3);
    const states = new Map<string, ItemState>([
      [items[0]!.id, { status: 'done', owner: 'Kari', dueDate: '2026-01-01', comment: null }],
      [items[1]!.id, { status: 'not_relevant', owner: null, dueDate: null, comment: null }],
      [items[2]!.id, { status: 'open', owner: 'Ola', dueDate: '2026-03-01', comment: null }],
    ]);
    const progress = planProgress(items, states, '2026-03-02');
    const rom = progress.phases.find((p) => p.phase === 'rom')!;
    assert.equal(rom.done, 1);
    assert.equal(rom.notRelevant, 1);
    assert.equal(rom.percentComplete, Math.round((2 / items.length) * 100));
    assert.deepEqual(rom.overdue.map((i) => i.id), [items[2]!.id]);
    assert.equal(planProgress(items, states, '2026-03-01').overdue.length, 0, 'due today is not overdue');
  });

  test('today is the date in Oslo', () => {
    assert.equal(osloToday(new Date('2026-03-01T23:30:00Z')), '2026-03-02');
  });
});

describe('readiness self-assessment', () => {
  test('10–15 statements over the five domains, each pointing to handbook sections that exist', () => {
    assert.ok(STATEMENTS.length >= 10 && STATEMENTS.length <= 15);
    for (const domain of DOMAINS) assert.ok(STATEMENTS.some((s) => s.domain === domain.id), domain.id);
    for (const statement of STATEMENTS) for (const slug of statement.sections) assert.ok(sections.some((s) => s.slug === slug), slug);
  });

  test('the profile averages per domain and names the weakest domain with its lowest statements', () => {
    const answers = Object.fromEntries(STATEMENTS.map((s) => [s.id, 4]));
    answers['ledelsen-staar-bak'] = 1; // indre: (1 + 4 + 4) / 3 = 3
    answers['i-planer-og-budsjett'] = 4;
    const profile = readinessProfile(answers);
    assert.equal(profile.domains.find((d) => d.id === 'indre')!.average, 3);
    assert.equal(profile.domains.find((d) => d.id === 'tiltaket')!.average, 4);
    assert.deepEqual(profile.weakest.map((w) => w.domain.id), ['indre']);
    assert.deepEqual(profile.weakest[0]!.lowStatements.map((s) => s.id), ['ledelsen-staar-bak']);
    assert.deepEqual(profile.weakest[0]!.sections, ['forankring']);
  });

  test('nothing answered gives no weakest area; all 5 gives none either', () => {
    assert.deepEqual(readinessProfile({}).weakest, []);
    assert.deepEqual(readinessProfile(Object.fromEntries(STATEMENTS.map((s) => [s.id, 5]))).weakest, []);
  });
});
