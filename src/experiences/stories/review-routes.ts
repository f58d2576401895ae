// The teller's review of a draft (issue #14), without an account. The teller types the code from
// their receipt (the same code that withdraws the story: one secret on one printed receipt, which
// the teller already keeps; it proves being the teller for the stronger act, withdrawal, so it is
// enough for reading and approving). The code is posted, never put in a URL; the draft page is
// no-store and carries the code in a hidden field to the answer. Wrong codes are counted per address
// in memory only (codeThrottle), so guessing stays slow without any address being stored.
import { Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../../platform/config.ts';
import type { Db, StoryReviewDecision } from '../../platform/db/index.ts';
import type { App } from '../../platform/http/app.ts';
import { sentString } from '../../platform/http/sent.ts';
import { msg } from '../../platform/i18n/index.ts';
import { FormBody, formErrors, typed, type Errors } from '../../platform/forms/index.ts';
import { sendPage } from '../../platform/views/render.ts';
import { MessagePage } from '../../platform/views/message-page.tsx';
import type { MemoryThrottle } from '../surveys/throttle.ts';
import { findStoryByCode, recordReview, storyReviews, type StoryRow } from './queries.ts';
import { storyPaths as p } from './paths.ts';
import { ReviewCodePage, ReviewPage } from './views/review-pages.tsx';

const r = msg.experienceStories.review;
const Code = Type.String({ minLength: 1, maxLength: 40, pattern: '\\S' });
const COMMENT_MAX = 2000;
const noStore = (reply: FastifyReply) => reply.header('cache-control', 'no-store');

export async function reviewRoutes(app: App, { db, config, codeThrottle }: { db: Db; config: Config; codeThrottle: MemoryThrottle }) {
  const now = () => config.clock.now();
  const codePage = (request: FastifyRequest, reply: FastifyReply, code: string, errors: Errors, status = 400) =>
    sendPage(noStore(reply), ReviewCodePage({ code, errors, csrfToken: request.csrfToken }), status);
  const draftPage = async (request: FastifyRequest, reply: FastifyReply, story: StoryRow, code: string, extra: { comment?: string; errors?: Errors; notice?: string } = {}, status = 200) =>
    sendPage(noStore(reply), ReviewPage({
      story, code, reviews: await storyReviews(db, story.id), comment: extra.comment ?? '', errors: extra.errors ?? {}, notice: extra.notice, csrfToken: request.csrfToken,
    }), status);

  /** The story of the posted code, or the answer already sent (the code form with its error). */
  const storyOfCode = async (request: FastifyRequest, reply: FastifyReply, code: string): Promise<StoryRow | FastifyReply> => {
    if (codeThrottle.blocked(request.ip, now())) return codePage(request, reply, code, { kode: r.errors.tooMany }, 429);
    const story = code.trim() ? await findStoryByCode(db, code) : undefined;
    if (story) return story;
    codeThrottle.count(request.ip, now());
    return codePage(request, reply, code, { kode: r.errors.code });
  };

  app.get(p.review, async (request, reply) => codePage(request, reply, '', {}, 200));

  app.post(p.review, { schema: { body: FormBody({ kode: Code }) }, attachValidation: true }, async (request, reply) => {
    const { kode } = typed(request.body, ['kode']);
    const errors = formErrors(request, { kode: r.errors.code }, r.errors.form);
    if (Object.keys(errors).length > 0) return codePage(request, reply, kode, errors);
    const story = await storyOfCode(request, reply, kode);
    return 'id' in story ? draftPage(request, reply, story, kode) : story;
  });

  app.post(p.reviewAnswer, {
    schema: { body: FormBody({ kode: Code, svar: Type.Union([Type.Literal('godkjent'), Type.Literal('endringer')]), kommentar: Type.Optional(Type.String({ maxLength: COMMENT_MAX })) }) },
    attachValidation: true,
  }, async (request, reply) => {
    const values = typed(request.body, ['kode', 'svar', 'kommentar']);
    const code = values.kode;
    if (!code.trim() || code.length > 40) return codePage(request, reply, '', { kode: r.errors.code });
    const found = await storyOfCode(request, reply, code);
    if (!('id' in found)) return found;
    const story = found;
    const comment = values.kommentar.replace(/\r\n/g, '\n').trim();
    const errors: Errors = {};
    const decision = sentString(request.body, 'svar');
    if (decision !== 'godkjent' && decision !== 'endringer') errors.svar = r.errors.decision;
    if (values.kommentar.length > COMMENT_MAX) errors.kommentar = r.errors.commentTooLong;
    else if (decision === 'endringer' && !comment) errors.kommentar = r.errors.comment;
    if (Object.keys(errors).length > 0) return draftPage(request, reply, story, code, { comment: values.kommentar, errors }, 400);
    const recorded = await db.transaction().execute((trx) => recordReview(trx, story.id, decision as StoryReviewDecision, comment || null, now()));
    if (!recorded) return draftPage(request, reply, story, code, { comment: values.kommentar, notice: r.errors.changed }, 409);
    return reply.redirect(`${p.reviewDone}?svar=${decision}`, 303);
  });

  app.get(p.reviewDone, async (request, reply) => sendPage(reply, MessagePage({
    title: r.doneTitle, message: sentString(request.query, 'svar') === 'endringer' ? r.doneChanges : r.doneApproved,
    links: [{ href: p.index, text: msg.experienceStories.back }],
  })));
}
