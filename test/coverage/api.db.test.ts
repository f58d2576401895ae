import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { backends } from '../helpers/db.ts';
import { WITHOUT_POPULATION, useAtlasApp } from './fixtures.db.ts';

type Operation = { tags?: string[]; responses: Record<string, { content?: Record<string, { schema: object }> }> };
type OpenApi = { paths: Record<string, Record<string, Operation>> };

for (const backend of backends()) {
  describe(`coverage API on ${backend.name}`, { skip: backend.skip }, () => {
    const atlas = useAtlasApp(backend.name);
    let openapi: OpenApi;
    const ajv = new Ajv2020.default({ strict: false, allErrors: true });
    addFormats.default(ajv);
    /** The response body must match the 200 schema the OpenAPI document publishes for it. */
    const conforms = (method: string, path: string, body: unknown) => {
      const schema = openapi.paths[path]?.[method]?.responses['200']?.content?.['application/json']?.schema;
      assert.ok(schema, `OpenAPI documents ${method} ${path}`);
      const validate = ajv.compile(schema);
      assert.ok(validate(body), ajv.errorsText(validate.errors));
    };
    const scenario = (payload: unknown) => atlas.app.inject({ method: 'POST', url: '/api/v1/coverage/scenario', payload: payload as object });

    before(async () => {
      openapi = (await atlas.app.inject('/api/openapi.json')).json() as OpenApi;
    });

    test('GET /api/v1/coverage gives every municipality with its measures, the distance used and the data version', async () => {
      const response = await atlas.app.inject('/api/v1/coverage');
      assert.equal(response.statusCode, 200);
      const body = response.json();
      conforms('get', '/api/v1/coverage', body);
      assert.equal(body.items.length, 357);
      assert.deepEqual(body.distance, { kind: 'great-circle', unit: 'km', matrix: null });
      assert.equal(body.population_date, '2026-01-01');
      assert.equal(body.national.fte, 3.5);
      assert.equal(body.digital.offers, 1);
      const narvik = body.items.find((i: { id: string }) => i.id === WITHOUT_POPULATION);
      assert.equal(narvik.population, null);
      assert.equal(narvik.accessibility, null);
      assert.equal(response.headers['access-control-allow-origin'], '*');
    });

    test('units and filters: health regions, counties in a region, Norway; one level at a time', async () => {
      const regions = (await atlas.app.inject('/api/v1/coverage?unit=health_region')).json();
      assert.deepEqual(regions.items.map((i: { id: string }) => i.id), ['helse-midt-norge', 'helse-nord', 'helse-sor-ost', 'helse-vest']);
      const counties = (await atlas.app.inject('/api/v1/coverage?unit=county&health_region=helse-nord')).json();
      assert.deepEqual(counties.items.map((i: { name: string }) => i.name).sort(), ['Finnmark', 'Nordland', 'Troms']);
      const norway = (await atlas.app.inject('/api/v1/coverage?unit=national&level=behandling')).json();
      assert.equal(norway.items.length, 1);
      assert.equal(norway.items[0].fte, 1);
      assert.equal(norway.level, 'behandling');
    });

    test('bad query parameters give problem+json naming the field', async () => {
      const response = await atlas.app.inject('/api/v1/coverage?level=alle&unit=kommune');
      assert.equal(response.statusCode, 400);
      assert.match(response.headers['content-type'] as string, /^application\/problem\+json/);
      assert.deepEqual(response.json().errors.map((e: { name: string }) => e.name).sort(), ['level', 'unit']);
    });

    test('a chosen method (3SFCA, gravity, beta, catchment) is computed and said; the same method twice is the same answer; bad values are problem+json', async () => {
      const plain = (await atlas.app.inject('/api/v1/coverage?unit=national')).json();
      const url = '/api/v1/coverage?unit=national&method=3sfca&decay=gravity&beta=2&catchment_km=90';
      const chosen = await atlas.app.inject(url);
      assert.equal(chosen.statusCode, 200);
      const body = chosen.json();
      conforms('get', '/api/v1/coverage', body);
      assert.match(body.method, /^Chosen in this request: 3SFCA, gravity decay, beta 2, 90-unit catchment/);
      assert.notEqual(body.items[0].accessibility, plain.items[0].accessibility);
      // Not the nearest-offer distances: they do not depend on the method.
      assert.equal(body.items[0].nearest_distance, plain.items[0].nearest_distance);
      assert.deepEqual((await atlas.app.inject(url)).json().items, body.items);
      const bad = await atlas.app.inject('/api/v1/coverage?method=4sfca&beta=9&catchment_km=5');
      assert.equal(bad.statusCode, 400);
      assert.match(bad.headers['content-type'] as string, /^application\/problem\+json/);
      assert.deepEqual(bad.json().errors.map((e: { name: string }) => e.name).sort(), ['beta', 'catchment_km', 'method']);
    });

    test('POST /api/v1/coverage/scenario recomputes every national measure with the change beside it', async () => {
      const response = await scenario({ positions: [{ municipality: '5501', fte: 1.5, level: 'lavterskel' }] });
      assert.equal(response.statusCode, 200);
      const body = response.json();
      conforms('post', '/api/v1/coverage/scenario', body);
      assert.deepEqual(body.national.fte, { before: 3.5, after: 5, change: 1.5 });
      assert.ok(body.national.mean_accessibility.change > 0);
      assert.ok(body.municipalities.some((m: { number: string }) => m.number === '5501'));
      const other = (await scenario({ level: 'behandling', positions: [{ municipality: '5501', fte: 1, level: 'lavterskel' }] })).json();
      assert.equal(other.positions_used, 0);
      assert.equal(other.national.fte.change, 0);
    });

    test('a bad scenario body is problem+json listing every failing field', async () => {
      const response = await scenario({ positions: [{ municipality: '55O1', fte: -1, level: 'alt' }], extra: true });
      assert.equal(response.statusCode, 400);
      assert.match(response.headers['content-type'] as string, /^application\/problem\+json/);
      const names = response.json().errors.map((e: { name: string }) => e.name);
      for (const name of ['positions', 'extra']) assert.ok(names.includes(name), names.join(', '));
      const empty = await scenario({ positions: [] });
      assert.equal(empty.statusCode, 400);
      const tooMany = await scenario({ positions: Array.from({ length: 11 }, () => ({ municipality: '0301', fte: 1, level: 'behandling' })) });
      assert.equal(tooMany.statusCode, 400);
    });

    test('an unknown municipality in a scenario is 422 problem+json', async () => {
      const response = await scenario({ positions: [{ municipality: '0301', fte: 1, level: 'behandling' }, { municipality: '9999', fte: 1, level: 'behandling' }] });
      assert.equal(response.statusCode, 422);
      assert.deepEqual(response.json().errors, [{ name: 'positions/1/municipality', reason: 'no municipality 9999 in the 2024 division' }]);
    });

    test('CSV export: UTF-8 with BOM, a header, one row per unit; semicolon files use decimal commas', async () => {
      const response = await atlas.app.inject('/api/v1/coverage.csv?unit=municipality');
      assert.equal(response.statusCode, 200);
      assert.match(response.headers['content-type'] as string, /^text\/csv; charset=utf-8/);
      assert.match(response.headers['content-disposition'] as string, /attachment; filename="dekning-municipality-all\.csv"/);
      assert.ok(response.body.startsWith('\uFEFFunit,id,name,'));
      assert.equal(response.body.trimEnd().split('\r\n').length, 358);
      const semicolon = await atlas.app.inject('/api/v1/coverage.csv?unit=national&delimiter=semicolon');
      const [header, row] = semicolon.body.replace('\uFEFF', '').trimEnd().split('\r\n');
      assert.ok(header!.startsWith('unit;id;name;'));
      assert.match(row!, /;3,5;/);
      for (const table of ['lorenz', 'theil', 'snapshots']) {
        const file = await atlas.app.inject(`/api/v1/coverage.csv?table=${table}`);
        assert.equal(file.statusCode, 200, table);
        assert.ok(file.body.startsWith('\uFEFF'), table);
      }
    });

    test('a scenario position at coordinates counts in the municipality where it lies; CSV of the national measures on request', async () => {
      // Tromsø centre (5501), as a position by coordinates.
      const response = await scenario({ positions: [{ lat: 69.6496, lon: 18.956, fte: 1, level: 'lavterskel' }] });
      assert.equal(response.statusCode, 200);
      const body = response.json();
      conforms('post', '/api/v1/coverage/scenario', body);
      assert.deepEqual(body.positions, [{ municipality: '5501', lat: 69.6496, lon: 18.956, fte: 1, level: 'lavterskel' }]);
      assert.equal(body.national.fte.change, 1);
      const csv = await atlas.app.inject({ method: 'POST', url: '/api/v1/coverage/scenario?format=csv', payload: { positions: [{ municipality: '5501', fte: 1, level: 'lavterskel' }] } });
      assert.equal(csv.statusCode, 200);
      assert.match(csv.headers['content-type'] as string, /^text\/csv/);
      assert.ok(csv.body.startsWith('\uFEFFmeasure,threshold,before,after,change\r\nfte,,3.5,4.5,1\r\n'), csv.body.slice(0, 80));
    });

    test('coordinates that are NaN, infinite, out of range or at sea far from anyone are problem+json', async () => {
      for (const lat of ['NaN', 'Infinity', '1e999', 'seksti']) {
        const response = await atlas.app.inject({
          method: 'POST', url: '/api/v1/coverage/scenario', headers: { 'content-type': 'application/json' },
          payload: `{"positions":[{"lat":${lat.startsWith('s') ? `"${lat}"` : lat},"lon":10,"fte":1,"level":"lavterskel"}]}`,
        });
        assert.equal(response.statusCode, 400, lat);
        assert.match(response.headers['content-type'] as string, /^application\/problem\+json/, lat);
      }
      const equator = await scenario({ positions: [{ lat: 0, lon: 10, fte: 1, level: 'lavterskel' }] });
      assert.equal(equator.statusCode, 400);
      // Both inside the box: 61.5 N 4.5 E is ~25 km off the islands of Kinn (accepted), 66 N 6 E lies in
      // the Norwegian Sea, more than 200 km from the Helgeland coast (refused).
      const sea = await scenario({ positions: [{ lat: 61.5, lon: 4.5, fte: 1, level: 'lavterskel' }, { lat: 66, lon: 6, fte: 1, level: 'lavterskel' }] });
      assert.equal(sea.statusCode, 422);
      assert.match(sea.headers['content-type'] as string, /^application\/problem\+json/);
      assert.equal(sea.json().errors[0].name, 'positions/1/lat');
    });

    test('POST /api/v1/coverage/placement ranks candidates by people newly within reach and names the runner-up', async () => {
      const response = await atlas.app.inject({ method: 'POST', url: '/api/v1/coverage/placement', payload: { k: 2, fte: 1 } });
      assert.equal(response.statusCode, 200);
      const body = response.json();
      conforms('post', '/api/v1/coverage/placement', body);
      assert.equal(body.objective, 'reach');
      assert.equal(body.reach, 60);
      assert.equal(body.steps.length, 2);
      const [first] = body.steps;
      assert.ok(first.newly_within_population > 0);
      assert.ok(first.runner_up);
      assert.equal(first.margin, first.objective_value - first.runner_up.objective_value);
      assert.ok(first.margin >= 0);
      assert.notEqual(first.decided_by, 'order', 'the default goal separates the best two');
      const csv = await atlas.app.inject('/api/v1/coverage/placement.csv?k=2&fte=1&delimiter=semicolon');
      assert.equal(csv.statusCode, 200);
      const lines = csv.body.replace('\uFEFF', '').trimEnd().split('\r\n');
      assert.equal(lines.length, 3);
      assert.ok(lines[0]!.startsWith('step;municipality;name;lat;lon;fte;newly_within_population;'));
      assert.ok(lines[1]!.startsWith(`1;${first.municipality};`));
      const bad = await atlas.app.inject({ method: 'POST', url: '/api/v1/coverage/placement', payload: { k: 0, fte: 'NaN', objective: 'best' } });
      assert.equal(bad.statusCode, 400);
      assert.match(bad.headers['content-type'] as string, /^application\/problem\+json/);
      assert.deepEqual(bad.json().errors.map((e: { name: string }) => e.name).sort(), ['fte', 'k', 'objective']);
    });

    test('the OpenAPI document describes the coverage endpoints under their own tag', () => {
      for (const [path, method] of [['/api/v1/coverage', 'get'], ['/api/v1/coverage.csv', 'get'], ['/api/v1/coverage/scenario', 'post'], ['/api/v1/coverage/placement', 'post'], ['/api/v1/coverage/placement.csv', 'get']] as const) {
        assert.deepEqual(openapi.paths[path]?.[method]?.tags, ['coverage'], path);
      }
    });
  });
}
