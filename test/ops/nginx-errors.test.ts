import assert from 'node:assert/strict';
import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import https from 'node:https';
import type { IncomingHttpHeaders } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { load } from 'cheerio';
import { freePort } from '../../scripts/pg-cluster.ts';
import { NGINX, makeCertificate, startNginx, until } from '../../scripts/ops-stack.ts';

// nginx's own answers through the shipped ops/nginx/samklang.conf: when no instance can answer
// (here: none is running) and when its per-address limit refuses, people get a page in Norwegian,
// the API problem+json and FHIR clients an OperationOutcome, each with Retry-After.

const CI = process.env.CI === 'true';
const absent = existsSync(NGINX) ? false : `no nginx at ${NGINX} (apt-get install nginx)`;
if (absent && CI) throw new Error(`nginx is required in CI: ${absent}`);

interface Response { status: number; headers: IncomingHttpHeaders; body: string }

describe('nginx\'s own error answers', { skip: absent ? `SKIPPED: ${absent}` : false }, () => {
  let dir = '';
  let nginx: ChildProcess | undefined;
  let httpsPort = 0;
  let cert: Buffer;

  function call(path: string, from = '127.0.0.1'): Promise<Response> {
    return new Promise((resolve, reject) => {
      const request = https.request({
        host: '127.0.0.1', port: httpsPort, servername: 'localhost', ca: cert, path, agent: false, localAddress: from,
        headers: { host: `localhost:${httpsPort}` },
      }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks).toString('utf8') }));
      });
      request.on('error', reject);
      request.end();
    });
  }

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'samklang-nginx-errors-'));
    cert = makeCertificate(dir);
    httpsPort = await freePort();
    // two upstream ports nothing listens on: every request finds no instance
    const started = startNginx({ dir, upstreams: [await freePort(), await freePort()], httpPort: await freePort(), httpsPort });
    nginx = started.child;
    await until('nginx to listen', () => call('/healthz', '127.0.0.9').then(() => true, () => false));
  });
  after(() => {
    nginx?.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  });

  test('with no instance to answer: 503 with Retry-After, a Norwegian page for people, problem+json in the API, an OperationOutcome for FHIR', async () => {
    const page = await call('/tilbud?q=kor', '127.0.0.2');
    assert.equal(page.status, 503);
    assert.equal(page.headers['retry-after'], '10');
    assert.match(String(page.headers['content-type']), /^text\/html; charset=utf-8/);
    const $ = load(page.body);
    assert.equal($('html').attr('lang'), 'nb');
    assert.equal($('h1').text(), 'Samklang svarer ikke akkurat nå');
    assert.equal($('main a').attr('href'), '/');

    for (const path of ['/api/v1/services?q=kor', '/hsds/services']) {
      const api = await call(path, '127.0.0.2');
      assert.equal(api.status, 503, path);
      assert.match(String(api.headers['content-type']), /^application\/problem\+json/, path);
      assert.deepEqual({ ...JSON.parse(api.body), detail: undefined }, { type: 'https://samklang.no/problems/unavailable', title: 'Service unavailable', status: 503, detail: undefined });
    }
    const fhir = await call('/fhir/HealthcareService', '127.0.0.2');
    assert.equal(fhir.status, 503);
    assert.match(String(fhir.headers['content-type']), /^application\/fhir\+json/);
    assert.equal(JSON.parse(fhir.body).issue[0].code, 'transient');

    // the error files are nginx's alone: asked for directly, they do not exist
    assert.equal((await call('/_errors/unavailable.html', '127.0.0.2')).status, 404);
  });

  test('past the per-address limit: 429 with Retry-After, in the same forms', async () => {
    const pages = await Promise.all(Array.from({ length: 60 }, () => call('/tilbud', '127.0.0.3')));
    const refused = pages.find((r) => r.status === 429);
    assert.ok(refused, `statuses: ${[...new Set(pages.map((r) => r.status))].join(', ')}`);
    assert.equal(refused.headers['retry-after'], '10');
    assert.equal(load(refused.body)('h1').text(), 'For mange forespørsler på kort tid');
    const apis = await Promise.all(Array.from({ length: 60 }, () => call('/api/v1/services', '127.0.0.4')));
    const refusedApi = apis.find((r) => r.status === 429)!;
    assert.equal(JSON.parse(refusedApi.body).type, 'https://samklang.no/problems/rate-limited');
  });
});
