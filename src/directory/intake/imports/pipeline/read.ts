import { createReadStream } from 'node:fs';
import { readFile, readdir, stat } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { dirname, join, relative, resolve } from 'node:path';
import { parseCsv } from './csv.ts';
import { Dataset } from '../../../hsds/dataset.ts';
import { detectKind, flattenObject, MAX_NESTING } from '../../../hsds/flatten.ts';
import { addTabularRows, tableOfFile } from '../../../hsds/tabular.ts';
import { isTemplate, addTemplateRows, type TemplateLookup } from './template.ts';
import { nb } from '../../../../platform/i18n/nb.ts';
import { FETCH_TIMEOUT_SECONDS, httpFailure, readable, UnreadableSource } from './unreadable.ts';

/** Where an import reads from: a file, a folder of tabular CSV files, or an http(s) URL. */
interface Source {
  name: string;
  text(): Promise<string>;
  sibling(path: string): Source;
}

const isUrl = (ref: string) => /^https?:\/\//i.test(ref);

export function sourceOf(ref: string): Source {
  if (isUrl(ref)) {
    return {
      name: ref,
      text: async () => {
        const response = await readable(ref, fetch(ref, { redirect: 'follow', signal: AbortSignal.timeout(FETCH_TIMEOUT_SECONDS * 1000) }));
        if (!response.ok) throw httpFailure(ref, response.status);
        return readable(ref, response.text());
      },
      sibling: (path) => sourceOf(new URL(path, ref).toString()),
    };
  }
  const file = resolve(ref);
  return { name: ref, text: () => readable(ref, readFile(file, 'utf8')), sibling: (path) => sourceOf(join(dirname(file), path)) };
}

function addJson(dataset: Dataset, value: unknown, path: string, depth = 0): void {
  if (depth > MAX_NESTING) {
    dataset.problems.push({ where: path || nb.hsdsImport.where.document, message: nb.hsdsImport.json.tooDeep(MAX_NESTING) });
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((item, i) => addJson(dataset, item, `${path}[${i}]`, depth + 1));
    return;
  }
  if (typeof value !== 'object' || value === null) {
    dataset.problems.push({ where: path || nb.hsdsImport.where.document, message: nb.hsdsImport.json.notAnObject });
    return;
  }
  const object = value as Record<string, unknown>;
  const kind = detectKind(object);
  if (kind === 'page') return addJson(dataset, object.contents, path ? `${path}.contents` : 'contents', depth + 1);
  if (kind === 'api-info') {
    dataset.problems.push({ where: path || nb.hsdsImport.where.document, message: nb.hsdsImport.json.apiInfo });
    return;
  }
  if (kind === 'tabular') {
    for (const [file, rows] of Object.entries(object)) {
      if (Array.isArray(rows)) addTabularRows(dataset, file, rows.map((row, i) => ({ where: `${file}[${i}]`, values: row as Record<string, unknown> })));
    }
    return;
  }
  if (kind === null) {
    dataset.problems.push({ where: path || nb.hsdsImport.where.document, message: nb.hsdsImport.json.unknownObject });
    return;
  }
  flattenObject(dataset, kind, object, path || kind, undefined, depth);
}

async function addDatapackage(dataset: Dataset, source: Source): Promise<void> {
  const text = await source.text();
  let resources: { path?: unknown; name?: unknown }[] = [];
  try {
    const parsed = JSON.parse(text) as { resources?: unknown };
    if (Array.isArray(parsed.resources)) resources = parsed.resources as typeof resources;
  } catch {
    dataset.problems.push({ where: source.name, message: nb.hsdsImport.tabular.datapackageInvalid });
    return;
  }
  if (resources.length === 0) dataset.problems.push({ where: source.name, message: nb.hsdsImport.tabular.noResources });
  for (const resource of resources) {
    if (typeof resource.path !== 'string') continue;
    if (resource.path.includes('..') || resource.path.startsWith('/')) {
      dataset.problems.push({ where: source.name, message: nb.hsdsImport.tabular.outsidePackage(resource.path) });
      continue;
    }
    // a missing resource is one problem among the others, not the end of the whole report
    await addCsvTable(dataset, source.sibling(resource.path), resource.path).catch((error: unknown) => {
      if (!(error instanceof UnreadableSource)) throw error;
      dataset.problems.push({ where: source.name, message: error.message });
    });
  }
}

