import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * Designsystemet's stylesheet with only the components our pages render.
 *
 * @digdir/designsystemet-css ships its whole stylesheet (dist/src/index.css, 147 KB: 17 KB with
 * brotli, a third of what /tilbud transfers) and one file per component beside it. index.css is
 * those files in a fixed order, each wrapped in its cascade layer (ds.base or ds.components). We
 * read both from the installed package at start, find each component file's place and layer in
 * index.css, and put together the same layers with the files we use, in the same order: the
 * cascade is unchanged, and an upgrade of the package is picked up without copying any CSS.
 *
 * A component rendered without its file here loses its styles silently, so
 * test/platform/http/designsystemet-css.db.test.ts renders the pages and fails when a `ds-*` class
 * (or a data attribute a left-out file styles) appears whose rules would be missing.
 */

/** The component files (dist/src/<name>.css) our pages and scripts use. */
export const DS_COMPONENTS = [
  'base', 'heading', 'label', 'paragraph', 'link', 'validation-message', 'data-size-workaround',
  'button', 'input', 'field', 'fieldset', 'alert', 'skip-link', 'list', 'tag', 'error-summary', 'table',
] as const;

export interface DsPart {
  /** the component file's name without .css, or null for text of index.css no file accounts for */
  name: string | null;
  layer: string;
  css: string;
}

export interface DsStylesheet {
  /** the layer order statement index.css opens with */
  layerOrder: string;
  /** all of index.css after that statement, in order, as component files and leftovers */
  parts: DsPart[];
}

const require = createRequire(import.meta.url);

/** Top-level statements of a stylesheet: `@layer a, b;` and `@layer a{…}` blocks (strings and escapes respected). */
function topLevel(css: string): string[] {
  const statements: string[] = [];
  let depth = 0;
  let start = 0;
  let quote: string | null = null;
  for (let i = 0; i < css.length; i++) {
    const c = css[i]!;
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = null;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '{') depth++;
    else if (c === '}' && --depth === 0) { statements.push(css.slice(start, i + 1)); start = i + 1; }
    else if (c === ';' && depth === 0) { statements.push(css.slice(start, i + 1)); start = i + 1; }
  }
  if (css.slice(start).trim()) throw new Error('designsystemet-css: index.css does not end with a complete statement');
  return statements.map((s) => s.trim()).filter(Boolean);
}

/** index.css split into its component files, each with the layer index.css puts it in. */
export function readDesignsystemet(): DsStylesheet {
  const indexFile = require.resolve('@digdir/designsystemet-css');
  const folder = dirname(indexFile);
  const statements = topLevel(readFileSync(indexFile, 'utf8'));
  const layerOrder = statements.shift();
  if (!layerOrder || !/^@layer [\w.]+(\s*,\s*[\w.]+)*;$/.test(layerOrder)) throw new Error('designsystemet-css: index.css does not start with its layer order');
  // the layers' contents end to end, and which layer each stretch belongs to
  let text = '';
  const spans: { end: number; layer: string }[] = [];
  for (const statement of statements) {
    const block = /^@layer ([\w.]+)\s*\{([\s\S]*)\}$/.exec(statement);
    if (!block) throw new Error(`designsystemet-css: unexpected statement in index.css: ${statement.slice(0, 60)}`);
    text += block[2]!;
    spans.push({ end: text.length, layer: block[1]! });
  }
  const layerAt = (offset: number) => spans.find((s) => offset < s.end)!.layer;
  const layerEndingAt = (offset: number) => spans.find((s) => offset <= s.end)!;
  // each component file found in it (files index.css does not include, e.g. old aliases, are skipped)
  const found = readdirSync(folder).filter((entry) => entry.endsWith('.css') && entry !== 'index.css').map((entry) => entry.slice(0, -4))
    .map((name) => ({ name, css: readFileSync(join(folder, `${name}.css`), 'utf8').trim() }))
    .map((file) => ({ ...file, at: file.css ? text.indexOf(file.css) : -1 }))
    .filter((file) => file.at >= 0)
    .sort((a, b) => a.at - b.at || b.css.length - a.css.length);
  const parts: DsPart[] = [];
  let offset = 0;
  const leftover = (end: number) => {
    // text between files, cut at layer boundaries so each piece keeps its own layer
    while (offset < end) {
      const span = layerEndingAt(offset + 1);
      const stop = Math.min(end, span.end);
      if (text.slice(offset, stop).trim()) parts.push({ name: null, layer: span.layer, css: text.slice(offset, stop) });
      offset = stop;
    }
  };
  for (const file of found) {
    if (file.at < offset) continue; // inside a file already placed (an alias of it)
    leftover(file.at);
    const layer = layerAt(file.at);
    if (layerAt(file.at + file.css.length - 1) !== layer) throw new Error(`designsystemet-css: ${file.name}.css spans two layers in index.css`);
    parts.push({ name: file.name, layer, css: file.css });
    offset = file.at + file.css.length;
  }
  leftover(text.length);
  return { layerOrder, parts };
}

/** The stylesheet to serve: index.css's layer order, then the parts named in `components`, in index.css's order and layers. */
export function designsystemetSubset(components: readonly string[] = DS_COMPONENTS, sheet = readDesignsystemet()): string {
  const missing = components.filter((name) => !sheet.parts.some((part) => part.name === name));
  if (missing.length > 0) throw new Error(`designsystemet-css: not in index.css: ${missing.join(', ')}`);
  let css = sheet.layerOrder;
  let open: string | null = null;
  for (const part of sheet.parts) {
    if (!part.name || !components.includes(part.name)) continue;
    // neighbours in the same layer share one block
    if (part.layer !== open) css += `${open ? '}' : ''}@layer ${part.layer}{`;
    open = part.layer;
    css += part.css;
  }
  return open ? `${css}}` : css;
}
