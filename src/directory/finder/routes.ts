import { Type, type Static } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ReactElement } from 'react';
import { allowOwnFeature, type App } from '../../platform/http/app.ts';
import { sentString } from '../../platform/http/sent.ts';
import type { Db } from '../../platform/db/index.ts';
import { readerOf } from '../../platform/db/index.ts';
import { currentLanguage, msg } from '../../platform/i18n/index.ts';
import { currentOrigin } from '../../platform/i18n/language.ts';
import { renderToString } from 'react-dom/server';
import { freshnessCutoffs } from '../freshness.ts';
import { finderAnswer, finderState, keptAnswer, sendKeptFinderAnswer } from './page-cache.ts';
import { PROBLEM_TYPES, dropEmptyQueryValues, sendProblem, type InvalidParam } from '../../platform/http/problem.ts';
import { formErrors } from '../../platform/forms/index.ts';
import { isUuid, UUID_PATTERN } from '../../platform/ids.ts';
import { paths } from '../../platform/paths.ts';
import { sendPage } from '../../platform/views/render.ts';
import type { PageSection } from '../../platform/views/page-section.ts';
import { FinderPageQuerySchema, FinderQuerySchema, toSearchQuery, type FinderQuery } from './params.ts';
import { findPublicService, hitNameTranslations, hitTexts } from '../queries.ts';
import { placeFrom } from './place.ts';
import { searchServices } from './search.ts';
import { ServiceListSchema, ServiceSchema, serviceToJson, hitToJson } from './api-schema.ts';
import { FinderPage } from './views/finder-page.tsx';
import type { FieldErrors } from './views/finder-form.tsx';
import { finderUrl } from './views/finder-form.tsx';
import { HomePage } from './views/home-page.tsx';
import { ServicePage } from './views/service-page.tsx';
import { hasDemoData } from '../demo.ts';
import { rawQuery } from '../../platform/http/request.ts';

const HTML = 'text/html; charset=utf-8';
const JSON_TYPE = 'application/json; charset=utf-8';
/** What a kept finder answer depends on besides the data: the language, the site's origin, the address as asked and the freshness cut-offs. */
const answerKey = (request: FastifyRequest) => JSON.stringify([currentLanguage(), currentOrigin(), request.url, freshnessCutoffs()]);

/** A finder page to send, or where a search past its last page goes. */
type PageOutcome = { status: 200 | 400; page: ReactElement } | { redirect: string };
/** The finder's JSON, or what is wrong with the place asked for. */
type ApiOutcome = { body: Static<typeof ServiceListSchema> } | { problem: InvalidParam[] };
const sendApiOutcome = (reply: FastifyReply, outcome: ApiOutcome) => ('problem' in outcome
  ? sendProblem(reply, { type: PROBLEM_TYPES.validation, title: 'Invalid request parameters', status: 400, errors: outcome.problem })
  : reply.send(outcome.body));
const sendPageOutcome = (reply: FastifyReply, outcome: PageOutcome) => ('redirect' in outcome ? reply.redirect(outcome.redirect, 303) : sendPage(reply, outcome.page, outcome.status));

const fieldMessages = (): Record<string, string> => ({ alder: msg.errors.age, innen: msg.errors.radius, side: msg.errors.page, antall: msg.errors.page, q: msg.errors.text, sted: msg.errors.text });

