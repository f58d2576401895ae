// Row types of the tables migrations/0026_hsds_tables.ts made (HSDS 3.0 program, funding,
// service_area, cost_option, required_document). Its service.program_id is in 0002_directory.ts.
import type { WithDefault } from './columns.ts';

export interface ProgramTable {
  id: string;
  organization_id: string | null;
  name: string;
  alternate_name: string | null;
  description: WithDefault<string>;
}
export interface FundingTable {
  id: string;
  organization_id: string | null;
  service_id: string | null;
  source: string | null;
}
export interface ServiceAreaTable {
  id: string;
  service_id: string | null;
  name: string | null;
  description: string | null;
  extent: string | null;
  extent_type: string | null;
  uri: string | null;
}
export interface CostOptionTable {
  id: string;
  service_id: string | null;
  valid_from: string | null;
  valid_to: string | null;
  option: string | null;
  currency: string | null;
  amount: number | null;
  amount_description: string | null;
}
export interface RequiredDocumentTable {
  id: string;
  service_id: string | null;
  document: string | null;
  uri: string | null;
}

export interface HsdsTablesTables {
  program: ProgramTable;
  funding: FundingTable;
  service_area: ServiceAreaTable;
  cost_option: CostOptionTable;
  required_document: RequiredDocumentTable;
}
