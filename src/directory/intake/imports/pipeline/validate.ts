import { Type } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { TypeCompiler } from '@sinclair/typebox/compiler';
import type { Db } from '../../../../platform/db/index.ts';
import { FACETS, TERM_BY_ID, taxonomyId } from '../../../taxonomy.ts';
import { DATA_TAXONOMY, DATA_TERM_BY_ID, translationOf } from '../../../hsds/profile.ts';
import { translationId } from '../../../write.ts';
import { COLUMNS } from '../../../hsds/columns.ts';
import { TABLES, type Dataset, type FlatRow, type TableName } from '../../../hsds/dataset.ts';
import { formatDate, msg } from '../../../../platform/i18n/index.ts';
import { freshnessCutoffs, freshnessSettings } from '../../../freshness.ts';
import { checkReferences } from './references.ts';
import { parentCycleOf } from '../../../model.ts';

const SCHEMAS = Object.fromEntries(TABLES.map((table) => {
  const { columns, required } = COLUMNS[table];
  const properties = Object.fromEntries(Object.entries(columns).map(([name, schema]) => [name, required.includes(name) ? schema : Type.Optional(schema)]));
  return [table, Type.Object(properties)];
})) as Record<TableName, ReturnType<typeof Type.Object>>;

/** The same schemas compiled: checking a valid row (nearly every row) without walking the schema; the errors of a failing row come from Value.Errors. */
const CHECKS = new Map(TABLES.map((table) => [table, TypeCompiler.Compile(SCHEMAS[table])]));

const OUR_TAXONOMIES = new Set(FACETS.map(taxonomyId));

/**
 * Samklang's facts travel as attributes of the profile's data taxonomy (profile.ts): they become
 * columns of the row they describe again, and neither they nor the data terms are stored as rows.
 */
function foldDataAttributes(dataset: Dataset): void {
  for (const [id, { row, where }] of dataset.rows('attribute')) {
    const term = DATA_TERM_BY_ID.get(String(row.taxonomy_term_id));
    if (!term) continue;
    dataset.remove('attribute', id);
    const entity = String(row.link_entity) as TableName;
    const target = (TABLES as readonly string[]).includes(entity) ? dataset.get(entity, String(row.link_id)) : undefined;
    if (!target || !term.entities.includes(entity)) {
      dataset.warnings.push({ where, message: msg.hsdsImport.leftOut.dataAttribute(term.code, term.entities) });
      continue;
    }
    const translation = translationOf(term.code);
    if (translation) {
      // one row per service and language, whichever of its fields the file translates
      const serviceId = String(row.link_id);
      const text = row.value === null || row.value === undefined || row.value === '' ? null : String(row.value);
      dataset.add('service_translation', { id: translationId(serviceId, translation.language), service_id: serviceId, language: translation.language, [translation.field]: text }, where);
      continue;
    }
    const value = row.value === null || row.value === undefined ? 'true' : String(row.value);
    if (term.code === 'demo') target.row.is_demo = value !== 'false';
    if (term.code === 'skjermet') target.row.is_confidential = value !== 'false';
    if (term.code === 'kommunenummer') target.row.municipality_number = value;
    if (term.code === 'arsverk') target.row.fte = value.replace(',', '.');
  }
  for (const [id] of dataset.rows('taxonomy_term')) if (DATA_TERM_BY_ID.has(id)) dataset.remove('taxonomy_term', id);
  dataset.remove('taxonomy', DATA_TAXONOMY.id);
}

const LINKABLE = new Set(['service', 'location', 'organization', 'service_at_location']);

/** HSDS lets an attribute describe any table; ours describe these four, others are left out. */
function dropUnlinkableAttributes(dataset: Dataset): void {
  for (const [id, { row, where }] of dataset.rows('attribute')) {
    const entity = row.link_entity;
    if (typeof entity === 'string' && LINKABLE.has(entity)) continue;
    // named by what is wrong: no link_entity at all ("egenskaper på undefined" once), or one we do not link
    const named = typeof entity === 'string' && entity.trim() !== '';
    dataset.warnings.push({ where, message: named ? msg.hsdsImport.leftOut.attributeOf(entity) : msg.hsdsImport.leftOut.attributeWithoutEntity });
    dataset.remove('attribute', id);
  }
}

/** Our own classification is defined in code (taxonomy.ts): a file never changes it. */
function keepOwnClassification(dataset: Dataset): void {
  for (const [id, { row, where }] of dataset.rows('taxonomy_term')) {
    const own = TERM_BY_ID.get(id);
    if (!own) continue;
    dataset.remove('taxonomy_term', id);
    if (row.name !== own.name) dataset.warnings.push({ where, message: msg.hsdsImport.leftOut.ownTerm(own.key) });
  }
  for (const [id] of dataset.rows('taxonomy')) if (OUR_TAXONOMIES.has(id)) dataset.remove('taxonomy', id);
}

