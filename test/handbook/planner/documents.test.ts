import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { readSectionFiles } from '../../../src/handbook/content.ts';
import { calculateBusinessCase } from '../../../src/handbook/planner/calculator.ts';
import { readBusinessCase } from '../../../src/handbook/planner/business-case-form.ts';
import { itemsForPlan, type ItemState } from '../../../src/handbook/planner/checklist.ts';
import { planDocument, DOCUMENT_KINDS, type PlanSnapshot } from '../../../src/handbook/planner/documents.ts';
import type { PlanRow } from '../../../src/handbook/planner/queries.ts';
import { readinessProfile } from '../../../src/handbook/planner/readiness.ts';
import { assertTaggedPdf, pdfText } from '../../helpers/pdf.ts';

const POPPLER = ['/usr/bin/pdftotext', '/usr/bin/pdftoppm', '/usr/bin/pdfinfo'];
const poppler = POPPLER.every((bin) => existsSync(bin));
// in CI the PDF suite must run (.ci/run installs poppler-utils): a missing tool fails loudly there
const CI = process.env.CI === 'true';
const OUT = new URL('../../../.tmp/handbook-pdf/', import.meta.url).pathname;

function snapshot(): PlanSnapshot {
  const sections = readSectionFiles().map((f) => ({ slug: f.slug, title: f.frontMatter.title, sort_order: f.frontMatter.order, checklist: f.frontMatter.checklist }));
  const items = itemsForPlan(sections, 'kommune');
  const businessCaseValues = {
    stillingsprosent: '50', arslonn: '600 000', arbeidsgiverprosent: '25', engang_instrumenter: '80 000', engang_rom: '40 000',
    arlig_instrumenter: '10 000', arlig_veiledning: '15 000', arlig_rom: '20 000', arlig_annet: '5 000',
    finans_egne: '200 000', finans_tilskudd: '150 000', finans_annet: '25 000',
    deltakere_lav: '20', frafall_lav: '5', bruddkostnad_lav: '100 000',
    deltakere_forventet: '30', frafall_forventet: '10', bruddkostnad_forventet: '150 000',
  };
  const read = readBusinessCase(businessCaseValues);
  const plan = {
    id: '7d0f4c52-1f7e-4d4b-9a51-2f1f3e9f0a11', title: 'Musikkterapi i Bodø – rus og psykisk helse', organization_name: 'Bodø kommune, Mestringsenheten',
    setting: 'kommune', municipality_number: '1804', municipality_name: 'Bodø', service_level: 'oppfolging', created_by_email: 'eier@example.no',
    memo: {
      bakgrunn: 'Kommunen har ingen musikkterapi i dag. Brukerrådet har ønsket et tilbud i flere år.',
      behov: 'Voksne i oppfølging for rus og psykiske helseplager, særlig de som har falt ut av andre aktiviteter.',
      forslag: 'En 50 % stilling som musikkterapeut fra 1. mars, med grupper på dagtid og to kvelder i uka.',
      risiko: 'Rekruttering kan ta tid. Tiltak: lyse ut tidlig og samarbeide med nabokommunen om en større stilling.',
      evaluering: 'Etter ett år skal minst 20 personer ha deltatt, og deltakerne skal oppleve tilbudet som nyttig.',
      oppgaver: '',
    },
    readiness: { 'kjenner-musikkterapi': 4, 'ledelsen-staar-bak': 2 }, business_case: businessCaseValues,
    created_at: new Date(), updated_at: new Date(), role: 'owner',
  } as unknown as PlanRow;
  const states = new Map<string, ItemState>([[items[0]!.id, { status: 'done', owner: 'Åse Ødegård', dueDate: '2026-02-01', comment: null }]]);
  const overdue = items.find((i) => i.phase === 'finansiering')!;
  states.set(overdue.id, { status: 'open', owner: 'Øystein', dueDate: '2026-01-15', comment: null });
  return { plan, items, states, businessCase: calculateBusinessCase(read.input!), businessCaseValues: read.values, readiness: readinessProfile(plan.readiness), today: '2026-03-02' };
}

