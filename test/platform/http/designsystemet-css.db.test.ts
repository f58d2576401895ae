// ds.css is Designsystemet's stylesheet cut down to the components in DS_COMPONENTS. A component
// rendered without its file would lose its styles without any error, so this renders pages of every
// kind (public, signed in, editor, admin, the atlas, the planner, forms with errors), reads every
// source file for `ds-*` classes and Designsystemet's React components, and fails when a rule of a
// left-out file could match what the pages render. Rendering does not depend on the database, so
// this runs on PGlite alone.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import * as Designsystemet from '@digdir/designsystemet-react';
import { load } from 'cheerio';
import type { FastifyInstance } from 'fastify';
import { createElement, type ElementType } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import type { OpenedDatabase } from '../../../src/platform/db/index.ts';
import { newId } from '../../../src/platform/ids.ts';
import { DS_COMPONENTS, designsystemetSubset, readDesignsystemet, type DsPart } from '../../../src/platform/http/designsystemet-css.ts';
import { prepareDatabase } from '../../../src/setup.ts';
import { DEMO_ACCOUNTS } from '../../../src/accounts/demo.ts';
import { freshDatabase } from '../../helpers/db.ts';
import { testApp } from '../../helpers/app.ts';
import { anAccount, PASSWORD, Visitor } from '../../accounts/client.ts';

const ROOT = new URL('../../..', import.meta.url).pathname;

/** What the pages use: class names and attribute names. */
interface Used {
  classes: Set<string>;
  attributes: Set<string>;
}

/** Splits at commas outside parentheses, brackets and strings. */
function splitTopLevel(text: string, separator = ','): string[] {
  const pieces: string[] = [];
  let depth = 0;
  let quote: string | null = null;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quote) { if (c === '\\') i++; else if (c === quote) quote = null; }
    else if (c === '"' || c === "'") quote = c;
    else if (c === '(' || c === '[') depth++;
    else if (c === ')' || c === ']') depth--;
    else if (c === separator && depth === 0) { pieces.push(text.slice(start, i)); start = i + 1; }
  }
  pieces.push(text.slice(start));
  return pieces.map((p) => p.trim()).filter(Boolean);
}

/** The end of the bracket or parenthesis opened at `open` (strings respected). */
function closing(text: string, open: number): number {
  let depth = 0;
  let quote: string | null = null;
  for (let i = open; i < text.length; i++) {
    const c = text[i]!;
    if (quote) { if (c === '\\') i++; else if (c === quote) quote = null; }
    else if (c === '"' || c === "'") quote = c;
    else if (c === '(' || c === '[') depth++;
    else if ((c === ')' || c === ']') && --depth === 0) return i;
  }
  throw new Error(`unbalanced selector: ${text}`);
}

/**
 * Whether a complex selector could match an element of our pages: not when it requires a `ds-*`
 * class or a `data-*` attribute the pages never render. `:is()`, `:where()` and `:has()` require
 * one of their alternatives; `:not()` and the like require nothing.
 */
