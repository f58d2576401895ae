// The directory of music-therapy offers: what other domains may use. Its rooms:
// - core (this folder): the model of a service (model.ts), its one read model (queries.ts), writes
//   (write.ts), taxonomy, freshness, the rule for confidential places (location-view.ts), the
//   directory's data in HSDS terms (hsds/: profile, tables and columns, flattening), demo data;
// - finder/: the public search, its pages and GET /api/v1/services, and the one place resolver;
// - intake/: how entries come in: self-service, moderation, imports.
// Open data (HSDS, FHIR, CSV) is its own domain, src/opendata/, and reads the directory through here.
export { directoryRoutes } from './finder/routes.ts';
export { syncTaxonomy } from './taxonomy-store.ts';
export { loadDemoData, hasDemoData, removeDemoData, generateDemoData, demoDataFor, DEMO_ACTIVITIES } from './demo.ts';
export { insertOrganizations, insertServices, reindexServices, rebuildOutdatedSearchIndex } from './write.ts';
export { directoryVersion } from './version.ts';
export { FACETS, TERMS, TERM_BY_ID, TERM_BY_KEY, LANGUAGE_FACET, LANGUAGES, type Facet, type FlatTerm } from './taxonomy.ts';
export { facetDescription, facetLabel, languageLabel, termDescription, termLabel } from './taxonomy-labels.ts';
export { SERVICE_LEVELS, type ServiceLevel } from './service-level.ts';
export { MODEL_COLUMNS, type ColumnPlaces, type FieldPlaces, type LeftOut } from './service-fields.ts';
export { publicWebUrl, ORIGINAL_TEXT_LANGUAGE, type ServiceAggregate, type OrganizationAggregate, type LocationAggregate, type ServiceTranslation } from './model.ts';
export { freshnessCutoffs, freshnessSettings, publiclyVisible, shownInFinder } from './freshness.ts';
export { DEPARTURE_DAYS, departedServices, findDepartures, type Departure } from './departures.ts';
export { publicLinkDescription, publicLocationName, publicLocationView } from './location-view.ts';
export {
  DATA_TAXONOMY, DATA_TERM_BY_CODE, DATA_TERM_BY_ID, DATA_TERM_ROWS, HSDS_VERSION, TRANSLATED_FIELDS, dataAttributeId, profileDocument, translationCode, translationOf,
  type DataTermCode, type TranslatedField,
} from './hsds/profile.ts';
export { Dataset, HSDS_TABLES, TABLES } from './hsds/dataset.ts';
export { flattenObject } from './hsds/flatten.ts';
// the finder, for the open-data exports of its hits
export { searchServices, type SearchQuery, type SearchResult, type SearchHit } from './finder/search.ts';
export { FinderQuerySchema, toSearchQuery } from './finder/params.ts';
export { placeFrom } from './finder/place.ts';
export { termNames } from './finder/views/components.tsx';
// the import's CSV template, documented on the open-data page
export { TEMPLATE_COLUMNS } from './intake/imports/pipeline/template.ts';
export { findPublicService, textLanguagesOf, type ServiceDetail } from './queries.ts';