/** `serviceExperiences`: the experiences' quotes on an offer's page, handed in by src/app.ts. */
export async function directoryRoutes(app: App, deps: { db: Db; serviceExperiences: PageSection<[terms: readonly string[]]> }) {
  const db = readerOf(deps.db); // public reads: the replica, or the primary after the reader's own write
  app.get(paths.home, async (_request, reply) => {
    // the search form offers "Bruk posisjonen min"
    allowOwnFeature(reply, 'geolocation');
    return sendPage(reply, HomePage({ hasDemoData: await hasDemoData(db) }));
  });

  /** The finder's page for a request (searchVersion: the finder's rows as read with the request's state). */
  async function finderPage(request: FastifyRequest, query: FinderQuery, searchVersion?: bigint): Promise<PageOutcome> {
    const params = rawQuery(request);
    const first = (name: string) => params[name]?.[0] ?? '';
    const values = { q: first('q'), sted: first('sted'), innen: first('innen'), alder: first('alder'), sortering: first('sortering') };
    const errors: FieldErrors = formErrors(request, fieldMessages(), msg.errors.filter, (param) => (param in values ? param : 'filter'));
    const outcome = request.validationError ? { place: null, problem: null } : await placeFrom(db, query);
    let placeChoices: { label: string; href: string }[] = [];
    if (outcome.problem) {
      const field = outcome.problem.field;
      errors[field === 'sted' || field === 'innen' || field === 'sortering' ? field : 'filter'] = outcome.problem.message;
      if (outcome.problem.result?.reason === 'ambiguous') {
        placeChoices = outcome.problem.result.candidates.map((c) => ({
          label: `${c.name} (${c.county_name})`,
          href: finderUrl({ ...params, sted: undefined, kommune: c.number }),
        }));
      }
    }
    const failed = Object.keys(errors).length > 0;
    const search = failed ? null : toSearchQuery(query, outcome);
    const result = search ? await searchServices(db, search, searchVersion) : null;
    // each hit's name and description in the reader's language where the offer has them
    const texts = result ? await hitTexts(db, result.hits.map((hit) => hit.id), currentLanguage()) : new Map();
    // a place named in the free text moves to the place field: the form and every link carry the search as understood
    const inText = outcome.inText ?? null;
    const understood = inText ? { ...params, q: inText.text ? [inText.text] : [], sted: [inText.name] } : params;
    if (inText) Object.assign(values, { q: inText.text, sted: inText.name });
    // past the last page (an old link, a hand-edited address): to the last page, the rest of the search kept
    if (search && result && result.hits.length === 0 && search.page > 1 && result.total > 0) {
      const last = Math.ceil(result.total / search.perPage);
      return { redirect: finderUrl({ ...understood, side: last > 1 ? String(last) : undefined }) };
    }
    // the place field shows where the search is from, so the next search (a filter ticked) keeps it
    if (outcome.place?.kind === 'municipality' && !values.sted) values.sted = outcome.place.municipalityName ?? '';
    if (outcome.place?.kind === 'coordinates' && !values.sted) values.sted = outcome.place.label;
    const place = outcome.place;
    const placeChip = place ? {
      name: place.kind === 'municipality' ? (place.municipalityName ?? place.label) : place.label,
      removeHref: finderUrl({ ...understood, sted: undefined, kommune: undefined, lat: undefined, lon: undefined, innen: undefined, sortering: undefined, side: undefined }),
      fromText: inText?.words ?? null,
    } : null;
    return { status: failed ? 400 : 200, page: FinderPage({
      values: { ...values, sortering: values.sortering || (outcome.place ? 'avstand' : 'relevans') },
      params: understood, errors, placeChoices, placeChip, searchText: search?.text ?? '',
      placeLabel: outcome.place?.label ?? null,
      placeOrigin: outcome.place?.origin ?? null,
      placeMunicipality: outcome.place?.municipalityName ?? null,
      result, texts, page: search?.page ?? 1, perPage: search?.perPage ?? 20,
    }) };
  }

  app.get(paths.finder, { schema: { querystring: FinderPageQuerySchema }, attachValidation: true, preValidation: dropEmptyQueryValues }, async (request, reply) => {
    allowOwnFeature(reply, 'geolocation');
    // the public's pages are kept while the data they show stays the same, and computed once for all who ask meanwhile (page-cache.ts)
    if (request.user !== null || request.validationError) return sendPageOutcome(reply, await finderPage(request, request.query));
    const state = await finderState(db);
    const answer = await finderAnswer('page', db, state, answerKey(request), async () => {
      const outcome = await finderPage(request, request.query, state.searchVersion);
      return 'page' in outcome && outcome.status === 200 ? keptAnswer(`<!doctype html>${renderToString(outcome.page)}`) : { other: outcome };
    });
    return 'kept' in answer ? sendKeptFinderAnswer(request, reply, HTML, answer.kept) : sendPageOutcome(reply, answer.other);
  });

  app.get(paths.servicePattern, async (request, reply) => {
    const id = sentString(request.params, 'id') ?? '';
    const service = isUuid(id) ? await findPublicService(db, id) : undefined;
    if (!service) return reply.callNotFound();
    return sendPage(reply, ServicePage({ service, experiences: await deps.serviceExperiences(db, service.terms) }));
  });

  /** The finder's JSON for a query, or the problem with its place. */
  async function finderJson(query: FinderQuery, searchVersion?: bigint): Promise<ApiOutcome> {
    const outcome = await placeFrom(db, query);
    if (outcome.problem) return { problem: [{ name: outcome.problem.field, reason: outcome.problem.message }] };
    const search = toSearchQuery(query, outcome);
    const result = await searchServices(db, search, searchVersion);
    const names = await hitNameTranslations(db, result.hits.map((hit) => hit.id));
    return { body: {
      total: result.total,
      page: search.page,
      per_page: search.perPage,
      total_pages: Math.ceil(result.total / search.perPage),
      place: outcome.place ? {
        kind: outcome.place.kind, label: outcome.place.label, lat: outcome.place.lat, lon: outcome.place.lon, municipality_number: outcome.place.municipalityNumber,
        from_text: outcome.inText?.words ?? null,
      } : null,
      text: search.text,
      fuzzy: result.fuzzyMatches.map((f) => ({ word: f.typed, matched: f.matched })),
      ignored_words: result.ignoredWords,
      items: result.hits.map((hit) => hitToJson(hit, names.get(hit.id) ?? [])),
      facets: result.facetCounts,
    } };
  }
  app.get(paths.api.services, {
    preValidation: dropEmptyQueryValues,
    schema: {
      tags: ['services'],
      summary: 'Search music-therapy offers',
      description: 'The finder as JSON: the same parameters as /tilbud. Problems come as RFC 9457 problem+json.',
      querystring: FinderQuerySchema,
      response: { 200: ServiceListSchema },
    },
  }, async (request, reply) => {
    // the public's answers are kept while the data they show stays the same, as the pages are
    if (request.user !== null) return sendApiOutcome(reply, await finderJson(request.query));
    const state = await finderState(db);
    const answer = await finderAnswer('api', db, state, answerKey(request), async () => {
      const outcome = await finderJson(request.query, state.searchVersion);
      // serialized by the route's response schema, as Fastify would send it
      return 'body' in outcome ? keptAnswer(String(reply.serialize(outcome.body))) : { other: outcome };
    });
    return 'kept' in answer ? sendKeptFinderAnswer(request, reply, JSON_TYPE, answer.kept) : sendApiOutcome(reply, answer.other);
  });

  app.get(paths.api.service, {
    schema: {
      tags: ['services'],
      summary: 'One music-therapy offer',
      params: Type.Object({ id: Type.String({ pattern: UUID_PATTERN }) }),
      response: { 200: ServiceSchema },
    },
  }, async (request, reply) => {
    const { id } = request.params;
    const service = await findPublicService(db, id);
    if (!service) return sendProblem(reply, { type: PROBLEM_TYPES.notFound, title: 'Not found', status: 404, detail: `No published service with id ${id}` });
    return serviceToJson(service);
  });
}
