export { directoryRoutes } from './routes.ts';
export { syncTaxonomy } from './taxonomy-store.ts';
export { loadDemoData, hasDemoData, removeDemoData, generateDemoData } from './demo.ts';
export { insertOrganizations, insertServices, reindexServices } from './write.ts';
export { searchServices, type SearchQuery, type SearchResult } from './search.ts';
export { FACETS, TERMS, TERM_BY_KEY } from './taxonomy.ts';
export { SERVICE_LEVELS, type ServiceLevel } from './service-level.ts';
export type { ServiceAggregate, OrganizationAggregate, LocationAggregate } from './model.ts';
export { BOM, csvLine, type CsvWriteOptions } from './csv.ts';
