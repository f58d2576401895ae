// Row types of the table of migrations/0024_experience_story_reviews.ts: the teller's responses to
// the draft of their story (approved, or changes asked for with a comment), without who sent them.
import type { Timestamp } from './columns.ts';

export type StoryReviewDecision = 'godkjent' | 'endringer';

export type ExperienceStoryReviewTable = {
  id: string;
  story_id: string;
  decision: StoryReviewDecision;
  comment: string | null;
  created_at: Timestamp;
};

export interface ExperienceStoryReviewsTables {
  experience_story_review: ExperienceStoryReviewTable;
}
