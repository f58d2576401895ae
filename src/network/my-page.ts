// "Min side i nettverket" (/nettverket/min-side) shows a signed-in person's memberships (members
// part) and then one section per other part that has something of theirs: event registrations,
// courses, certificates. A part adds its section by adding its source to MY_PAGE_SECTIONS below
// (one line); the members route asks each source in order and shows those that answer.
import type { ReactNode } from 'react';
import type { Tx } from '../platform/db/index.ts';
import type { SessionUser } from '../accounts/index.ts';
import { myEventsSection } from './events/my-section.tsx';
import { myCoursesSection } from './courses/my-section.tsx';

export interface MyPageSection {
  /** the heading's id: unique on the page, e.g. 'mine-pameldinger' */
  id: string;
  heading: string;
  content: ReactNode;
}

/** One part's section for this person, or null to show nothing. */
export type MyPageSectionSource = (db: Tx, user: SessionUser) => Promise<MyPageSection | null>;

export const MY_PAGE_SECTIONS: MyPageSectionSource[] = [
  myEventsSection,
  myCoursesSection,
];
