import type { ServiceLevel as StoredServiceLevel } from '../platform/db/index.ts';

/**
 * The service levels (tjenestenivå) of the taxonomy's niva facet, lowest threshold first. Coverage
 * and the planner build their schemas and choices from this list.
 */
export const SERVICE_LEVELS = ['lavterskel', 'oppfolging', 'behandling'] as const satisfies readonly StoredServiceLevel[];
export type ServiceLevel = (typeof SERVICE_LEVELS)[number];
