// Row types of the tables of migrations/0022_experience_stories.ts: consented stories, their
// excerpts, consents per purpose and cleared identifier flags.
import type { NullableTimestamp, Timestamp, WithDefault } from './columns.ts';

export type StoryStatus = 'utkast' | 'til_gjennomlesing' | 'godkjent' | 'publisert';
export type StoryAgeBand = 'under-25' | '25-39' | '40-59' | '60-og-over';
export type StoryTheme = 'mestring' | 'tilhorighet' | 'brukerstyring' | 'motivasjon' | 'folelser' | 'fellesskap' | 'veien-inn' | 'vanskelig';
export type ConsentPurpose = 'nettside' | 'rapporter' | 'handbok';

export type ExperienceStoryTable = {
  id: string;
  pseudonym: string;
  age_band: StoryAgeBand;
  health_region_code: string;
  /** a code of the taxonomy's arena facet ('kommune', 'spesialist:dps', …) */
  setting: string;
  service_level: 'lavterskel' | 'oppfolging' | 'behandling';
  interview_year: number;
  body: WithDefault<string>;
  status: WithDefault<StoryStatus>;
  author_id: string | null;
  published_by: string | null;
  published_at: NullableTimestamp;
  /** SHA-256 of the teller's withdrawal code; the code itself is never stored */
  withdrawal_code_hash: string;
  withdrawn_at: NullableTimestamp;
  is_demo: WithDefault<boolean>;
  created_at: Timestamp;
  updated_at: Timestamp;
};

export type ExperienceStoryExcerptTable = {
  story_id: string;
  position: number;
  theme: StoryTheme;
  body: string;
};

export type ExperienceStoryConsentTable = {
  story_id: string;
  purpose: ConsentPurpose;
  /** 'YYYY-MM-DD' */
  given_on: string;
  /** the version of the consent text the teller saw */
  text_version: string;
  recorded_by: string | null;
};

export type ExperienceStoryClearedTable = {
  story_id: string;
  token: string;
  cleared_by: string | null;
};

export interface ExperienceStoriesTables {
  experience_story: ExperienceStoryTable;
  experience_story_excerpt: ExperienceStoryExcerptTable;
  experience_story_consent: ExperienceStoryConsentTable;
  experience_story_cleared: ExperienceStoryClearedTable;
}