function plainError(field: string, hint: string | undefined, value: unknown): string {
  if (value === undefined) return msg.hsdsImport.row.required(field);
  const shown = typeof value === 'string' && value.length > 60 ? `${value.slice(0, 57)}…` : JSON.stringify(value);
  // every column carries a hint; TypeBox's own message is English and for developers
  return msg.hsdsImport.row.invalid(field, hint ?? msg.hsdsImport.row.unfit, shown);
}

/** Checks and converts each row to its column types; every failing field is one problem. */
function checkTypes(dataset: Dataset): void {
  for (const table of TABLES) {
    const schema = SCHEMAS[table];
    for (const [, entry] of dataset.rows(table)) {
      const row: FlatRow = {};
      for (const field in entry.row) {
        const value = entry.row[field];
        if (value !== null && value !== '') row[field] = value!;
      }
      if (table === 'organization' || table === 'service' || table === 'program') row.description ??= '';
      // a row that already has its columns' types needs no converting (most rows of a JSON file):
      // TypeBox's Convert walks every value, and took about 0.4 s of 20,000 services
      const fits = CHECKS.get(table)!.Check(row);
      const converted = fits ? row : Value.Convert(schema, row) as FlatRow;
      const seen = new Set<string>();
      // PostgreSQL's text holds no NUL: a value with one would pass every schema and fail the write
      for (const field in converted) {
        const value = converted[field];
        if (typeof value !== 'string' || !value.includes('\u0000') || !(field in COLUMNS[table].columns)) continue;
        seen.add(field);
        dataset.problems.push({ where: entry.where, message: msg.hsdsImport.row.nul(field) });
      }
      for (const error of fits || CHECKS.get(table)!.Check(converted) ? [] : Value.Errors(schema, converted)) {
        const field = error.path.replace(/^\//, '') || String((error.schema as { required?: string[] }).required?.find((r) => !(r in converted)) ?? 'row');
        if (seen.has(field)) continue;
        seen.add(field);
        const hint = (error.schema as { hint?: () => string }).hint?.();
        dataset.problems.push({ where: entry.where, message: plainError(field, hint, converted[field]) });
      }
      if (typeof converted.minimum_age === 'number' && typeof converted.maximum_age === 'number' && converted.minimum_age > converted.maximum_age) {
        dataset.problems.push({ where: entry.where, message: msg.hsdsImport.row.ageOrder(converted.minimum_age, converted.maximum_age) });
      }
      if (typeof converted.opens_at === 'string' && converted.opens_at.length === 5) converted.opens_at += ':00';
      if (typeof converted.closes_at === 'string' && converted.closes_at.length === 5) converted.closes_at += ':00';
      entry.row = converted;
    }
  }
}

/** Everything that must hold before anything is written; problems and warnings land on the dataset. */
export async function validateDataset(db: Db, dataset: Dataset): Promise<void> {
  foldDataAttributes(dataset);
  dropUnlinkableAttributes(dataset);
  keepOwnClassification(dataset);
  checkTypes(dataset);
  if (dataset.problems.length === 0) await checkReferences(db, dataset);
  if (dataset.problems.length === 0) await checkParentCycles(db, dataset);
  if (dataset.problems.length === 0) noteHiddenByAge(dataset);
}

/**
 * A service last confirmed before the finder's hidden threshold imports, and is then shown nowhere
 * (finder, HSDS, FHIR, CSV) until an editor confirms it: each is named in the notes, so nobody
 * wonders where it went. Without assured_date a new service counts from the day it is made.
 */
function noteHiddenByAge(dataset: Dataset): void {
  const settings = freshnessSettings();
  const { hidden } = freshnessCutoffs(settings);
  for (const [, { row, where }] of dataset.rows('service')) {
    const assured = row.assured_date;
    if (typeof assured !== 'string' || assured >= hidden) continue;
    dataset.warnings.push({ where, message: msg.hsdsImport.leftOut.hiddenByAge(String(row.name ?? row.id), formatDate(assured), settings.hiddenMonths) });
  }
}

/** No organisation may become its own ancestor (the rule is model.ts's parentCycleOf; the database refuses it too). */
async function checkParentCycles(db: Db, dataset: Dataset): Promise<void> {
  const organizations = dataset.rows('organization');
  if (!organizations.some(([, { row }]) => typeof row.parent_organization_id === 'string')) return;
  const inFile = new Map(organizations.map(([id, { row }]) => [id, typeof row.parent_organization_id === 'string' ? row.parent_organization_id : null]));
  const stored = new Map((await db.selectFrom('organization').select(['id', 'parent_organization_id']).execute()).map((o) => [o.id, o.parent_organization_id]));
  const parentOf = (id: string) => (inFile.has(id) ? inFile.get(id) : stored.get(id));
  for (const [id, { where }] of organizations) {
    const cycle = parentCycleOf(id, parentOf);
    if (cycle) dataset.problems.push({ where, message: msg.hsdsImport.references.parentCycle(cycle) });
  }
}
