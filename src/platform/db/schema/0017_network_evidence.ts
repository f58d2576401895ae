// Row types of the tables of migrations/0017_network_evidence.ts: the network's evidence library.
import type { JsonWithDefault, NullableTimestamp, Timestamp, WithDefault } from './columns.ts';

export type EvidenceKind = 'study' | 'guideline' | 'resource';
export type EvidenceDesign = 'systematic_review' | 'rct' | 'cohort' | 'qualitative' | 'other';
export type EvidencePopulation = 'rus' | 'mental_health' | 'both';
export type EvidenceOutcome = 'engagement_motivation' | 'craving' | 'emotional_insight' | 'anxiety' | 'depression' | 'social_functioning' | 'other';
export type EvidenceOrigin = 'seed' | 'import' | 'form';
/** A CSL-JSON name: a person (family, given) or an organisation (literal). */
export type CslName = { family?: string; given?: string; literal?: string };

export type EvidenceEntryTable = {
  id: string;
  key: string;
  kind: WithDefault<EvidenceKind>;
  title: string;
  authors: JsonWithDefault<CslName[]>;
  /** only some authors are known (the source said "et al.") */
  authors_incomplete: WithDefault<boolean>;
  year: number | null;
  container_title: WithDefault<string>;
  doi: string | null;
  url: string | null;
  /** the whole CSL-JSON record as imported */
  csl: JsonWithDefault<Record<string, unknown>>;
  design: EvidenceDesign | null;
  population: EvidencePopulation | null;
  setting: WithDefault<string>;
  outcomes: JsonWithDefault<EvidenceOutcome[]>;
  main_finding: WithDefault<string>;
  effect_size: WithDefault<string>;
  effect_size_source: WithDefault<string>;
  origin: EvidenceOrigin;
  checked_by: string | null;
  checked_at: NullableTimestamp;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
};

export interface NetworkEvidenceTables {
  evidence_entry: EvidenceEntryTable;
}
