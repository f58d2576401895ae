// The anonymous survey of each published offer: the form (short link), thanks, the results page,
// the editors' QR code and poster, and the open CSV of aggregates. Thin: parse, check, call, render.
//
// Privacy by construction: the handler reads the address only for the in-memory throttle and
// passes nothing of the request (address, user agent, cookies, time finer than the month) to the
// store. CSRF: the site's one mechanism (accounts' plugin) covers this form too; for a visitor who
// is not signed in it sets the session-only samklang_skjema cookie (a random value, never stored
// on the server or with the answer) when the form is shown. Answers are not written to the audit
// log: an audit entry would be a second, timestamped copy of an anonymous answer.
import { Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../../platform/config.ts';
import type { Db } from '../../platform/db/index.ts';
import type { App } from '../../platform/http/app.ts';
import { sentString } from '../../platform/http/sent.ts';
import { msg, nb } from '../../platform/i18n/index.ts';
import { isUuid, UUID_PATTERN } from '../../platform/ids.ts';
import { paths } from '../../platform/paths.ts';
import { sendPage } from '../../platform/views/render.ts';
import { MessagePage } from '../../platform/views/message-page.tsx';
import { sendCsvFile } from '../../platform/csv.ts';
import { FormBody, formErrors, typed, type Errors } from '../../platform/forms/index.ts';
import { askToSignIn, forbid, mayEdit } from '../../accounts/index.ts';
import { TERM_BY_KEY, findPublicService, termLabel } from '../../directory/index.ts';
import { networkRoles } from '../../network/index.ts';
import {
  CURRENT_VERSION, DONT_KNOW, FREE_TEXT_FIELD, FREE_TEXT_MAX, HONEYPOT_FIELD, PERIOD_MONTHS, fieldOf, isVersion, questionsOf, type QuestionVersion,
} from './questions.ts';
import { firstMonthOf, yearMonth } from './months.ts';
import { heldAnswers, moderateHeld, recordAnswer, surveyAggregates, surveyFreeTexts, surveySummary, type Period } from './store.ts';
import { AnswerThrottle } from './throttle.ts';
import { maskIdentifiers } from './mask.ts';
import { posterPdf, qrSvg } from './poster.ts';
import { SurveyPage } from './views/survey-page.tsx';
import { ResultsPage } from './views/results-page.tsx';
import { PosterPage } from './views/poster-page.tsx';
import { OverviewPage } from './views/overview-page.tsx';

const m = msg.experienceSurveys;
const p = paths.experienceSurveys;
const Score = Type.Union([...['1', '2', '3', '4', '5', DONT_KNOW].map((v) => Type.Literal(v)), Type.Literal('')]);
const QUESTION_FIELDS = questionsOf(CURRENT_VERSION).map((q) => fieldOf(q.key));
const FIELDS = [...QUESTION_FIELDS, FREE_TEXT_FIELD, HONEYPOT_FIELD, 'versjon'] as const;
const AnswerBody = FormBody({
  versjon: Type.String({ pattern: '^v[0-9]+$' }),
  ...Object.fromEntries(QUESTION_FIELDS.map((f) => [f, Type.Optional(Score)])),
  [FREE_TEXT_FIELD]: Type.Optional(Type.String({ maxLength: FREE_TEXT_MAX })),
  [HONEYPOT_FIELD]: Type.Optional(Type.String({ maxLength: 500 })),
});
const ServiceParams = Type.Object({ serviceId: Type.String({ pattern: UUID_PATTERN }) });
const MESSAGES: Record<string, string> = { ...Object.fromEntries(QUESTION_FIELDS.map((f) => [f, m.errors.score])), [FREE_TEXT_FIELD]: m.errors.freeText };

/** The results' period: the last PERIOD_MONTHS months up to and including this one, current questions. */
export function currentPeriod(now: Date): Period {
  const to = yearMonth(now);
  return { version: CURRENT_VERSION, from: firstMonthOf(to, PERIOD_MONTHS), to };
}

export async function surveyRoutes(app: App, { db, config }: { db: Db; config: Config }) {
  const throttle = new AnswerThrottle();
  const published = async (request: FastifyRequest) => {
    const id = sentString(request.params, 'serviceId') ?? '';
    return isUuid(id) ? findPublicService(db, id) : undefined;
  };
  const surveyPage = (request: FastifyRequest, reply: FastifyReply, service: { id: string; name: string; isDemo: boolean }, values: Record<string, string>, errors: Errors, status: number) =>
    sendPage(reply, SurveyPage({ service, version: CURRENT_VERSION, values, errors, csrfToken: request.csrfToken }), status);

  app.get(p.answer(), async (request, reply) => {
    const service = await published(request);
    if (!service) return reply.callNotFound();
    return surveyPage(request, reply, service, {}, {}, 200);
  });

  app.post(p.answer(), { schema: { body: AnswerBody }, attachValidation: true }, async (request, reply) => {
    const service = await published(request);
    if (!service) return reply.callNotFound();
    const values = typed(request.body, FIELDS);
    // a bot filled the hidden field: thanked, nothing stored
    if ((values[HONEYPOT_FIELD] ?? '') !== '') return reply.redirect(p.thanks(service.id), 303);
    const errors = formErrors(request, MESSAGES, m.errors.form);
    const version = values.versjon ?? '';
    if (!request.validationError && !isVersion(version)) errors.form = m.errors.form;
    const scores: Record<string, number | null> = {};
    for (const q of questionsOf(CURRENT_VERSION)) {
      const value = values[fieldOf(q.key)] ?? '';
      if (value === DONT_KNOW) scores[q.key] = null;
      else if (/^[1-5]$/.test(value)) scores[q.key] = Number(value);
    }
    const freeText = (values[FREE_TEXT_FIELD] ?? '').trim();
    if (Object.keys(errors).length === 0 && Object.keys(scores).length === 0 && freeText === '') errors[fieldOf(questionsOf(CURRENT_VERSION)[0]!.key)] = m.errors.empty;
    if (Object.keys(errors).length > 0) return surveyPage(request, reply, service, values, errors, 400);
    const now = config.clock.now();
    if (!throttle.allow(request.ip, now)) return surveyPage(request, reply, service, values, { form: m.errors.tooMany }, 429);
    await recordAnswer(db, { serviceId: service.id, version: version as QuestionVersion, scores, freeText: freeText || null }, now);
    return reply.redirect(p.thanks(service.id), 303);
  });

  app.get(p.thanks(), async (request, reply) => {
    const service = await published(request);
    if (!service) return reply.callNotFound();
    return sendPage(reply, MessagePage({ title: m.thanksTitle, message: m.thanksBody, links: [{ href: paths.service(service.id), text: m.backToService }] }));
  });

  /**
   * Who decides on an offer's answers kept aside: site admins, and the network's secretariat
   * (coordinators) unless they edit the offer themselves (no one releases their own offer's answers).
   */
  const moderates = async (request: FastifyRequest, organizationId: string) => !!request.user
    && (request.user.isAdmin || ((await networkRoles(db, request)).secretariat && !mayEdit(request, organizationId)));

  const resultsPage = async (request: FastifyRequest, reply: FastifyReply, service: { id: string; name: string; isDemo: boolean; organization: { id: string } }, error?: string) => {
    const period = currentPeriod(config.clock.now());
    const summary = await surveySummary(db, service.id, period);
    const mayModerate = await moderates(request, service.organization.id);
    const held = mayModerate || mayEdit(request, service.organization.id) ? await heldAnswers(db, service.id) : 0;
    const editor = mayEdit(request, service.organization.id) ? {
      freeTexts: (await surveyFreeTexts(db, service.id, period))?.map((t) => maskIdentifiers(t, m.results.masked)) ?? null,
      held,
    } : null;
    const moderator = mayModerate ? { csrfToken: request.csrfToken, error, held } : null;
    return sendPage(reply, ResultsPage({ service, version: CURRENT_VERSION, period, summary, editor, moderator }), error ? 400 : 200);
  };

  app.get(p.results(), { schema: { params: ServiceParams }, attachValidation: true }, async (request, reply) => {
    const service = request.validationError ? undefined : await published(request);
    if (!service) return reply.callNotFound();
    return resultsPage(request, reply, service);
  });

  // the secretariat decides on answers kept aside (over the daily cap): counted after all, or discarded
  app.post(p.held(), { schema: { body: FormBody({ handling: Type.Union([Type.Literal('telle'), Type.Literal('forkaste')]) }) }, attachValidation: true }, async (request, reply) => {
    const service = await published(request);
    if (!service) return reply.callNotFound();
    if (!request.user) return askToSignIn(request, reply);
    if (!(await moderates(request, service.organization.id))) return forbid(request, reply);
    if (request.validationError) return resultsPage(request, reply, service, m.results.moderation.error);
    await moderateHeld(db, service.id, request.body.handling === 'telle' ? 'count' : 'discard', request.user.id);
    return reply.redirect(p.results(service.id), 303);
  });

  /** The offer's editors only (and admins). */
  const editorsService = async (request: FastifyRequest, reply: FastifyReply) => {
    const service = await published(request);
    if (!service) return { reply: reply.callNotFound() };
    if (!request.user) return { reply: askToSignIn(request, reply) };
    if (!mayEdit(request, service.organization.id)) return { reply: forbid(request, reply) };
    return { service, url: `${config.publicUrl}${p.answer(service.id)}` };
  };

  app.get(p.poster(), async (request, reply) => {
    const found = await editorsService(request, reply);
    if (!found.service) return found.reply;
    return sendPage(reply, PosterPage({ service: found.service, url: found.url, svg: await qrSvg(found.url) }));
  });

  app.get(p.posterPdf(), async (request, reply) => {
    const found = await editorsService(request, reply);
    if (!found.service) return found.reply;
    const pdf = await posterPdf(found.service, found.url);
    return reply.type('application/pdf').header('content-disposition', 'attachment; filename="plakat-sporsmal.pdf"').send(pdf);
  });

  app.get(p.overview, async (_request, reply) => {
    const period = currentPeriod(config.clock.now());
    const rows = await surveyAggregates(db, period);
    const regions = new Map((await db.selectFrom('health_region').select(['code', 'name']).execute()).map((r) => [r.code, r.name]));
    const questions = new Map(questionsOf(CURRENT_VERSION).map((q) => [q.key, q.text]));
    const unknown = m.overview.unknown;
    return sendPage(reply, OverviewPage({ period, rows: rows.map((r) => ({
      region: (r.region && regions.get(r.region)) ?? unknown, level: (r.level && TERM_BY_KEY.has(`niva:${r.level}`) ? termLabel(`niva:${r.level}`) : null) ?? unknown,
      question: questions.get(r.question) ?? r.question, answers: r.answers, average: r.average,
    })) }));
  });

  app.get(p.csv, {
    schema: {
      tags: ['experiences'], summary: 'Anonymous survey results per health region and service level (cells of at least 5 answers) as CSV',
      response: { 200: { description: 'CSV file (UTF-8 with BOM)', content: { 'text/csv': { schema: Type.String() } } } },
    },
  }, async (_request, reply) => {
    const period = currentPeriod(config.clock.now());
    const rows = await surveyAggregates(db, period);
    return sendCsvFile(reply, 'erfaringer-sporsmal.csv', [[...nb.experienceSurveys.csv.columns], ...rows.map((r) => [
      r.region ?? nb.experienceSurveys.csv.unknownRegion, r.level ?? nb.experienceSurveys.csv.unknownLevel, period.version, r.question, period.from, period.to, r.answers,
      r.average === null ? null : Math.round(r.average * 100) / 100,
    ])], { delimiter: ',' });
  });
}
