import { readFileSync, readdirSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { PROFILE_PATCHES } from '../../../src/directory/hsds/profile.ts';

/** The HSDS 3.0 schemas copied into test/fixtures (see its README), compiled with Ajv (draft 2020-12). */
export const FIXTURES = new URL('../../fixtures/hsds-3.0/', import.meta.url).pathname;

const newAjv = () => {
  const ajv = new Ajv2020.default({ strict: false, allErrors: true });
  addFormats.default(ajv);
  return ajv;
};

const compiledAjv = newAjv();
// the compiled tabular schema still refers to a few object schemas by file name ("funding.json")
for (const file of readdirSync(`${FIXTURES}schema`).filter((f) => f.endsWith('.json') && f !== 'openapi.json')) {
  compiledAjv.addSchema({ ...JSON.parse(readFileSync(`${FIXTURES}schema/${file}`, 'utf8')), $id: file });
}
const compiled = new Map<string, ValidateFunction>();

/** A validator for one of the spec's compiled response schemas, e.g. "service" or "service_list". */
export function compiledSchema(name: string): ValidateFunction {
  let validate = compiled.get(name);
  if (!validate) {
    const schema = JSON.parse(gunzipSync(readFileSync(`${FIXTURES}schema/compiled/${name}.json.gz`)).toString('utf8'));
    validate = compiledAjv.compile(schema);
    compiled.set(name, validate);
  }
  return validate;
}

/** RFC 7386 JSON merge patch, the mechanism HSDS profiles use. */
export function mergePatch(target: unknown, patch: unknown): unknown {
  if (typeof patch !== 'object' || patch === null || Array.isArray(patch)) return patch;
  const result: Record<string, unknown> = typeof target === 'object' && target !== null && !Array.isArray(target) ? { ...(target as Record<string, unknown>) } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete result[key];
    else result[key] = mergePatch(result[key], value);
  }
  return result;
}

/**
 * Validators for the per-object schemas, canonical or with our profile's merge patches applied;
 * references between them ("phone.json") resolve among the same set.
 */
function objectSchemas(profiled: boolean) {
  const ajv = newAjv();
  const base = profiled ? 'https://hsds.test/profile/' : 'https://hsds.test/canonical/';
  for (const file of readdirSync(`${FIXTURES}schema`).filter((f) => f.endsWith('.json') && f !== 'openapi.json')) {
    const schema = JSON.parse(readFileSync(`${FIXTURES}schema/${file}`, 'utf8')) as Record<string, unknown>;
    const patched = profiled && PROFILE_PATCHES[file] ? mergePatch(schema, PROFILE_PATCHES[file]) as Record<string, unknown> : schema;
    ajv.addSchema({ ...patched, $id: `${base}${file}` });
  }
  return (file: string) => ajv.getSchema(`${base}${file}`)!;
}
export const canonicalObject = objectSchemas(false);
export const profiledObject = objectSchemas(true);

/** Every Ajv error as "path message", for assertion messages. */
export function errorsOf(validate: ValidateFunction): string {
  return (validate.errors ?? []).slice(0, 10).map((e) => `${e.instancePath} ${e.message}`).join('; ');
}

/** Paths of empty values (null, '' outside descriptions, []) anywhere in a document: HSDS omits empty optional fields. */
export function emptyFields(value: unknown, path = ''): string[] {
  if (Array.isArray(value)) return value.length === 0 ? [path] : value.flatMap((v, i) => emptyFields(v, `${path}[${i}]`));
  if (value === null) return [path];
  if (typeof value === 'object') return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) => emptyFields(v, `${path}.${k}`));
  if (value === '' && !path.endsWith('.description')) return [path];
  return [];
}
