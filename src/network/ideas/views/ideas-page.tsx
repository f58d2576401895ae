import { Alert, Button, Heading, Link, Paragraph } from '@digdir/designsystemet-react';
import { msg } from '../../../platform/i18n/index.ts';
import { paths } from '../../../platform/paths.ts';
import { Layout } from '../../../platform/views/layout.tsx';
import { Select } from '../../../platform/forms/index.ts';
import type { IdeaRow } from '../queries.ts';
import type { ActionRow } from '../action-queries.ts';
import { THEMES } from '../model.ts';
import { ActionCard, IdeaCard } from './components.tsx';

const m = msg.networkIdeas;
const p = paths.network.ideas;

export interface IdeasPageProps {
  ideas: IdeaRow[];
  actions: ActionRow[];
  /** hidden ideas this person may see: their own, or all for the secretariat */
  hidden: IdeaRow[];
  filter: { tema: string; arrangement: string; organisasjon: string };
  events: { id: string; title: string }[];
  organizations: { id: string; name: string }[];
  badFilter: boolean;
  signedIn: boolean;
  secretariat: boolean;
}

/** "Hva skjer med ideene?": every visible idea and action, filtered by a plain GET form. */
export function IdeasPage(props: IdeasPageProps) {
  const { ideas, actions, filter } = props;
  const all = { value: '', label: m.filter.all };
  const demo = ideas.some((i) => i.is_demo) || actions.some((a) => a.is_demo);
  return (
    <Layout title={m.title} showsDemoData={demo}>
      <div className="stack ideas-page">
        <Heading level={1} data-size="lg">{m.title}</Heading>
        <Paragraph className="lead">{m.lead}</Paragraph>
        {demo && <Paragraph data-size="sm">{m.demoNote}</Paragraph>}
        <Paragraph className="actions">
          {props.signedIn
            ? <a href={p.create} className="ds-button" data-variant="primary">{m.submitLink}</a>
            : <Link href={p.create}>{m.signInToSubmit}</Link>}
          {props.secretariat && <a href={p.createAction} className="ds-button" data-variant="secondary">{m.newActionLink}</a>}
        </Paragraph>
        {props.badFilter && <Alert data-color="warning">{m.filter.bad}</Alert>}
        <form method="get" action={p.index} className="filter-form" aria-labelledby="filter-heading">
          <Heading level={2} data-size="xs" id="filter-heading">{m.filter.heading}</Heading>
          <div className="filter-grid">
            <Select id="tema" label={m.filter.theme} value={filter.tema} options={[all, ...THEMES.map((t) => ({ value: t, label: m.themes[t] }))]} />
            <Select id="arrangement" label={m.filter.event} value={filter.arrangement} options={[all, ...props.events.map((e) => ({ value: e.id, label: e.title }))]} />
            <Select id="organisasjon" label={m.filter.organization} value={filter.organisasjon} options={[all, ...props.organizations.map((o) => ({ value: o.id, label: o.name }))]} />
          </div>
          <div className="actions">
            <Button type="submit">{m.filter.submit}</Button>
            <Link href={p.index}>{m.filter.reset}</Link>
          </div>
        </form>
        <Paragraph role="status">{m.filter.summary(ideas.length, actions.length)}</Paragraph>
        <section aria-labelledby="actions-heading">
          <Heading level={2} data-size="md" id="actions-heading">{m.actionsHeading}</Heading>
          {actions.length === 0 ? <Paragraph>{m.noActions}</Paragraph> : <ul className="card-list">{actions.map((a) => <ActionCard key={a.id} action={a} />)}</ul>}
        </section>
        <section aria-labelledby="ideas-heading">
          <Heading level={2} data-size="md" id="ideas-heading">{m.ideasHeading}</Heading>
          {ideas.length === 0 ? <Paragraph>{m.noIdeas}</Paragraph> : <ul className="card-list">{ideas.map((i) => <IdeaCard key={i.id} idea={i} />)}</ul>}
        </section>
        {props.hidden.length > 0 && (
          <section aria-labelledby="hidden-heading">
            <Heading level={2} data-size="md" id="hidden-heading">{props.secretariat ? m.hiddenHeading : m.ownHiddenHeading}</Heading>
            <Paragraph data-size="sm">{m.hiddenIntro}</Paragraph>
            <ul className="card-list">
              {props.hidden.map((i) => (
                <li key={i.id}>
                  <Heading level={3} data-size="xs"><Link href={p.idea(i.id)}>{i.title}</Link></Heading>
                  <Paragraph data-size="sm">{m.idea.hiddenReason(i.hidden_reason ?? '')}</Paragraph>
                </li>
              ))}
            </ul>
          </section>
        )}
        <section aria-labelledby="open-data-heading">
          <Heading level={2} data-size="xs" id="open-data-heading">{m.openData}</Heading>
          <ul>
            <li><Link href={p.feed}>{m.feedLink}</Link></li>
            <li><Link href={p.api.ideas}>{m.jsonLinks.ideas}</Link></li>
            <li><Link href={p.api.actions}>{m.jsonLinks.actions}</Link></li>
            <li><Link href={p.api.ideasCsv}>{m.jsonLinks.ideasCsv}</Link></li>
            <li><Link href={p.api.actionsCsv}>{m.jsonLinks.actionsCsv}</Link></li>
          </ul>
        </section>
      </div>
    </Layout>
  );
}