async function addCsvTable(dataset: Dataset, source: Source, file: string, lookup?: TemplateLookup): Promise<void> {
  const table = parseCsv(await source.text());
  for (const { line, cells } of table.ragged) {
    dataset.problems.push({ where: nb.hsdsImport.where.fileLine(file, line), message: nb.hsdsImport.tabular.ragged(cells, table.header.length) });
  }
  if (lookup && isTemplate(table.header)) return addTemplateRows(dataset, table, file, lookup);
  addTabularRows(dataset, file, table.records.map((r) => ({ where: nb.hsdsImport.where.fileLine(file, r.line), values: r.values })));
}

/**
 * Reads any supported import into a Dataset: HSDS JSON (one object, a list, a page), ndjson
 * (one object a line), tabular JSON, tabular CSV (a datapackage.json, a folder or one file) and
 * our own CSV template.
 */
export async function readDataset(ref: string, lookup: TemplateLookup): Promise<Dataset> {
  const dataset = new Dataset();
  if (!isUrl(ref) && (await readable(ref, stat(ref))).isDirectory()) {
    const files = await readdir(ref);
    if (files.includes('datapackage.json')) return readDataset(join(ref, 'datapackage.json'), lookup);
    for (const file of files.filter((f) => tableOfFile(f) !== null).sort()) await addCsvTable(dataset, sourceOf(join(ref, file)), relative(ref, join(ref, file)));
    return dataset;
  }
  const source = sourceOf(ref);
  const name = ref.split(/[?#]/)[0]!.split('/').pop()!;
  if (name === 'datapackage.json') await addDatapackage(dataset, source);
  else if (/\.csv$/i.test(name)) await addCsvTable(dataset, source, name, lookup);
  else if (!isUrl(ref) && (/\.(ndjson|jsonl)$/i.test(name) || (await stat(ref)).size > STREAM_ABOVE)) await addNdjsonFile(dataset, ref);
  else addJsonText(dataset, await source.text());
  return dataset;
}

/** Files this large are read line by line: one JavaScript string cannot hold much more. */
const STREAM_ABOVE = 200_000_000;

async function addNdjsonFile(dataset: Dataset, file: string): Promise<void> {
  let number = 0;
  for await (const line of createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity })) addJsonLine(dataset, line, ++number);
}

function addJsonLine(dataset: Dataset, line: string, number: number): void {
  if (line.trim() === '') return;
  let parsed: unknown;
  try {
    parsed = JSON.parse(line);
  } catch (error) {
    // JSON.parse itself gives up on nesting deep enough to fill its stack
    const message = error instanceof RangeError ? nb.hsdsImport.json.tooDeep(MAX_NESTING) : nb.hsdsImport.json.invalid;
    dataset.problems.push({ where: nb.hsdsImport.where.line(number), message });
    return;
  }
  addJson(dataset, parsed, nb.hsdsImport.where.line(number));
}

/** JSON first; a text that is not one JSON document is read as ndjson, one object a line. */
export function addJsonText(dataset: Dataset, text: string): void {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    if (error instanceof RangeError) {
      dataset.problems.push({ where: nb.hsdsImport.where.document, message: nb.hsdsImport.json.tooDeep(MAX_NESTING) });
      return;
    }
    if (!(error instanceof SyntaxError)) throw error;
    text.split(/\r?\n/).forEach((line, i) => addJsonLine(dataset, line, i + 1));
    return;
  }
  addJson(dataset, parsed, '');
}
