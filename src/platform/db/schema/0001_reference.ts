// Row types of the tables of migrations/0001_reference.ts.
import type { Generated } from 'kysely';

export interface HealthRegionTable {
  code: string;
  name: string;
}
export interface CountyTable {
  number: string;
  name: string;
  official_name: string;
}
export interface MunicipalityTable {
  number: string;
  name: string;
  county_number: string;
  health_region_code: string;
  /** interior point (pole of inaccessibility of the largest polygon): the coverage atlas's point */
  lat: number;
  lon: number;
  /** population centre (SSB 250 m grid): where the finder measures a municipality's distances from (0020_place_points) */
  centre_lat: number;
  centre_lon: number;
}
export interface PopulationTable {
  municipality_number: string;
  date: string;
  persons: number;
}
export interface PostalCodeTable {
  code: string;
  place: string;
  municipality_number: string | null;
  area_name: string | null;
  /** the postal code's own point, null when the points file lacks the code (0020_place_points) */
  lat: number | null;
  lon: number | null;
}
export interface ReferenceDatasetTable {
  name: string;
  checksum: string;
  loaded_at: Generated<Date>;
}

export interface ReferenceTables {
  health_region: HealthRegionTable;
  county: CountyTable;
  municipality: MunicipalityTable;
  population: PopulationTable;
  postal_code: PostalCodeTable;
  reference_dataset: ReferenceDatasetTable;
}
