// Row types of the tables of migrations/0016_network_ideas.ts: ideas, their supports and comments,
// and the actions the secretariat makes of them.
import type { NullableTimestamp, Timestamp, WithDefault } from './columns.ts';

export type IdeaTheme = 'tilgang' | 'kompetanse' | 'okonomi' | 'brukermedvirkning' | 'forskning' | 'etablering';
/** 'person': submitted by its author; 'seminar': captured on paper at an event, no person named */
export type IdeaSource = 'person' | 'seminar';
export type ActionStatus = 'planlagt' | 'i_gang' | 'ferdig' | 'lagt_bort';

export type NetworkIdeaTable = {
  id: string;
  event_id: string | null;
  title: string;
  description: WithDefault<string>;
  theme: IdeaTheme;
  source: IdeaSource;
  author_id: string | null;
  entered_by: string | null;
  action_id: string | null;
  hidden_reason: string | null;
  hidden_by: string | null;
  hidden_at: NullableTimestamp;
  is_demo: WithDefault<boolean>;
  created_at: Timestamp;
  updated_at: Timestamp;
};

export type NetworkIdeaSupportTable = {
  idea_id: string;
  user_id: string;
  created_at: Timestamp;
};

export type NetworkIdeaCommentTable = {
  id: string;
  idea_id: string;
  author_id: string;
  body: string;
  hidden_reason: string | null;
  hidden_by: string | null;
  hidden_at: NullableTimestamp;
  created_at: Timestamp;
};

export type NetworkActionTable = {
  id: string;
  title: string;
  description: WithDefault<string>;
  /** the responsible network organisation */
  organization_id: string | null;
  /** a contact point in free text: a function or an address, not necessarily a person */
  contact: WithDefault<string>;
  /** 'YYYY-MM-DD' */
  start_date: string | null;
  due_date: string | null;
  status: WithDefault<ActionStatus>;
  /** required when the status is 'lagt_bort' */
  status_reason: string | null;
  progress: WithDefault<number>;
  is_demo: WithDefault<boolean>;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
};

export type NetworkActionUpdateTable = {
  id: string;
  action_id: string;
  /** 'YYYY-MM-DD' */
  happened_on: string;
  body: string;
  /** the status the action changed to with this update, if it changed */
  status: ActionStatus | null;
  progress: number | null;
  created_by: string | null;
  created_at: Timestamp;
};

export type NetworkActionLinkTable = {
  action_id: string;
  position: number;
  /** an internal path of the site, e.g. /dekning?fylke=56 */
  path: string;
  label: string;
};

export interface NetworkIdeasTables {
  network_idea: NetworkIdeaTable;
  network_idea_support: NetworkIdeaSupportTable;
  network_idea_comment: NetworkIdeaCommentTable;
  network_action: NetworkActionTable;
  network_action_update: NetworkActionUpdateTable;
  network_action_link: NetworkActionLinkTable;
}