function couldMatch(selector: string, used: Used): boolean {
  for (let i = 0; i < selector.length; i++) {
    const c = selector[i]!;
    if (c === '[') {
      const end = closing(selector, i);
      const name = /^\[\s*([\w-]+)/.exec(selector.slice(i, end))?.[1]?.toLowerCase();
      if (name?.startsWith('data-') && !used.attributes.has(name)) return false;
      i = end;
    } else if (c === '.') {
      const name = /^\.([\w-]+)/.exec(selector.slice(i))![1]!;
      if (name.startsWith('ds-') && !used.classes.has(name)) return false;
      i += name.length;
    } else if (c === '(') {
      const end = closing(selector, i);
      const pseudo = /:([\w-]+)$/.exec(selector.slice(0, i))?.[1];
      if (pseudo && ['is', 'where', 'has', 'matches', '-webkit-any'].includes(pseudo)) {
        const alternatives = splitTopLevel(selector.slice(i + 1, end)).map((a) => a.replace(/^[>+~]\s*/, ''));
        if (!alternatives.some((a) => couldMatch(a, used))) return false;
      }
      i = end;
    } else if (c === '"' || c === "'") {
      i = selector.indexOf(c, i + 1);
    }
  }
  return true;
}

interface Rule { prelude: string; body: string }

/** The rules and at-rules of a stylesheet or block, one level deep (declarations skipped). */
function rules(css: string): Rule[] {
  const found: Rule[] = [];
  let start = 0;
  let quote: string | null = null;
  for (let i = 0; i < css.length; i++) {
    const c = css[i]!;
    if (quote) { if (c === '\\') i++; else if (c === quote) quote = null; }
    else if (c === '"' || c === "'") quote = c;
    else if (c === ';') start = i + 1;
    else if (c === '}') start = i + 1;
    else if (c === '{') {
      let depth = 0;
      let end = i;
      let q: string | null = null;
      for (; end < css.length; end++) {
        const d = css[end]!;
        if (q) { if (d === '\\') end++; else if (d === q) q = null; }
        else if (d === '"' || d === "'") q = d;
        else if (d === '{') depth++;
        else if (d === '}' && --depth === 0) break;
      }
      found.push({ prelude: css.slice(start, i).trim(), body: css.slice(i + 1, end) });
      i = end;
      start = end + 1;
    }
  }
  return found;
}

/** Selectors of a left-out part that could match the pages, and its keyframes and properties. */
function matchingRules(css: string, used: Used, found: string[] = [], defined: string[] = []): { matching: string[]; defined: string[] } {
  for (const rule of rules(css)) {
    const at = /^@([\w-]+)\s*(.*)$/s.exec(rule.prelude);
    if (at) {
      if (['media', 'supports', 'layer', 'container', 'scope', 'starting-style'].includes(at[1]!)) matchingRules(rule.body, used, found, defined);
      else defined.push(`@${at[1]} ${at[2]!.trim()}`);
      continue;
    }
    const selectors = splitTopLevel(rule.prelude).filter((s) => couldMatch(s, used));
    if (selectors.length === 0) continue;
    found.push(selectors.join(', '));
    // nested rules only apply where their parent does, and it may
    matchingRules(rule.body, used, found, defined);
  }
  return { matching: found, defined };
}

/** Every `ds-*` word in our own code and scripts (class names written by hand). */
function sourceClasses(): { classes: Set<string>; components: Set<string> } {
  const classes = new Set<string>();
  const components = new Set<string>();
  const visit = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) { visit(path); continue; }
      if (!/\.(tsx?|js)$/.test(entry.name)) continue;
      const text = readFileSync(path, 'utf8');
      for (const match of text.matchAll(/(?<![\w-])ds-[a-z][\w-]*/g)) classes.add(match[0]);
      for (const match of text.matchAll(/import\s*(?:type\s+)?\{([^}]*)\}\s*from\s*'@digdir\/designsystemet-react'/g)) {
        for (const name of match[1]!.split(',')) {
          const imported = name.trim().replace(/^type\s+/, '').split(/\s+as\s+/)[0]!;
          if (/^[A-Z]/.test(imported) && !name.trim().startsWith('type ')) components.add(imported);
        }
      }
    }
  };
  visit(join(ROOT, 'src'));
  visit(join(ROOT, 'assets'));
  return { classes, components };
}

const isComponent = (value: unknown): value is ElementType =>
  typeof value === 'function' || (typeof value === 'object' && value !== null && '$$typeof' in value);

/** The markup each of Designsystemet's React components we import renders (and its parts, Table.Row …). */
function componentMarkup(names: Set<string>): string {
  const library = Designsystemet as unknown as Record<string, unknown>;
  let html = '';
  for (const name of names) {
    const component = library[name];
    if (!isComponent(component)) continue; // a type or a hook
    const parts: ElementType[] = [component, ...Object.entries(component).filter(([key, value]) => /^[A-Z]/.test(key) && isComponent(value)).map(([, value]) => value as ElementType)];
    for (const part of parts) {
      for (const children of [undefined, 'x']) {
        try {
          html += renderToStaticMarkup(createElement(part, { href: '#', id: 'x' }, children));
          break;
        } catch { /* some parts need children: tried again with one */ }
      }
    }
  }
  return html;
}

function usedIn(html: string, into: Used): void {
  const $ = load(html);
  $('*').each((_, element) => {
    if (!('attribs' in element)) return;
    for (const [name, value] of Object.entries(element.attribs)) {
      into.attributes.add(name.toLowerCase());
      if (name === 'class') for (const token of value.split(/\s+/)) if (token) into.classes.add(token);
    }
  });
}

/** A stylesheet of `@layer x{…}` blocks as runs of [layer, text], neighbours in the same layer joined. */
function layerRuns(css: string): [string, string][] {
  const pieces = css.slice(css.indexOf(';') + 1, -1).split(/(?:^|\})@layer ([\w.]+)\{/);
  const runs: [string, string][] = [];
  for (let i = 1; i < pieces.length; i += 2) {
    const last = runs.at(-1);
    if (last && last[0] === pieces[i]) last[1] += pieces[i + 1]!;
    else runs.push([pieces[i]!, pieces[i + 1]!]);
  }
  return runs;
}

