// The teller's review, without an account: the code form, and the draft as it would be published
// with one form to approve it or ask for changes (two submit buttons, so it works without JavaScript).
import { Alert, Button, Heading, Link, Paragraph } from '@digdir/designsystemet-react';
import { msg, formatDate } from '../../../platform/i18n/index.ts';
import { CsrfField, ErrorSummary, FormPage, TextArea, TextInput, type Errors } from '../../../platform/forms/index.ts';
import { PageFrame } from '../../../platform/views/page-frame.tsx';
import type { StoryRow, StoryReview } from '../queries.ts';
import { storyPaths } from '../paths.ts';
import { StoryFacts } from './public-pages.tsx';

const m = msg.experienceStories;
const r = m.review;

/** The first step: the code from the receipt. */
export function ReviewCodePage({ code, errors, csrfToken }: { code: string; errors: Errors; csrfToken: string }) {
  return (
    <FormPage title={r.title} intro={r.intro} errors={errors} action={storyPaths.review} csrfToken={csrfToken} submit={r.open}
      after={<Paragraph data-size="sm">{m.noTellerData}</Paragraph>}>
      <TextInput id="kode" label={r.code} hint={r.codeHint} value={code} error={errors.kode} maxLength={40} autoComplete="off" />
    </FormPage>
  );
}

export function ReviewPage({ story, code, reviews, comment, errors, notice, csrfToken }: {
  story: StoryRow; code: string; reviews: StoryReview[]; comment: string; errors: Errors; notice?: string | undefined; csrfToken: string;
}) {
  const open = story.status === 'til_gjennomlesing';
  return (
    <PageFrame title={r.draftTitle} failed={Object.keys(errors).length > 0} className="stack detail story-review">
      <ErrorSummary errors={errors} />
      {notice && <Alert data-color="info">{notice}</Alert>}
      {story.is_demo && <Alert data-color="info">{m.demo}</Alert>}
      {open ? <Paragraph>{r.draftIntro}</Paragraph> : <Alert data-color="info">{r.notNow(m.statuses[story.status])}</Alert>}
      <section aria-labelledby="draft-heading" className="stack story-draft">
        <Heading level={2} data-size="md" id="draft-heading">{story.pseudonym}</Heading>
        <StoryFacts story={story} />
        {story.body.split(/\n{2,}/).filter(Boolean).map((para, i) => <Paragraph key={i}>{para}</Paragraph>)}
      </section>
      {story.excerpts.length > 0 && (
        <section aria-labelledby="draft-excerpts" className="stack">
          <Heading level={2} data-size="sm" id="draft-excerpts">{r.excerptsHeading}</Heading>
          <Paragraph data-size="sm">{r.excerptsIntro}</Paragraph>
          <ul className="excerpt-list">
            {story.excerpts.map((x, i) => <li key={i} className="story-excerpt"><strong>{m.themes[x.theme]}</strong>: «{x.body}»</li>)}
          </ul>
        </section>
      )}
      <section aria-labelledby="draft-consents" className="stack">
        <Heading level={2} data-size="sm" id="draft-consents">{r.consentsHeading}</Heading>
        {story.consents.length === 0 ? <Paragraph>{r.noConsents}</Paragraph>
          : <ul>{story.consents.map((c) => <li key={c.purpose}>{m.purposes[c.purpose]} ({formatDate(c.given_on)})</li>)}</ul>}
      </section>
      {open && (
        <form method="post" action={storyPaths.reviewAnswer} noValidate className="stack">
          <CsrfField token={csrfToken} />
          <input type="hidden" name="kode" value={code} />
          <TextArea id="kommentar" label={r.comment} hint={r.commentHint} value={comment} error={errors.kommentar} rows={5} maxLength={2000} />
          <div className="actions">
            <Button type="submit" name="svar" value="godkjent" id="svar">{r.approve}</Button>
            <Button type="submit" name="svar" value="endringer" variant="secondary">{r.askChanges}</Button>
          </div>
        </form>
      )}
      {reviews.length > 0 && (
        <section aria-labelledby="draft-earlier" className="stack">
          <Heading level={2} data-size="sm" id="draft-earlier">{r.earlier}</Heading>
          <ReviewList reviews={reviews} />
        </section>
      )}
      <Paragraph data-size="sm">{r.withdrawHint} <Link href={storyPaths.withdraw}>{m.withdraw.title}</Link></Paragraph>
    </PageFrame>
  );
}

/** The teller's responses, for the teller and the editors alike. */
export function ReviewList({ reviews }: { reviews: StoryReview[] }) {
  return (
    <ul className="story-reviews">
      {reviews.map((review, i) => (
        <li key={i} data-decision={review.decision}>
          <strong>{r.editorItem(r.decisions[review.decision], formatDate(review.created_at))}</strong>
          {review.comment && review.comment.split(/\n+/).map((line, j) => <Paragraph key={j} data-size="sm">{line}</Paragraph>)}
        </li>
      ))}
    </ul>
  );
}
