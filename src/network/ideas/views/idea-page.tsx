import { Alert, Button, Heading, Link, Paragraph } from '@digdir/designsystemet-react';
import { formatDate, formatDateTime, msg } from '../../../platform/i18n/index.ts';
import { paths } from '../../../platform/paths.ts';
import { Layout } from '../../../platform/views/layout.tsx';
import { CsrfField, ErrorSummary, TextArea, TextInput, type Errors } from '../../../platform/forms/index.ts';
import type { CommentRow, IdeaRow } from '../queries.ts';
import { DemoTag, StatusTag } from './components.tsx';

const m = msg.networkIdeas;
const p = paths.network.ideas;

export interface IdeaPageProps {
  idea: IdeaRow;
  comments: CommentRow[];
  viewer: { id: string; secretariat: boolean; supports: boolean; csrfToken: string } | null;
  /** a form that failed: which one, what was typed, what to fix */
  failed?: { form: 'comment' | 'hide' | `hide-${string}`; value: string; errors: Errors } | undefined;
}

export function IdeaPage({ idea, comments, viewer, failed }: IdeaPageProps) {
  const i = m.idea;
  const hidden = idea.hidden_reason !== null;
  const title = failed ? m.errorTitle(idea.title) : idea.title;
  const visibleComments = comments.filter((c) => c.hidden_reason === null || viewer?.secretariat || c.author_id === viewer?.id);
  return (
    <Layout title={title} showsDemoData={idea.is_demo}>
      <div className="stack detail">
        <Paragraph data-size="sm"><Link href={p.index}>{i.back}</Link></Paragraph>
        <Heading level={1} data-size="lg">{idea.title}</Heading>
        {failed && <ErrorSummary errors={failed.errors} heading={m.errorsHeading} />}
        {hidden && (
          <Alert data-color="warning">
            <Heading level={2} data-size="xs">{i.hiddenHeading}</Heading>
            <Paragraph>{i.hiddenReason(idea.hidden_reason!)}</Paragraph>
            <Paragraph data-size="sm">{i.hiddenForAuthor}</Paragraph>
          </Alert>
        )}
        <DemoTag show={idea.is_demo} />
        {idea.description && <Paragraph className="pre-wrap">{idea.description}</Paragraph>}
        <dl className="network-facts">
          <dt>{i.theme}</dt><dd>{m.themes[idea.theme]}</dd>
          {idea.event_id && idea.event_title && <><dt>{i.event}</dt><dd><Link href={paths.network.events.event(idea.event_id)}>{idea.event_title}</Link></dd></>}
          <dt>{i.source}</dt><dd>{idea.source === 'seminar' ? i.sourceSeminar : i.sourcePerson}</dd>
          <dt>{m.status}</dt>
          <dd>
            {idea.action_id && idea.action_title && idea.action_status
              ? <>{m.becameAction} <Link href={p.action(idea.action_id)}>{idea.action_title}</Link> <StatusTag status={idea.action_status} /></>
              : m.awaiting}
          </dd>
        </dl>
        <Paragraph data-size="sm">{m.supports(idea.supports)} · {m.comments(idea.comments)} · {m.submitted(formatDate(idea.created_at))}</Paragraph>
        {viewer && !hidden && (
          <form method="post" action={p.support(idea.id)} className="inline-form">
            <CsrfField token={viewer.csrfToken} />
            {viewer.supports && <Paragraph data-size="sm">{i.youSupport}</Paragraph>}
            <Button type="submit" variant={viewer.supports ? 'secondary' : 'primary'}>{viewer.supports ? i.unsupport : i.support}</Button>
          </form>
        )}
        {viewer?.secretariat && !hidden && !idea.action_id && (
          <Paragraph><Link href={`${p.createAction}?ide=${idea.id}`}>{i.makeAction}</Link></Paragraph>
        )}

        <section aria-labelledby="comments-heading" className="stack">
          <Heading level={2} data-size="md" id="comments-heading">{i.commentsHeading}</Heading>
          {visibleComments.length === 0 ? <Paragraph>{i.noComments}</Paragraph> : (
            <ul className="comment-list">
              {visibleComments.map((c) => (
                <li key={c.id} id={`kommentar-${c.id}`}>
                  {c.hidden_reason !== null && <Alert data-color="warning" data-size="sm">{i.commentHidden(c.hidden_reason)}</Alert>}
                  <Paragraph className="pre-wrap">{c.body}</Paragraph>
                  <Paragraph data-size="sm">{i.commentBy(formatDateTime(c.created_at))}</Paragraph>
                  {viewer?.secretariat && c.hidden_reason === null && (
                    <HideForm action={p.hideComment(c.id)} id={`skjul-${c.id}`} csrfToken={viewer.csrfToken} submit={i.hideComment}
                      failed={failed?.form === `hide-${c.id}` ? failed : undefined} />
                  )}
                </li>
              ))}
            </ul>
          )}
          {viewer && !hidden && (
            <form method="post" action={p.comment(idea.id)} noValidate className="stack narrow-form">
              <CsrfField token={viewer.csrfToken} />
              <TextArea id="kommentar" label={i.commentLabel} rows={4} maxLength={2000}
                value={failed?.form === 'comment' ? failed.value : ''} error={failed?.form === 'comment' ? failed.errors.kommentar : undefined} />
              <div className="actions"><Button type="submit">{i.commentSubmit}</Button></div>
            </form>
          )}
        </section>

        {viewer?.secretariat && (
          <section aria-labelledby="moderation-heading" className="stack">
            <Heading level={2} data-size="md" id="moderation-heading">{i.moderationHeading}</Heading>
            {hidden ? (
              <form method="post" action={p.show(idea.id)}>
                <CsrfField token={viewer.csrfToken} />
                <Button type="submit" variant="secondary">{i.show}</Button>
              </form>
            ) : (
              <HideForm action={p.hide(idea.id)} id="begrunnelse" csrfToken={viewer.csrfToken} submit={i.hide} failed={failed?.form === 'hide' ? failed : undefined} />
            )}
          </section>
        )}
      </div>
    </Layout>
  );
}

function HideForm({ action, id, csrfToken, submit, failed }: { action: string; id: string; csrfToken: string; submit: string; failed: { value: string; errors: Errors } | undefined }) {
  return (
    <form method="post" action={action} noValidate className="stack narrow-form">
      <CsrfField token={csrfToken} />
      <TextInput id={id} name="begrunnelse" label={m.idea.hideReason} hint={m.idea.hideReasonHint} maxLength={1000}
        value={failed?.value ?? ''} error={failed ? Object.values(failed.errors)[0] : undefined} />
      <div className="actions"><Button type="submit" variant="secondary" data-color="danger">{submit}</Button></div>
    </form>
  );
}
