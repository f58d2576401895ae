import { CODE_SYSTEM_SEARCH } from './code-system-search.ts';
import { RESULT_PARAMS, SEARCH_SCHEMAS, type ResourceType } from './search.ts';

/** The FHIR type of each search parameter (modifiers such as name:contains are not parameters of their own). */
const PARAM_TYPES: Record<string, string> = {
  _id: 'token', _lastUpdated: 'date', active: 'token', organization: 'reference', location: 'reference', 'location.near': 'special',
  'service-category': 'token', 'service-type': 'token', name: 'string', 'address-postalcode': 'string', identifier: 'token', near: 'special',
  url: 'uri',
};
/** The result parameters, for every type. */
const RESULT_TYPES: Record<string, string> = { _count: 'number', _offset: 'number', _summary: 'token', _total: 'token', _elements: 'special', _sort: 'special' };

type Properties = Record<string, { description?: string }>;
const described = (properties: Properties, name: string, type: string) =>
  ({ name, type, documentation: properties[name]?.description ?? name });
const searchParams = (properties: Properties) => Object.keys(properties).filter((name) => PARAM_TYPES[name])
  .map((name) => described(properties, name, PARAM_TYPES[name]!));

/** What the FHIR API does, derived from the search schemas so the two cannot disagree. */
export function capabilityStatement(base: string) {
  const results = RESULT_PARAMS as Properties;
  return {
    resourceType: 'CapabilityStatement', status: 'active', date: '2026-11-30', publisher: 'Samklang', kind: 'instance',
    software: { name: 'Samklang' },
    implementation: { description: 'Samklang: music-therapy offers in substance-use and mental-health services in Norway (read-only)', url: base },
    fhirVersion: '4.0.1', format: ['application/fhir+json', 'json'],
    rest: [{
      mode: 'server',
      documentation: 'Read-only: write interactions answer 405. Paging with _count (at most 500) and _offset, followed through the Bundle links. '
        + 'Unknown search parameters are ignored and left out of the self link, unless the request says Prefer: handling=strict (then 400). '
        + 'Every answer carries an ETag and Last-Modified for the data as a whole and honours If-None-Match and If-Modified-Since. '
        + 'Demo data carries meta.tag HTEST. Resources follow the Norwegian base profiles\' conventions (organisation number system, '
        + 'kommunenummer on Address.district) and claim only the base R4 definitions.',
      resource: [
        ...(Object.keys(SEARCH_SCHEMAS) as ResourceType[]).map((type) => ({
          type, profile: `http://hl7.org/fhir/StructureDefinition/${type}`,
          interaction: [{ code: 'read' }, { code: 'search-type' }], versioning: 'no-version', readHistory: false, conditionalRead: 'full-support',
          searchParam: searchParams(SEARCH_SCHEMAS[type].properties as Properties),
        })),
        {
          type: 'CodeSystem', profile: 'http://hl7.org/fhir/StructureDefinition/CodeSystem',
          interaction: [{ code: 'read' }, { code: 'search-type' }], versioning: 'no-version', readHistory: false, conditionalRead: 'full-support',
          searchParam: searchParams(CODE_SYSTEM_SEARCH.properties as Properties),
        },
      ],
      searchParam: Object.entries(RESULT_TYPES).map(([name, type]) => (name === '_sort'
        ? { name, type, documentation: 'Order by name, _id or _lastUpdated (where the type has it), separated by commas; a leading - for descending' }
        : described(results, name, type))),
    }],
  };
}
