// Row types of the table migrations/0032_search_counts.ts made.

/**
 * The finder's counts for a search without words, filters, age or radius, kept by triggers on
 * service_search: rows per term key ('' for the rows themselves), freshness date and point.
 */
export interface SearchFacetCountTable {
  key: string;
  /** YYYY-MM-DD; 'infinity' for rows with no date (never hidden) */
  confirmed_on: string;
  without_point: boolean;
  n: number;
}

export interface SearchCountsTables {
  search_facet_count: SearchFacetCountTable;
}
