import { about, errors, site } from './nb/common.ts';
import { finder, home, place, service } from './nb/directory.ts';
import { coverage } from './nb/coverage.ts';
import { coveragePlanning } from './nb/coverage-planning.ts';
import { accounts } from './nb/accounts.ts';
import { selfService } from './nb/self-service.ts';
import { moderation } from './nb/moderation.ts';
import { imports } from './nb/imports.ts';
import { hsdsImport } from './nb/hsds-import.ts';
import { openData } from './nb/open-data.ts';
import { handbook } from './nb/handbook.ts';
import { experienceStories } from './nb/experiences-stories.ts';
import { networkMembers } from './nb/network-members.ts';
import { networkEvidence } from './nb/network-evidence.ts';
import { networkEvents } from './nb/network-events.ts';
import { networkIdeas } from './nb/network-ideas.ts';
import { networkCourses } from './nb/network-courses.ts';
import { experienceSurveys } from './nb/experiences-surveys.ts';
import { taxonomy } from './nb/taxonomy.ts';

/**
 * Norwegian bokmål UI text: the catalogue every other language copies in shape (see Catalogue in
 * ./catalogue.ts). One file per area under ./nb/; this file only assembles them. Domains read text
 * from here (downward); nothing here imports a domain. Functions take the values they interpolate.
 */
export const nb = {
  site,
  home,
  finder,
  place,
  errors,
  about,
  service,
  coverage,
  coveragePlanning,
  accounts,
  selfService,
  moderation,
  imports,
  hsdsImport,
  openData,
  handbook,
  networkMembers,
  networkEvidence,
  networkEvents,
  networkIdeas,
  networkCourses,
  experienceStories,
  experienceSurveys,
  taxonomy,
} as const;

export type Messages = typeof nb;

/** Kept here for the pages that still import them from the bokmål catalogue; they follow the reader's language. */
export { formatDate, formatDateTime } from './format.ts';
