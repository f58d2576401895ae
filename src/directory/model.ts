import type { ServiceStatus } from '../platform/db/index.ts';

/** A service with everything that belongs to it, as written by the demo generator, import and forms. */
export interface ServiceAggregate {
  id: string;
  organizationId: string;
  name: string;
  description: string;
  status: ServiceStatus;
  email: string | null;
  url: string | null;
  applicationProcess: string | null;
  feesDescription: string | null;
  eligibilityDescription: string | null;
  waitTime: string | null;
  minimumAge: number | null;
  maximumAge: number | null;
  assuredDate: string | null;
  /** music-therapist capacity in full-time equivalents (årsverk) */
  fte: number | null;
  isDemo: boolean;
  /** taxonomy keys such as "niva:lavterskel" (see taxonomy.ts) */
  terms: string[];
  /** ISO 639-1 codes */
  languages: string[];
  phones: { number: string; description: string | null }[];
  contacts: { name: string | null; title: string | null; email: string | null }[];
  schedules: { byday: string; opensAt: string; closesAt: string; description: string | null }[];
  locations: LocationAggregate[];
}

export interface LocationAggregate {
  id: string;
  name: string | null;
  description: string | null;
  transportation: string | null;
  latitude: number | null;
  longitude: number | null;
  /** address hidden from the public; the contact point is shown instead (see location-view.ts) */
  isConfidential: boolean;
  /** a confidential location's name may be shown: its editor says the name gives nothing away (default hidden) */
  nameShown: boolean;
  municipalityNumber: string | null;
  address: { address1: string; postalCode: string; city: string; stateProvince: string } | null;
  /** taxonomy keys of the tilgjengelighet facet */
  accessibility: string[];
  accessibilityDescription: string | null;
}

export interface OrganizationAggregate {
  id: string;
  name: string;
  description: string;
  email: string | null;
  website: string | null;
  /** Norwegian organisation number (organisasjonsnummer), 9 digits */
  organizationNumber: string | null;
  isDemo: boolean;
}
