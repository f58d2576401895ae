import { SEARCH_SCHEMAS, type ResourceType } from './search.ts';

const PARAM_TYPES: Record<string, string> = {
  _id: 'token', active: 'token', organization: 'reference', location: 'reference', 'service-category': 'token', 'service-type': 'token',
  name: 'string', 'address-postalcode': 'string', identifier: 'token',
};

/** What the FHIR API does, derived from the search schemas so the two cannot disagree. */
export function capabilityStatement(base: string) {
  const searchParams = (type: ResourceType) => Object.entries(SEARCH_SCHEMAS[type].properties)
    .filter(([name]) => PARAM_TYPES[name])
    .map(([name, schema]) => ({ name, type: PARAM_TYPES[name], documentation: (schema as { description?: string }).description ?? name }));
  return {
    resourceType: 'CapabilityStatement', status: 'active', date: '2026-11-01', publisher: 'Samklang', kind: 'instance',
    software: { name: 'Samklang' },
    implementation: { description: 'Samklang: music-therapy offers in substance-use and mental-health services in Norway (read-only)', url: base },
    fhirVersion: '4.0.1', format: ['application/fhir+json', 'json'],
    rest: [{
      mode: 'server',
      documentation: 'Paging: _count (at most 500) and _offset, followed through the Bundle links. Demo data carries meta.tag HTEST.',
      resource: [
        ...(Object.keys(SEARCH_SCHEMAS) as ResourceType[]).map((type) => ({
          type, interaction: [{ code: 'read' }, { code: 'search-type' }], searchParam: searchParams(type),
        })),
        { type: 'CodeSystem', interaction: [{ code: 'read' }, { code: 'search-type' }] },
      ],
    }],
  };
}
