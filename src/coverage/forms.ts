// Reading the planning forms: what a person typed becomes positions checked against the same
// schema as the API body, and every problem comes back as a Norwegian message on its field.
import { Value } from '@sinclair/typebox/value';
import type { FastifyRequest } from 'fastify';
import { msg } from '../platform/i18n/index.ts';
import { MAX_POSITIONS, municipalityAt, type PlannedPosition } from './planning.ts';
import { CoordinatePositionSchema, PositionSchema, type ScenarioQuery } from './params.ts';
import type { AtlasState } from './service.ts';
import { formErrors, type Errors } from '../platform/forms/index.ts';

const e = msg.coverage.errors;
const cp = msg.coveragePlanning;

/** Schema errors of a page's query string as field → message; unknown fields go to `fallback`. */
export const schemaErrors = (request: FastifyRequest, fieldIds: Record<string, string>, fallback: string): Errors =>
  formErrors(request, e, e.sort, (param) => fieldIds[param] ?? fallback);

/** "0,5", "0.5" and " 1 " are numbers; anything else is NaN (which the schema then rejects). */
export function typedNumber(text: string): number {
  const normalised = text.trim().replace(',', '.');
  return /^\d+(\.\d+)?$/.test(normalised) ? Number(normalised) : Number.NaN;
}

export function validFte(fte: number): boolean {
  return Value.Check(PositionSchema.properties.fte, fte);
}

export interface PositionRow {
  kommune: string;
  arsverk: string;
  stillingsniva: string;
  breddegrad: string;
  lengdegrad: string;
}

/** The rows as typed (padded to `count`), and the positions of the rows someone filled in. */
export function readPositions(state: AtlasState, query: ScenarioQuery, count: number): { rows: PositionRow[]; positions: PlannedPosition[]; errors: Errors } {
  const length = Math.min(MAX_POSITIONS, Math.max(count, query.kommune?.length ?? 0, query.arsverk?.length ?? 0));
  const rows: PositionRow[] = Array.from({ length }, (_, i) => ({
    kommune: query.kommune?.[i] ?? '',
    arsverk: query.arsverk?.[i] ?? '',
    stillingsniva: query.stillingsniva?.[i] ?? 'lavterskel',
    breddegrad: query.breddegrad?.[i] ?? '',
    lengdegrad: query.lengdegrad?.[i] ?? '',
  }));
  const positions: PlannedPosition[] = [];
  const errors: Errors = {};
  rows.forEach((row, i) => {
    const byCoordinates = row.breddegrad.trim() !== '' || row.lengdegrad.trim() !== '';
    if (row.kommune === '' && row.arsverk.trim() === '' && !byCoordinates) return;
    if (byCoordinates) {
      const candidate = { lat: typedNumber(row.breddegrad), lon: typedNumber(row.lengdegrad), fte: typedNumber(row.arsverk), level: row.stillingsniva };
      const bad = new Set([...Value.Errors(CoordinatePositionSchema, candidate)].map((err) => err.path.split('/')[1]));
      if (bad.has('lat')) errors[`breddegrad-${i + 1}`] = e.rowLabel(i + 1, cp.errors.lat);
      if (bad.has('lon')) errors[`lengdegrad-${i + 1}`] = e.rowLabel(i + 1, cp.errors.lon);
      if (!bad.has('lat') && !bad.has('lon') && municipalityAt(state, candidate.lat, candidate.lon) === null) {
        bad.add('lat');
        errors[`breddegrad-${i + 1}`] = e.rowLabel(i + 1, cp.errors.outside);
      }
      if (bad.has('fte')) errors[`arsverk-${i + 1}`] = e.rowLabel(i + 1, e.arsverk);
      if (bad.has('level')) errors[`stillingsniva-${i + 1}`] = e.rowLabel(i + 1, e.stillingsniva);
      if (bad.size === 0) positions.push(candidate as PlannedPosition);
      return;
    }
    const candidate = { municipality: row.kommune, fte: typedNumber(row.arsverk), level: row.stillingsniva };
    const bad = new Set([...Value.Errors(PositionSchema, candidate)].map((err) => err.path.split('/')[1]));
    if (!state.municipality.has(row.kommune)) bad.add('municipality');
    if (bad.has('municipality')) errors[`kommune-${i + 1}`] = e.rowLabel(i + 1, e.kommune);
    if (bad.has('fte')) errors[`arsverk-${i + 1}`] = e.rowLabel(i + 1, e.arsverk);
    if (bad.has('level')) errors[`stillingsniva-${i + 1}`] = e.rowLabel(i + 1, e.stillingsniva);
    if (bad.size === 0) positions.push(candidate as PlannedPosition);
  });
  return { rows, positions, errors };
}
