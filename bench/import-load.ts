/**
 * npm run bench:import-load [-- --rows 150000 --rounds 2]
 * PGlite (the embedded database, in the app's own process: the hard case). Starts the real app on
 * loopback, uploads an HSDS services.csv of N new services as an admin over HTTP, and while the
 * file is checked asks /healthz and /tilbud one after another, timing each. Then the memory of the
 * process after a garbage collection, after each round and 20 s later. Prints the figures; they
 * are recorded by hand in BENCHMARKS.md. A benchmark, not a test: no pass/fail.
 */
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { openPGlite } from '../src/platform/db/index.ts';
import { prepareDatabase } from '../src/setup.ts';
import { listenOnLoopback, testApp } from '../test/helpers/app.ts';
import { PASSWORD, Visitor, anAccount } from '../test/accounts/client.ts';
import { anOrganization, store } from '../test/directory/factories.ts';
import { describeMachine, loadAverage } from './lib/machine.ts';

const { values: options } = parseArgs({ options: { rows: { type: 'string', default: '150000' }, rounds: { type: 'string', default: '2' } } });
const ROWS = Number(options.rows);
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const memory = () => {
  gc();
  const m = process.memoryUsage();
  return `RSS ${Math.round(m.rss / 1e6)} MB, main-thread heap ${Math.round(m.heapUsed / 1e6)} MB, array buffers (PGlite's memory) ${Math.round(m.arrayBuffers / 1e6)} MB`;
};
const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))]!;

const database = await openPGlite();
await prepareDatabase(database.db, { demoData: false });
const organization = anOrganization();
await store(database.db, [organization], []);
const app = await testApp(database.db, { JOB_WORKER: 'off' });
await anAccount(database.db, { email: 'bench@example.no', admin: true });
const admin = new Visitor(app);
await admin.signIn('bench@example.no', PASSWORD);
const base = await listenOnLoopback(app);
const timed = async (url: string) => {
  const started = performance.now();
  await (await fetch(`${base}${url}`)).arrayBuffer();
  return performance.now() - started;
};
for (let i = 0; i < 10; i++) for (const url of ['/healthz', '/tilbud']) await timed(url);

console.log(`${new Date().toISOString()} ${JSON.stringify(describeMachine())}, load average ${loadAverage()}`);
console.log(`before: ${memory()}`);
for (let round = 1; round <= Number(options.rounds); round++) {
  const lines = ['id,organization_id,name,description,status'];
  for (let i = 0; i < ROWS; i++) lines.push(`${randomUUID()},${organization.id},Musikkgruppe nr. ${i},"Syng og spill, hver uke.",active`);
  await admin.get('/import');
  const boundary = `----bench${round}`;
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="_csrf"\r\n\r\n${admin.csrf}\r\n--${boundary}\r\ncontent-disposition: form-data; name="filer"; filename="services.csv"\r\ncontent-type: text/csv\r\n\r\n`),
    Buffer.from(lines.join('\n')), Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  const started = performance.now();
  let location: string | null = null;
  const upload = fetch(`${base}/import`, { method: 'POST', body, redirect: 'manual', headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, cookie: admin.cookieHeader } })
    .then((response) => { location = response.headers.get('location'); });
  const times: Record<string, number[]> = { '/healthz': [], '/tilbud': [] };
  for (;;) {
    for (const url of ['/healthz', '/tilbud']) times[url]!.push(await timed(url));
    if (location && (await admin.get(`${location}?oppdater=nei`)).$('#import-checking').length === 0) break;
  }
  await upload;
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const line = (url: string) => `${url} n=${times[url]!.length} median ${Math.round(percentile(times[url]!, 0.5))} ms, p95 ${Math.round(percentile(times[url]!, 0.95))} ms, max ${Math.round(Math.max(...times[url]!))} ms`;
  console.log(`round ${round}: ${(body.length / 1e6).toFixed(1)} MB, ${ROWS} rows uploaded and checked in ${seconds} s; ${line('/healthz')}; ${line('/tilbud')}`);
  console.log(`after round ${round}: ${memory()}`);
}
await new Promise((resolve) => setTimeout(resolve, 20_000));
console.log(`20 s later: ${memory()}`);
await app.close();
await database.close();
