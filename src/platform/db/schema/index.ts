// The one Database type: every table, assembled from one file per migration that creates tables
// (named after it). A migration and its table types change in the same commit: a new table goes in
// a new file named after its migration and is added below; a new column goes in the file of the
// table's migration, marked with the migration that adds it.
import type { ReferenceTables } from './0001_reference.ts';
import type { DirectoryTables } from './0002_directory.ts';
import type { CoverageTables } from './0003_coverage.ts';
import type { AccountsTables } from './0005_accounts.ts';
import type { HandbookTables } from './0006_handbook.ts';
import type { ImportsTables } from './0007_imports.ts';
import type { ImportChecksTables } from './0008_import_checks.ts';
import type { PlanAccountsTables } from './0011_plan_accounts.ts';
import type { NetworkTables } from './0013_network.ts';
import type { NetworkEventsTables } from './0014_network_events.ts';
import type { NetworkEventDetailsTables } from './0015_network_event_details.ts';
import type { NetworkIdeasTables } from './0016_network_ideas.ts';
import type { NetworkEvidenceTables } from './0017_network_evidence.ts';
import type { NetworkCoursesTables } from './0018_network_courses.ts';
import type { ExperienceStoriesTables } from './0022_experience_stories.ts';
import type { ExperienceSurveysTables } from './0023_experience_surveys.ts';
import type { ExperienceStoryReviewsTables } from './0024_experience_story_reviews.ts';
import type { HsdsTablesTables } from './0026_hsds_tables.ts';
import type { ServiceDeparturesTables } from './0027_service_departures.ts';
import type { ServiceTranslationsTables } from './0031_service_translations.ts';
import type { SearchCountsTables } from './0032_search_counts.ts';

export interface Database
  extends ReferenceTables,
    DirectoryTables,
    CoverageTables,
    AccountsTables,
    HandbookTables,
    ImportsTables,
    ImportChecksTables,
    PlanAccountsTables,
    NetworkTables,
    NetworkEventsTables,
    NetworkEventDetailsTables,
    NetworkIdeasTables,
    NetworkEvidenceTables,
    NetworkCoursesTables,
    ExperienceStoriesTables,
    ExperienceSurveysTables,
    ExperienceStoryReviewsTables,
    HsdsTablesTables,
    ServiceDeparturesTables,
    ServiceTranslationsTables,
    SearchCountsTables {}

export type * from './0001_reference.ts';
export type * from './0002_directory.ts';
export type * from './0003_coverage.ts';
export type * from './0005_accounts.ts';
export type * from './0006_handbook.ts';
export type * from './0007_imports.ts';
export type * from './0008_import_checks.ts';
export type * from './0011_plan_accounts.ts';
export type * from './0013_network.ts';
export type * from './0014_network_events.ts';
export type * from './0015_network_event_details.ts';
export type * from './0016_network_ideas.ts';
export type * from './0017_network_evidence.ts';
export type * from './0018_network_courses.ts';
export type * from './0022_experience_stories.ts';
export type * from './0023_experience_surveys.ts';
export type * from './0024_experience_story_reviews.ts';
export type * from './0026_hsds_tables.ts';
export type * from './0027_service_departures.ts';
export type * from './0031_service_translations.ts';
export type * from './0032_search_counts.ts';
export type * from './columns.ts';
export type { JsonShapes } from './json.ts';
