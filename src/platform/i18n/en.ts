import type { Catalogue } from './catalogue.ts';
import { about, errors, site } from './en/common.ts';
import { finder, home, place, service } from './en/directory.ts';
import { coverage } from './en/coverage.ts';
import { coveragePlanning } from './en/coverage-planning.ts';
import { accounts } from './en/accounts.ts';
import { selfService } from './en/self-service.ts';
import { moderation } from './en/moderation.ts';
import { imports } from './en/imports.ts';
import { hsdsImport } from './en/hsds-import.ts';
import { openData } from './en/open-data.ts';
import { handbook } from './en/handbook.ts';
import { experienceStories } from './en/experiences-stories.ts';
import { networkMembers } from './en/network-members.ts';
import { networkEvidence } from './en/network-evidence.ts';
import { networkEvents } from './en/network-events.ts';
import { networkIdeas } from './en/network-ideas.ts';
import { networkCourses } from './en/network-courses.ts';
import { experienceSurveys } from './en/experiences-surveys.ts';
import { taxonomy } from './en/taxonomy.ts';

/** English UI text, in the shape of the bokmål catalogue (a missing or extra key fails the typecheck). One file per area under ./en/. */
export const en = {
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
} as const satisfies Catalogue;
