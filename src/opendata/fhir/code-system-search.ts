import { Type } from '@sinclair/typebox';
import { CODE_SYSTEMS, codeSystemResource, codeSystemUrl } from './codes.ts';
import { RESULT_PARAMS, type SearchParams } from './search.ts';
import { SearchError } from './values.ts';

/** CodeSystem search: our classification is a handful of resources, searched in memory. */
export const CODE_SYSTEM_SEARCH = Type.Object({
  ...RESULT_PARAMS,
  _id: Type.Optional(Type.String({ maxLength: 500, description: 'CodeSystem id; several separated by commas' })),
  url: Type.Optional(Type.String({ maxLength: 1000, description: 'Canonical URL of the CodeSystem; several separated by commas' })),
  name: Type.Optional(Type.String({ maxLength: 200, description: 'Computer-friendly name starts with (case-insensitive)' })),
  _sort: Type.Optional(Type.String({ maxLength: 100, description: 'name, _id or url; a leading - for descending' })),
}, { additionalProperties: true });

type Resource = Record<string, unknown>;

/** The CodeSystems matching, ordered, and how many in all. */
export function searchCodeSystems(p: SearchParams): { resources: Resource[]; total: number } {
  const ids = typeof p._id === 'string' ? new Set(p._id.split(',')) : null;
  const urls = typeof p.url === 'string' ? new Set(p.url.split(',')) : null;
  const name = typeof p.name === 'string' ? p.name.toLowerCase() : null;
  const sort = typeof p._sort === 'string' && p._sort ? p._sort : 'url';
  const descending = sort.startsWith('-');
  const key = descending ? sort.slice(1) : sort;
  if (!['name', '_id', 'url'].includes(key)) throw new SearchError('_sort', `cannot sort CodeSystem by "${key}": use name, _id or url`);
  const matching = CODE_SYSTEMS
    .filter(({ id, facet }) => (!ids || ids.has(id)) && (!urls || urls.has(codeSystemUrl(facet))))
    .map(({ facet }): Resource => codeSystemResource(facet))
    .filter((resource) => !name || String(resource.name).toLowerCase().startsWith(name))
    .sort((a, b) => String(a[key === '_id' ? 'id' : key]).localeCompare(String(b[key === '_id' ? 'id' : key])) * (descending ? -1 : 1));
  const count = Number(p._count ?? 50);
  const offset = Number(p._offset ?? 0);
  return { resources: matching.slice(offset, offset + count), total: matching.length };
}
