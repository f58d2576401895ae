import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import type { OpenedDatabase } from '../../src/platform/db/index.ts';
import { MAX_DEPTH } from '../../src/platform/http/input-guard.ts';
import { backends } from '../helpers/db.ts';
import { appSuite } from '../helpers/app.ts';
import { Visitor, anAccount, PASSWORD } from '../accounts/client.ts';
import { paths } from '../../src/platform/paths.ts';
import { aService, anOrganization, store } from '../directory/factories.ts';

/**
 * Bad input never makes a 500: every registered GET route is called with hostile values in each
 * query parameter it knows (from its schema) and in a few every page might read, and in each path
 * parameter; the JSON API's bodies get the same. Signed in as an admin, so guarded pages are reached.
 */

/** The routes of one method as registered: printRoutes' tree, flattened to paths (one name for a parameter). */
function getRoutes(app: FastifyInstance, method = 'GET'): string[] {
  const routes: string[] = [];
  const stack: string[] = [];
  for (const line of app.printRoutes({ commonPrefix: false }).split('\n')) {
    const match = line.match(/^([\s│├└─]*?)([├└]── )(.+?)(?: \(([A-Z, ]+)\))?$/);
    if (!match) continue;
    const depth = match[1]!.length / 4;
    stack.length = depth;
    const label = match[3]!.replace(/:(\w+)\|:\w+/g, ':$1');
    const path = (stack[depth - 1] ?? '') + label;
    stack[depth] = path;
    if (match[4]?.split(', ').includes(method)) routes.push(path);
  }
  return routes;
}

const LONG = 'å'.repeat(3000);
type Kind = 'number' | 'text' | 'choice';
/** Hostile values for one query parameter, as raw query string parts, and the kinds of parameter each is tried on. */
const QUERY_ATTACKS: [string, Kind[], (name: string) => string][] = [
  ['NUL', ['number', 'text', 'choice'], (n) => `${n}=a%00b`],
  ['only NUL', ['text'], (n) => `${n}=%00`],
  ['Infinity', ['number', 'text'], (n) => `${n}=Infinity`],
  ['-Infinity', ['number'], (n) => `${n}=-Infinity`],
  ['NaN', ['number'], (n) => `${n}=NaN`],
  ['-0', ['number'], (n) => `${n}=-0`],
  ['1e309', ['number', 'text'], (n) => `${n}=1e309`],
  ['huge integer', ['number'], (n) => `${n}=99999999999999999999999`],
  ['impossible date', ['text'], (n) => `${n}=2026-02-31`],
  ['impossible time', ['text'], (n) => `${n}=2026-13-45T99%3A99%3A99Z`],
  ['long string', ['number', 'text', 'choice'], (n) => `${n}=${encodeURIComponent(LONG)}`],
  ['lone surrogate', ['text'], (n) => `${n}=%ED%A0%80`],
  ['repeated', ['number', 'text', 'choice'], (n) => `${n}=1&${n}=2&${n}=x`],
  ['array of 100', ['number', 'text', 'choice'], (n) => Array.from({ length: 100 }, (_, i) => `${n}=${i}`).join('&')],
];
/** What kind of value a query schema property takes, so each gets the attacks that could reach it. */
function kindOf(schema: { type?: unknown; enum?: unknown; items?: unknown; anyOf?: unknown[] } | undefined): Kind {
  if (!schema) return 'text';
  if (schema.type === 'array') return kindOf(schema.items as typeof schema);
  if (schema.type === 'integer' || schema.type === 'number') return 'number';
  if (Array.isArray(schema.enum) || schema.type === 'boolean' || Array.isArray(schema.anyOf)) return 'choice';
  return 'text';
}
/** Parameters pages read without declaring them in a schema (all sent at once: nothing validates them). */
const UNDECLARED_PARAMS = ['q', 'sted', 'side', 'page', 'neste', 'lat', 'lon', 'alder', 'kommune', 'niva', 'invitert', 'fjernet', 'lagret'];
const PATH_ATTACKS = ['a%00b', 'Infinity', '1e309', '-0', '2026-02-31', encodeURIComponent(LONG)];

