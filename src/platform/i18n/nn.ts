import type { Catalogue } from './catalogue.ts';
import { about, errors, site } from './nn/common.ts';
import { finder, home, place, service } from './nn/directory.ts';
import { coverage } from './nn/coverage.ts';
import { coveragePlanning } from './nn/coverage-planning.ts';
import { accounts } from './nn/accounts.ts';
import { selfService } from './nn/self-service.ts';
import { moderation } from './nn/moderation.ts';
import { imports } from './nn/imports.ts';
import { hsdsImport } from './nn/hsds-import.ts';
import { openData } from './nn/open-data.ts';
import { handbook } from './nn/handbook.ts';
import { experienceStories } from './nn/experiences-stories.ts';
import { networkMembers } from './nn/network-members.ts';
import { networkEvidence } from './nn/network-evidence.ts';
import { networkEvents } from './nn/network-events.ts';
import { networkIdeas } from './nn/network-ideas.ts';
import { networkCourses } from './nn/network-courses.ts';
import { experienceSurveys } from './nn/experiences-surveys.ts';
import { taxonomy } from './nn/taxonomy.ts';

/** Norwegian nynorsk UI text, in the shape of the bokmål catalogue (a missing or extra key fails the typecheck). One file per area under ./nn/. */
export const nn = {
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
