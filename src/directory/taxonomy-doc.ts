import { FACETS, LANGUAGE_FACET, LANGUAGE_FACET_NAME, LANGUAGES, TERMS, TAXONOMY_URI } from './taxonomy.ts';

/** docs/taxonomy.md, generated from taxonomy.ts so the two cannot drift (a test compares them). */
export function taxonomyMarkdown(): string {
  const lines = [
    '# Samklang classification (taxonomy)',
    '',
    'Generated from `src/directory/taxonomy.ts` by `npm run docs:taxonomy`; do not edit by hand.',
    '',
    'Every offer (HSDS `service`) is classified by terms of these facets; a location by the',
    'accessibility facet. A term is stored as an HSDS `attribute` linking the entity to a',
    '`taxonomy_term`; its key is `facet:code` (e.g. `arena:spesialist:dps`). Codes are stable: they',
    'are used in URLs (`/tilbud?arena=spesialist:dps`), the API and exports. Terms may be added,',
    'never renamed or reused. Term ids are name-based UUIDs (v5) of `term:<key>`, the same on every',
    `installation. Term URIs are \`${TAXONOMY_URI}/<facet>/<code>\`.`,
    '',
    'A filter on a parent term also finds its children (spesialisthelsetjeneste finds TSB, psykisk',
    'helsevern and DPS). Several terms of one facet are combined with OR, facets with AND.',
    '',
    'The names below are the canonical names (`nb`): HSDS `taxonomy_term.name`, FHIR `display`',
    'and the finder\'s CSV carry them whatever the reader\'s language. Pages show each facet, term',
    'and language in the reader\'s language (`nb`, `nn` or `en`) from the catalogue',
    '(`src/platform/i18n/<lang>/taxonomy.ts`, keyed by facet id and term key), and the free-text',
    'search knows the names in all three and the words in `src/directory/synonyms.ts`.',
    '',
  ];
  for (const facet of FACETS) {
    lines.push(`## ${facet.name} (\`${facet.id}\`, ${facet.appliesTo === 'service' ? 'service' : 'location'})`, '', facet.description, '', '| code | name | description |', '|---|---|---|');
    for (const term of TERMS.filter((t) => t.facet === facet)) lines.push(`| \`${term.code}\` | ${term.name} | ${term.description} |`);
    lines.push('');
  }
  lines.push(`## ${LANGUAGE_FACET_NAME} (\`${LANGUAGE_FACET}\`, service)`, '', 'From the HSDS `language` rows of the service (ISO 639-1 codes), not taxonomy terms.', '', '| code | name |', '|---|---|');
  for (const [code, name] of Object.entries(LANGUAGES)) lines.push(`| \`${code}\` | ${name} |`);
  lines.push('', '## Other classification fields', '',
    '- Age range: HSDS `service.minimum_age` / `maximum_age` (the finder\'s `alder` filter keeps services whose range contains the age).',
    '- Capacity: `service.fte`, music-therapist full-time equivalents (årsverk); ours.',
    '- Status: HSDS `service.status` (`active`, `inactive`, `defunct`, `temporarily closed`); only active and temporarily closed offers are in the finder.',
    '- Last verified: HSDS `service.assured_date`.',
    '- Confidential location: `location.is_confidential` (ours): the address, point, transport, description and accessibility description are never shown or exported, nor the name unless `location.name_shown` (ours); one function decides (src/directory/location-view.ts); distances use the municipality\'s population centre.',
    '');
  return lines.join('\n');
}
