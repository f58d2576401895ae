import type { Migration } from 'kysely';
import * as m0001 from './0001_reference.ts';
import * as m0002 from './0002_directory.ts';
import * as m0003 from './0003_coverage.ts';
import * as m0005 from './0005_accounts.ts';
import * as m0006 from './0006_handbook.ts';
import * as m0007 from './0007_imports.ts';
import * as m0008 from './0008_import_checks.ts';
import * as m0010 from './0010_account_settings.ts';
import * as m0011 from './0011_plan_accounts.ts';
import * as m0012 from './0012_publication_rules.ts';
import * as m0013 from './0013_network.ts';
import * as m0014 from './0014_network_events.ts';
import * as m0015 from './0015_network_event_details.ts';
import * as m0016 from './0016_network_ideas.ts';
import * as m0017 from './0017_network_evidence.ts';
import * as m0018 from './0018_network_courses.ts';
import * as m0019 from './0019_network_members_seed.ts';
import * as m0020 from './0020_place_points.ts';
import * as m0021 from './0021_search_words.ts';
import * as m0022 from './0022_experience_stories.ts';
import * as m0023 from './0023_experience_surveys.ts';
import * as m0024 from './0024_experience_story_reviews.ts';
import * as m0026 from './0026_hsds_tables.ts';
import * as m0027 from './0027_service_departures.ts';
import * as m0029 from './0029_directory_changed_at.ts';
import * as m0030 from './0030_user_language.ts';
import * as m0031 from './0031_service_translations.ts';
import * as m0032 from './0032_search_counts.ts';
import * as m0034 from './0034_tsvector_aggregate.ts';
import * as m0035 from './0035_search_terms_key.ts';
import * as m0036 from './0036_drop_attribute_link.ts';
import * as m0037 from './0037_search_texts_key.ts';

/** Every migration in order. Forward only: a released migration is never edited. */
export const migrations: Record<string, Migration> = {
  '0001_reference': m0001,
  '0002_directory': m0002,
  '0003_coverage': m0003,
  '0005_accounts': m0005,
  '0006_handbook': m0006,
  '0007_imports': m0007,
  '0008_import_checks': m0008,
  '0010_account_settings': m0010,
  '0011_plan_accounts': m0011,
  '0012_publication_rules': m0012,
  '0013_network': m0013,
  '0014_network_events': m0014,
  '0015_network_event_details': m0015,
  '0016_network_ideas': m0016,
  '0017_network_evidence': m0017,
  '0018_network_courses': m0018,
  '0019_network_members_seed': m0019,
  '0020_place_points': m0020,
  '0021_search_words': m0021,
  '0022_experience_stories': m0022,
  '0023_experience_surveys': m0023,
  '0024_experience_story_reviews': m0024,
  '0026_hsds_tables': m0026,
  '0027_service_departures': m0027,
  '0029_directory_changed_at': m0029,
  '0030_user_language': m0030,
  '0031_service_translations': m0031,
  '0032_search_counts': m0032,
  '0034_tsvector_aggregate': m0034,
  '0035_search_terms_key': m0035,
  '0036_drop_attribute_link': m0036,
  '0037_search_texts_key': m0037,
};
