import { sql, type RawBuilder } from 'kysely';
import { FACETS, TERMS, type Facet, type FlatTerm } from '../../directory/index.ts';

/**
 * Samklang's classification as FHIR CodeSystems, one per facet, served at /fhir/CodeSystem/{id}.
 * Codes are the stable taxonomy codes (taxonomy.ts), the same as HSDS taxonomy_term.code.
 */
export const CODE_SYSTEM_BASE = 'https://samklang.no/fhir/CodeSystem';
export const codeSystemId = (facet: Facet) => `samklang-${facet.id}`;
export const codeSystemUrl = (facet: Facet) => `${CODE_SYSTEM_BASE}/${codeSystemId(facet)}`;

/** Where each facet goes on a HealthcareService: its broad category, its type, or a characteristic. */
export const FACET_ELEMENT: Record<string, 'category' | 'type' | 'characteristic'> = {
  niva: 'category', felt: 'type', arena: 'type', format: 'type',
  malgruppe: 'characteristic', tilgang: 'characteristic', henviser: 'characteristic', kostnad: 'characteristic', tilgjengelighet: 'characteristic',
};

/** Marks fictional demo data, as HL7's "test health data" reason code. */
export const DEMO_TAG = { system: 'http://terminology.hl7.org/CodeSystem/v3-ActReason', code: 'HTEST', display: 'test health data' };

/** Norwegian conventions of the no-basis profiles. */
export const ORGANIZATION_NUMBER_SYSTEM = 'urn:oid:2.16.578.1.12.4.1.4.101';
/**
 * An organisation_identifier row is an organisation number (organisasjonsnummer, from
 * Enhetsregisteret) when its scheme is NO-BRC (org-id.guide's code for the Brønnøysund Register
 * Centre, which the HSDS examples and UK profile use for such schemes) or its type names it, in
 * any case: imports write "Organisasjonsnummer", "organisasjonsnummer" or the scheme alone.
 */
export function isOrganizationNumber(row: { identifier_scheme: string | null; identifier_type: string | null }): boolean {
  return row.identifier_scheme?.trim().toUpperCase() === 'NO-BRC' || row.identifier_type?.trim().toLowerCase() === 'organisasjonsnummer';
}
/** isOrganizationNumber in SQL, for a row of organization_identifier aliased `alias`. */
export const organizationNumberSql = (alias: string): RawBuilder<boolean> =>
  sql<boolean>`(upper(trim(${sql.ref(`${alias}.identifier_scheme`)})) = 'NO-BRC' or lower(trim(${sql.ref(`${alias}.identifier_type`)})) = 'organisasjonsnummer')`;

export const MUNICIPALITY_EXTENSION = 'http://hl7.no/fhir/StructureDefinition/no-basis-municipalitycode';
export const MUNICIPALITY_SYSTEM = 'urn:oid:2.16.578.1.12.4.1.1.3402';

export function coding(term: FlatTerm) {
  return { system: codeSystemUrl(term.facet), code: term.code, display: term.name };
}

function concepts(facet: Facet, parentKey: string | null): Record<string, unknown>[] {
  return TERMS.filter((t) => t.facet === facet && t.parentKey === parentKey).map((t) => {
    const children = concepts(facet, t.key);
    return { code: t.code, display: t.name, definition: t.description, ...(children.length ? { concept: children } : {}) };
  });
}

export function codeSystemResource(facet: Facet) {
  return {
    resourceType: 'CodeSystem', id: codeSystemId(facet), url: codeSystemUrl(facet), version: '1',
    name: `Samklang${facet.id.charAt(0).toUpperCase()}${facet.id.slice(1)}`, title: `Samklang: ${facet.name}`, status: 'active',
    experimental: false, publisher: 'Samklang', description: facet.description, language: 'nb', caseSensitive: true,
    hierarchyMeaning: 'is-a', content: 'complete', count: TERMS.filter((t) => t.facet === facet).length, concept: concepts(facet, null),
  };
}

export const CODE_SYSTEMS = FACETS.map((facet) => ({ facet, id: codeSystemId(facet) }));

/**
 * The taxonomy keys a token search value names: "system|code", "|code" is not used, "code" alone
 * matches the code in any of the facets allowed for the element.
 */
export function termKeysForToken(token: string, element: 'category' | 'type'): string[] {
  const [system, code] = token.includes('|') ? token.split('|', 2) as [string, string] : [null, token];
  return TERMS.filter((t) => FACET_ELEMENT[t.facet.id] === element && t.code === code && (system === null || system === '' || codeSystemUrl(t.facet) === system))
    .map((t) => t.key);
}
