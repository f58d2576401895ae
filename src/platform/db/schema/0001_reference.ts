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
  lat: number;
  lon: number;
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