/** A change request the editor's API accepts as it stands. */
function draftBody(): Record<string, unknown> {
  return {
    name: 'Musikkterapi', description: 'Ny beskrivelse.', status: 'active', email: null, url: null, applicationProcess: null,
    feesDescription: null, eligibilityDescription: null, waitTime: null, minimumAge: null, maximumAge: null, fte: 1,
    terms: ['niva:lavterskel', 'felt:rus'], languages: ['nb'], phones: [], contacts: [], schedules: [],
    locations: [{ id: '0c6c3f1e-8a4b-4f0e-9d7a-2b1e5c9a7f30', name: 'Huset', address1: 'Testgata 1', postalCode: '0150', city: 'Oslo', isConfidential: false, latitude: null, longitude: null, transportation: null, description: null, accessibility: [], accessibilityDescription: null }],
  };
}

for (const backend of backends()) {
  describe(`bad input on ${backend.name}`, { skip: backend.skip }, () => {
    let database: OpenedDatabase;
    let app: FastifyInstance;
    let admin: Visitor;
    const schemaParams = new Map<string, [string, Kind][]>();
    const pathValues: Record<string, string> = {};
    const bodyFields = new Map<string, string[]>();

    const suite = appSuite(backend.name, { env: { JOB_WORKER: 'off' } });
    before(() => ({ database, app } = suite));
    before(async () => {
      app.addHook('onRequest', async (request) => {
        const body = (request.routeOptions.schema?.body as { properties?: Record<string, unknown> } | undefined)?.properties ?? {};
        if (request.method === 'POST' && request.routeOptions.url) bodyFields.set(request.routeOptions.url, Object.keys(body));
        const properties = (request.routeOptions.schema?.querystring as { properties?: Record<string, Parameters<typeof kindOf>[0]> } | undefined)?.properties ?? {};
        if (request.routeOptions.url) schemaParams.set(request.routeOptions.url, Object.entries(properties).map(([name, schema]) => [name, kindOf(schema)]));
      });
      const organization = anOrganization({ organizationNumber: '974760673' });
      const service = aService(organization);
      await store(database.db, [organization], [service]);
      await anAccount(database.db, { email: 'admin@example.no', admin: true, editorOf: [organization.id] });
      admin = new Visitor(app);
      await admin.signIn('admin@example.no', PASSWORD);
      await admin.get('/planlegger/ny');
      const created = await admin.post('/planlegger/ny', { tittel: 'Plan', virksomhet: 'Fjordby kommune', tjenestested: 'kommune', kommune: '1804', niva: 'oppfolging' });
      const planId = created.location?.match(/\/planlegger\/([0-9a-f-]{36})/)?.[1];
      assert.ok(planId, `a plan was made (${created.status} ${created.location})`);
      const slug = (await admin.get('/veileder')).$('a[href^="/veileder/"]').toArray()
        .map((a) => a.attribs.href!.split('/')[2]).find((s) => s && s !== 'sok');
      assert.ok(slug, 'a handbook chapter');
      Object.assign(pathValues, {
        id: service.id, serviceId: service.id, organizationId: organization.id, resourceId: service.id,
        slug, number: '1', nummer: '0301', code: '0150', phase: 'behov', kind: 'notat', token: 'x'.repeat(43),
        hash: '0', name: 'x.css',
      });
      // plan routes take the plan's id
      pathValues.planId = planId;
    });

    const fill = (route: string, overrides: Record<string, string> = {}) =>
      route.replace(/:(\w+)/g, (_, name: string) => overrides[name] ?? (route.startsWith('/planlegger/') && name === 'id' ? pathValues.planId! : pathValues[name] ?? '1'));

    test('the sweep finds the routes and their query parameters', async () => {
      const routes = getRoutes(app);
      assert.ok(routes.length > 40, `found only ${routes.length} GET routes`);
      for (const route of ['/tilbud', '/api/v1/services', '/hsds/services', '/fhir/HealthcareService', '/dekning', '/planlegger/:id']) assert.ok(routes.includes(route), route);
    });

    test('no GET route answers 5xx to hostile query or path values, and the API answers 400 as problem+json', { timeout: 900_000 }, async () => {
      const failures: string[] = [];
      const check = async (url: string) => {
        const response = await app.inject({ method: 'GET', url, headers: { cookie: admin.cookieHeader } });
        if (response.statusCode >= 500) failures.push(`${response.statusCode} ${url.slice(0, 160)}`);
        else if (response.statusCode === 400 && /^\/(api|hsds)\//.test(url) && !String(response.headers['content-type']).startsWith('application/problem+json')) {
          failures.push(`400 without problem+json: ${url.slice(0, 160)}`);
        }
      };
      const routes = getRoutes(app).filter((route) => !route.startsWith('/assets/'));
      for (const route of routes) {
        const url = fill(route);
        await check(url); // a plain call first: it records the route's query schema
        const declared = schemaParams.get(route) ?? [];
        for (const [name, kind] of declared) {
          for (const [, kinds, attack] of QUERY_ATTACKS) if (kinds.includes(kind)) await check(`${url}?${attack(name)}`);
        }
        const undeclared = UNDECLARED_PARAMS.filter((name) => !declared.some(([known]) => known === name));
        for (const [, , attack] of QUERY_ATTACKS) await check(`${url}?${undeclared.map(attack).join('&')}`);
        for (const name of route.match(/:(\w+)/g) ?? []) {
          for (const value of PATH_ATTACKS) await check(fill(route, { [name.slice(1)]: value }));
        }
      }
      assert.deepEqual(failures, []);
    });

    test('a NUL byte, Infinity or 1e309 is a 400 with a clear message, on the page and in the API', async () => {
      for (const query of ['q=a%00b', 'sted=a%00b', 'lat=Infinity&lon=10', 'side=Infinity', 'alder=Infinity', 'alder=1e309']) {
        const api = await app.inject({ url: `/api/v1/services?${query}` });
        assert.equal(api.statusCode, 400, query);
        assert.match(api.headers['content-type'] as string, /^application\/problem\+json/);
        const [name] = query.split('=');
        const problem = api.json() as { errors: { name: string; reason: string }[] };
        assert.ok(problem.errors.some((e) => e.name === name && /NUL|finite/.test(e.reason)), `${query}: ${JSON.stringify(problem.errors)}`);
        const page = await app.inject({ url: `/tilbud?${query}` });
        assert.equal(page.statusCode, 400, query);
        assert.match(page.body, /<h1[^>]*>Noe i forespørselen kan vi ikke bruke<\/h1>/);
        assert.match(page.body, /nulltegn\), et uendelig stort tall/);
      }
    });

    test('no form answers 5xx to a NUL byte in its fields', async () => {
      const failures: string[] = [];
      // signing out (here or everywhere) would end the session the other routes are reached with
      const signsOut = new Set(['/logg-ut', paths.accounts.endAllSessions]);
      for (const route of getRoutes(app, 'POST').filter((r) => !signsOut.has(r) && !r.startsWith('/api/'))) {
        const url = fill(route);
        await admin.get(url.replace(/\/(ny-organisasjon|krev-organisasjon|fjern|gjennomgatt|bekreft|assure)$/, '')); // a fresh CSRF token from the page
        await admin.post(url, {}); // records the body's fields
        const fields = [...new Set([...(bodyFields.get(route) ?? []), 'email', 'navn', 'name', 'tittel', 'q', 'passord'])].filter((f) => f !== '_csrf');
        const response = await admin.post(url, Object.fromEntries(fields.map((f) => [f, 'a\u0000b'])));
        if (response.status >= 500) failures.push(`${response.status} POST ${url}`);
      }
      assert.deepEqual(failures, []);
    });

    test('a NUL pasted into a page\'s form is dropped, so the form keeps the text the person sees; in a field\'s name it is refused', async () => {
      await admin.get('/konto/navn');
      const renamed = await admin.post('/konto/navn', { navn: 'Kari\u0000 Nordmann' });
      assert.equal(renamed.status, 303, 'saved, not a 400 that loses what was typed');
      const user = await database.db.selectFrom('app_user').select('name').where('email', '=', 'admin@example.no').executeTakeFirstOrThrow();
      assert.equal(user.name, 'Kari Nordmann');

      await admin.get('/planlegger/ny');
      const plan = await admin.post('/planlegger/ny', { tittel: 'Plan\u0000 for Fjordby', virksomhet: 'Fjordby\u0000 kommune', tjenestested: 'kommune', kommune: '1804', niva: 'oppfolging' });
      assert.equal(plan.status, 303);
      const stored = await database.db.selectFrom('establishment_plan').select(['title', 'organization_name']).where('title', 'like', 'Plan for Fjordby').executeTakeFirstOrThrow();
      assert.deepEqual(stored, { title: 'Plan for Fjordby', organization_name: 'Fjordby kommune' });

      await admin.get('/konto/navn');
      const hostile = await admin.post('/konto/navn', { navn: 'Ola', 'x\u0000y': '1' });
      assert.equal(hostile.status, 400);
      assert.match(hostile.body, /nulltegn/);
    });

    test('JSON bodies with NUL, non-finite numbers or deep nesting are a 400 problem, never a 500', async () => {
      const serviceId = pathValues.serviceId!;
      const changeRequests = `/api/v1/mine/services/${serviceId}/change-requests`;
      const post = (url: string, payload: string) => app.inject({ method: 'POST', url, payload, headers: { 'content-type': 'application/json', cookie: admin.cookieHeader, 'x-csrf-token': admin.csrf } });
      const valid = await post(changeRequests, JSON.stringify({ submit: false, service: draftBody() }));
      assert.equal(valid.statusCode, 201, `the body the attacks start from is accepted: ${valid.body}`);

      const deep = (levels: number) => '['.repeat(levels) + ']'.repeat(levels);
      const draft = (replace: string) => JSON.stringify({ submit: false, service: draftBody() }).replace('"Ny beskrivelse."', replace);
      const bodies: [string, string][] = [
        ['NUL in a text field', draft('"a\\u0000b"')],
        ['NUL in a name', JSON.stringify({ submit: false, service: { ...draftBody(), name: 'a\u0000b' } })],
        ['NUL in a key', JSON.stringify({ submit: false, service: { ...draftBody(), 'a\u0000b': 1 } })],
        ['fte 1e309', JSON.stringify({ submit: false, service: draftBody() }).replace('"fte":1', '"fte":1e309')],
        ['age 1e309', JSON.stringify({ submit: false, service: draftBody() }).replace('"minimumAge":null', '"minimumAge":1e309')],
        [`nested ${MAX_DEPTH + 1} deep`, draft(deep(MAX_DEPTH + 1))],
        ['nested 20,000 deep', draft(deep(20_000))],
        ['nested 20,000 deep at the top', deep(20_000)],
        ['not JSON', '{"service": '],
      ];
      const failures: string[] = [];
      for (const url of [changeRequests, `/api/v1/mine/services/${serviceId}/assure`, '/api/v1/coverage/scenario']) {
        for (const [label, payload] of bodies) {
          const response = await post(url, payload);
          if (response.statusCode >= 500) failures.push(`${response.statusCode} ${label} → ${url}`);
          else if (url === changeRequests && response.statusCode !== 400) failures.push(`${response.statusCode} (not 400) ${label} → ${url}`);
          else if (response.statusCode >= 400 && !String(response.headers['content-type']).startsWith('application/problem+json')) failures.push(`${response.statusCode} without problem+json: ${label} → ${url}`);
        }
      }
      assert.deepEqual(failures, []);
      const nul = await post(changeRequests, JSON.stringify({ submit: false, service: { ...draftBody(), name: 'a\u0000b' } }));
      assert.deepEqual((nul.json() as { errors: unknown[] }).errors, [{ name: 'service', reason: 'must not contain the NUL character (U+0000)' }]);
    });
  });
}