test('ds.css keeps index.css\'s order and layers: every part of it is a component file or named leftover, in its layer', () => {
  const sheet = readDesignsystemet();
  const index = readFileSync(new URL(import.meta.resolve('@digdir/designsystemet-css')), 'utf8');
  // all parts, put back in their layers, are index.css itself
  let rebuilt = sheet.layerOrder;
  let open: string | null = null;
  for (const part of sheet.parts) {
    if (part.layer !== open) rebuilt += `${open ? '}' : ''}@layer ${part.layer}{`;
    open = part.layer;
    rebuilt += part.css;
  }
  assert.deepEqual(layerRuns(`${rebuilt}}`), layerRuns(index));
  for (const name of DS_COMPONENTS) assert.ok(sheet.parts.some((p) => p.name === name), `${name}.css is in index.css`);
  assert.equal(sheet.parts.find((p) => p.name === 'base')?.layer, 'ds.base');
  assert.equal(sheet.parts.find((p) => p.name === 'button')?.layer, 'ds.components');
  const subset = designsystemetSubset();
  assert.ok(subset.startsWith('@layer ds.theme, ds.base, ds.components;@layer ds.base{'));
  assert.ok(subset.length < index.length / 2, `ds.css is ${subset.length} bytes of index.css's ${index.length}`);
});