test('poppler-utils is installed where the PDF suite must run (CI)', { skip: CI ? false : 'not in CI: the PDF suite may skip' }, () => {
  assert.deepEqual(POPPLER.filter((bin) => !existsSync(bin)), [], 'CI needs poppler-utils (apt-get install poppler-utils) to read the PDFs');
});

describe('plan documents as PDF', { skip: poppler || CI ? false : 'poppler-utils (pdftotext, pdftoppm) not installed' }, () => {
  const text = (pdf: Buffer) => pdfText(pdf, { layout: true }).replace(/\s+/g, ' ');

  test('the decision memo holds every part, the worked costs and Norwegian letters as text', async () => {
    const memo = text(await planDocument('vedtaksnotat', snapshot()));
    for (const heading of ['1. Bakgrunn', '2. Behov og målgruppe', '3. Forslag', '4. Kostnader', '5. Finansiering', '6. Nytte', '7. Risiko og tiltak', '8. Evaluering', '9. Status i planen', 'Kilder']) {
      assert.ok(memo.includes(heading), heading);
    }
    assert.match(memo, /Musikkterapi i Bodø – rus og psykisk helse/);
    assert.match(memo, /Bodø kommune, Mestringsenheten/);
    // 600 000 × 50 % = 300 000; + 25 % = 375 000; + 50 000 = 425 000 a year; + 120 000 one-time = 545 000
    assert.match(memo, /Årlig kostnad 425 000 kr/);
    assert.match(memo, /Kostnad første år 545 000 kr/);
    // expected: 30 × 10 % × 150 000 = 450 000; net 25 000
    assert.match(memo, /Forventet 30 10 150 000 kr 450 000 kr 25 000 kr/);
    assert.match(memo, /ikke målte resultater/);
    assert.match(memo, /Øystein/);
    assert.match(memo, /IS-1957/);
    assert.match(memo, /Side 1 av \d/);
  });

  test('the job description requires approved music-therapy education and suggests tasks for the service level', async () => {
    const job = text(await planDocument('stillingsbeskrivelse', snapshot()));
    assert.match(job, /Stillingsbeskrivelse: musikkterapeut, 50 prosent/);
    assert.match(job, /godkjent utdanning i musikkterapi/);
    assert.match(job, /oppfølgingen i kommunen/);
  });

  test('the evaluation plan carries the goals and the evaluation phase’s items with their owners', async () => {
    const plan = text(await planDocument('evalueringsplan', snapshot()));
    assert.match(plan, /minst 20 personer/);
    assert.match(plan, /Etter tolv måneder/);
    assert.match(plan, /Åpen/);
  });

  test('every document is tagged PDF/UA: its text in headings, paragraphs, lists and tables a screen reader can follow; the footer an artifact', async () => {
    for (const kind of DOCUMENT_KINDS) {
      const structure = assertTaggedPdf(await planDocument(kind, snapshot()), { language: 'nb-NO', artifacts: /Side \d+ av \d+/ });
      assert.match(structure, /^ {2}H1 \(block\)\n {4}"[^"]+"/m, `${kind}: its title is a heading`);
      assert.match(structure, /^ {2}H2 \(block\)/m, `${kind}: its parts are headings`);
      if (kind === 'vedtaksnotat') {
        assert.match(structure, /^ {2}H2 \(block\)\n {4}"4\. Kostnader"/m);
        assert.match(structure, /TH:\n\s+\/Scope \/Column\n\s+"Post"/, 'a table whose header cells name their columns');
        assert.match(structure, /TD\n\s+"425\s000\skr"/);
      }
      if (kind === 'stillingsbeskrivelse') assert.match(structure, /^ {2}L \(block\)\n {4}LI/m, `${kind}: a list of tasks`);
    }
  });

  test('every document turns into page images (looked at by hand once; here: they exist and are not blank)', async () => {
    mkdirSync(OUT, { recursive: true });
    for (const kind of DOCUMENT_KINDS) {
      const file = join(OUT, `${kind}.pdf`);
      writeFileSync(file, await planDocument(kind, snapshot()));
      execFileSync('pdftoppm', ['-png', '-r', '60', file, join(OUT, kind)]);
    }
    const pngs = readdirSync(OUT).filter((f) => f.endsWith('.png'));
    assert.ok(pngs.length >= 3, pngs.join(', '));
  });
});
