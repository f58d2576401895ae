/**
 * The shapes of JSON columns whose type belongs to a domain (a proposed service, an import
 * report, a checklist, a coverage snapshot). platform/ imports no domain, so the domain that owns
 * a shape adds it here by declaration merging, in its own tables.ts:
 *
 *   declare module '../platform/db/schema/json.ts' {
 *     interface JsonShapes { 'coverage_snapshot.indicators': SnapshotIndicators }
 *   }
 *
 * A table file names the key (`Json<JsonShapes['coverage_snapshot.indicators']>`); a key no domain
 * declares fails the type check.
 */
export interface JsonShapes {}