describe('ds.css has the styles of every Designsystemet component the pages render', () => {
  let database: OpenedDatabase;
  let app: FastifyInstance;
  const used: Used = { classes: new Set(), attributes: new Set() };
  const visited: string[] = [];

  before(async () => {
    database = await freshDatabase('pglite');
    const db = database.db;
    await prepareDatabase(db, { demoData: true });
    const planner = await anAccount(db, { email: 'planlegger@example.no' });
    const planId = newId();
    await db.insertInto('establishment_plan').values({ id: planId, title: 'Plan for stilark (fiktiv)', organization_name: 'Eksempel DPS (fiktiv)', setting: 'dps', municipality_number: '0301', service_level: 'behandling', created_by: planner }).execute();
    await db.insertInto('establishment_plan_member').values({ plan_id: planId, user_id: planner, role: 'owner', invited_by: null }).execute();
    const service = await db.selectFrom('service').select('id').orderBy('name').executeTakeFirstOrThrow();
    const editor = await db.selectFrom('app_user').select('id').where('email', '=', DEMO_ACCOUNTS.editor.email).executeTakeFirstOrThrow();
    const grant = await db.selectFrom('organization_editor').select('organization_id').where('user_id', '=', editor.id).executeTakeFirstOrThrow();
    const ownService = await db.selectFrom('service').select('id').where('organization_id', '=', grant.organization_id).executeTakeFirstOrThrow();
    const section = await db.selectFrom('handbook_section').select('slug').orderBy('slug').executeTakeFirstOrThrow();
    app = await testApp(db, { JOB_WORKER: 'off' });

    const read = async (visitor: Visitor, what: string, page: Promise<{ status: number; body: string }>) => {
      const { status, body } = await page;
      assert.ok(status < 500, `${what}: ${status}`);
      usedIn(body, used);
      visited.push(what);
    };
    const visit = async (visitor: Visitor, urls: string[]) => {
      for (const url of urls) await read(visitor, url, visitor.get(url));
    };

    const anyone = new Visitor(app);
    await visit(anyone, [
      '/', '/tilbud', '/tilbud?q=band&sted=Bergen&avstand=50&sortering=avstand', '/tilbud?q=zzzqqq', '/tilbud?sortering=avstand',
      `/tilbud/${service.id}`, `/tilbud/${service.id}/meld-feil`, '/dekning', '/dekning/kommune/0301', '/dekning/slik-har-vi-regnet',
      '/dekning/hva-om', '/dekning/beste-plassering', '/veileder', `/veileder/${section.slug}`, '/veileder/sok?q=musikk', '/om', '/apne-data',
      '/personvern', '/erfaringer', '/nettverket', '/nettverket/medlemmer', '/nettverket/arrangementer', '/nettverket/ideer',
      '/nettverket/kunnskap', '/nettverket/kurs', '/logg-inn', '/registrer', '/glemt-passord', '/finnes-ikke', '/tilbud?lang=en',
    ]);
    // forms sent empty: the error summary and the fields' messages
    await anyone.get('/logg-inn');
    await read(anyone, 'POST /logg-inn (empty)', anyone.post('/logg-inn', { email: '', password: '' }));
    await anyone.get('/registrer');
    await read(anyone, 'POST /registrer (empty)', anyone.post('/registrer', {}));
    await anyone.get(`/tilbud/${service.id}/meld-feil`);
    await read(anyone, 'POST meld-feil (empty)', anyone.post(`/tilbud/${service.id}/meld-feil`, {}));

    const plain = new Visitor(app);
    await plain.signIn('planlegger@example.no', PASSWORD);
    await visit(plain, ['/konto', '/konto/innlogginger', '/konto/passord', '/planlegger', '/planlegger/ny', `/planlegger/${planId}`,
      `/planlegger/${planId}/sjekkliste`, `/planlegger/${planId}/modenhet`, `/planlegger/${planId}/kostnader`, `/planlegger/${planId}/deling`,
      '/registrer-tilbud', '/registrer-tilbud/ny-organisasjon', '/nettverket/min-side']);
    await plain.get('/planlegger/ny');
    await read(plain, 'POST /planlegger/ny (empty)', plain.post('/planlegger/ny', {}));
    await plain.get('/registrer-tilbud/ny-organisasjon');
    await read(plain, 'POST ny-organisasjon (empty)', plain.post('/registrer-tilbud/ny-organisasjon', {}));

    const editorVisitor = new Visitor(app);
    await editorVisitor.signIn(DEMO_ACCOUNTS.editor.email, DEMO_ACCOUNTS.editor.password);
    await visit(editorVisitor, ['/mine-tilbud', `/mine-tilbud/${grant.organization_id}`, `/mine-tilbud/${grant.organization_id}/nytt-tilbud`,
      `/mine-tilbud/tilbud/${ownService.id}/endre`, '/import']);
    await editorVisitor.get(`/mine-tilbud/${grant.organization_id}/nytt-tilbud`);
    await read(editorVisitor, 'POST nytt-tilbud (empty)', editorVisitor.post(`/mine-tilbud/${grant.organization_id}/nytt-tilbud`, {}));

    const admin = new Visitor(app);
    await admin.signIn(DEMO_ACCOUNTS.admin.email, DEMO_ACCOUNTS.admin.password);
    await visit(admin, ['/moderering', '/moderering/oversikt', '/moderering/utboks', `/moderering/historikk/${service.id}`, '/import',
      `/veileder/${section.slug}/rediger`, `/veileder/${section.slug}/historikk`, '/nettverket/medlemmer/ny', '/nettverket/arrangementer/nytt',
      '/nettverket/medlemmer/foresporsler']);
  });
  after(async () => {
    await app?.close();
    await database?.close();
  });

  test('no rule of a left-out component file could match a rendered page, a source file or a script', () => {
    // beside the rendered pages: class names written anywhere in src/ and assets/, and what each
    // Designsystemet React component imported anywhere renders (a page not visited above may use it)
    const source = sourceClasses();
    for (const name of source.classes) used.classes.add(name);
    usedIn(componentMarkup(source.components), used);
    assert.ok(used.classes.has('ds-button') && used.classes.has('ds-error-summary') && used.classes.has('ds-table'), 'the pages were read');

    const sheet = readDesignsystemet();
    const included = new Set<string>(DS_COMPONENTS);
    const leftOut = sheet.parts.filter((part) => !part.name || !included.has(part.name));
    const subset = designsystemetSubset();
    const problems: string[] = [];
    for (const part of leftOut) {
      const { matching, defined } = matchingRules(part.css, used);
      const file = part.name ? `${part.name}.css` : 'a part of index.css';
      for (const selector of matching) problems.push(`${file}: ${selector.slice(0, 160)}`);
      // keyframes and registered properties the kept files would use
      for (const at of defined) {
        const name = at.split(/\s+/)[1]!;
        if (subset.includes(name)) problems.push(`${file}: ${at} is used by ds.css`);
      }
    }
    assert.deepEqual(problems, [], `rules of left-out files match what the pages render: add the file's name to DS_COMPONENTS (src/platform/http/designsystemet-css.ts)\n${problems.join('\n')}`);
  });

  test('every kept component file styles something the pages render (nothing kept for nothing)', () => {
    const sheet = readDesignsystemet();
    const idle = DS_COMPONENTS.filter((name) => {
      const part = sheet.parts.find((p) => p.name === name) as DsPart;
      return matchingRules(part.css, used).matching.length === 0;
    });
    assert.deepEqual(idle, [], `kept but unused: remove from DS_COMPONENTS (visited ${visited.length} pages)`);
  });

  test('the pages link the cut-down ds.css, served under its content hash', async () => {
    const { body } = await app.inject({ method: 'GET', url: '/tilbud' });
    const href = load(body)('link[rel=stylesheet][href$="/ds.css"]').attr('href');
    assert.match(href ?? '', /^\/assets\/[0-9a-f]{12}\/ds\.css$/);
    const response = await app.inject({ method: 'GET', url: href! });
    assert.equal(response.statusCode, 200);
    assert.equal(response.headers['cache-control'], 'public, max-age=31536000, immutable');
    assert.equal(response.body, designsystemetSubset());
  });
});
