import { sql, type RawBuilder, type Selectable } from 'kysely';
import type { Database } from '../platform/db/index.ts';

type LocationTable = Database['location'];
type AddressTable = Database['address'];
type AccessibilityTable = Database['accessibility'];

/**
 * The one rule for what the public learns about a location, used by every output (the finder's
 * service page and /api/v1, HSDS in every form, the tabular export, FHIR). A confidential location
 * (skjermet: a shelter, a treatment place people must not be traced to) shows only that it is
 * confidential, its municipality, its contact points and its accessibility classification (a fixed
 * vocabulary that cannot say where it is). Its name is hidden too, since a shelter's name can itself
 * reveal it, unless its editor marked the name safe to show (name_shown). Its address, point,
 * transport note, description, accessibility description, web address and external identifiers
 * are hidden always.
 */
export interface StoredLocation {
  location: Selectable<LocationTable>;
  addresses: Selectable<AddressTable>[];
  accessibility: Selectable<AccessibilityTable>[];
}

/**
 * The location columns publicLocationView empties on a confidential location (name and
 * alternate_name only when the name is not marked safe to show). The Norwegian HSDS profile says
 * so (docs/hsds-profile.md): on a location whose attribute skjermet is true, these fields empty or
 * absent mean "unknown", so an import keeps what the directory has, and our own export imported
 * again changes nothing.
 */
export const MASKED_LOCATION_COLUMNS = [
  'name', 'alternate_name', 'description', 'transportation', 'latitude', 'longitude', 'url', 'external_identifier', 'external_identifier_type',
] as const satisfies readonly (keyof Selectable<LocationTable>)[];

export function publicLocationView(stored: StoredLocation): StoredLocation {
  const { location } = stored;
  if (!location.is_confidential) return stored;
  const name = location.name_shown;
  return {
    location: {
      ...location,
      name: name ? location.name : null, alternate_name: name ? location.alternate_name : null,
      description: null, transportation: null, latitude: null, longitude: null, url: null,
      external_identifier: null, external_identifier_type: null,
    },
    addresses: [],
    accessibility: [],
  };
}

/** What a service says about being given at a location (service_at_location.description) describes the place: hidden with it. */
export const publicLinkDescription = (location: Pick<Selectable<LocationTable>, 'is_confidential'> | undefined, description: string | null): string | null =>
  location?.is_confidential ? null : description;

/**
 * SQL: the location's name as the public may see it (null when hidden), for searching and ordering
 * by name: a hidden name must not be found by a name search, nor give itself away by where it sorts.
 */
export const publicLocationName = (alias: string): RawBuilder<string | null> =>
  sql<string | null>`(case when ${sql.ref(`${alias}.is_confidential`)} and not ${sql.ref(`${alias}.name_shown`)} then null else ${sql.ref(`${alias}.name`)} end)`;
