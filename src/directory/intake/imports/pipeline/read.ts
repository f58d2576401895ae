import { createReadStream } from 'node:fs';
import { readFile, readdir, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { readCsv } from './csv.ts';
import { Dataset } from '../../../hsds/dataset.ts';
import { detectKind, flattenObject, MAX_NESTING } from '../../../hsds/flatten.ts';
import { addTabularRows, tableOfFile } from '../../../hsds/tabular.ts';
import { isTemplate, addTemplateRows, type TemplateLookup } from './template.ts';
import { msg } from '../../../../platform/i18n/index.ts';
import { FETCH_TIMEOUT_SECONDS, httpFailure, readable, UnreadableSource } from './unreadable.ts';
import { ZIP_LIMITS, unzipFiles } from './zip.ts';

/** The command line takes larger packages than the page (whose upload is 25 MB). */
const CLI_ZIP_LIMITS = { ...ZIP_LIMITS, entryBytes: 200 * 1024 * 1024, totalBytes: 400 * 1024 * 1024 };

/**
 * What an import reads: files as readers of {name, text}. An upload is its files in memory; the
 * command line gives a path or an address, which sourcesOf turns into the same shape. `sibling`
 * finds a file a datapackage.json names that is not among the files (next to a file on disk or at
 * an address); `lines` streams a large file on disk one line at a time.
 */
export interface ImportFile {
  name: string;
  /** another page of the same listing (an HSDS API address with page=), for a paged answer */
  page?(number: number): ImportFile;
  text(): Promise<string>;
  /** bytes, when known before reading */
  size?: number;
  lines?(): AsyncIterable<string>;
}
export interface ImportInput {
  /** what the report calls the input: a path, an address or the uploaded files' names */
  name: string;
  files: ImportFile[];
  sibling?(path: string): ImportFile;
}

const isUrl = (ref: string) => /^https?:\/\//i.test(ref);
const baseName = (ref: string) => ref.split(/[?#]/)[0]!.split('/').pop()!;

function fileAt(ref: string): ImportFile & { sibling(path: string): ImportFile } {
  if (isUrl(ref)) {
    return {
      name: ref,
      text: async () => {
        const response = await readable(ref, fetch(ref, { redirect: 'follow', signal: AbortSignal.timeout(FETCH_TIMEOUT_SECONDS * 1000) }));
        if (!response.ok) throw httpFailure(ref, response.status);
        return readable(ref, response.text());
      },
      sibling: (path) => fileAt(new URL(path, ref).toString()),
      page: (number) => {
        const url = new URL(ref);
        url.searchParams.set('page', String(number));
        return fileAt(url.toString());
      },
    };
  }
  const file = resolve(ref);
  return {
    name: ref,
    text: () => readable(ref, readFile(file, 'utf8')),
    lines: () => fileLines(file),
    sibling: (path) => fileAt(join(dirname(file), path)),
  };
}

/**
 * The lines of a file on disk, each ended by LF, CR LF or a lone CR as readline ends them, read in
 * 1 MB pieces: readline's own work per line took 0.6 s of reading a 279 MB ndjson file of 20,000
 * services, this about a tenth of that. A line longer than a piece is joined from its parts once.
 */
async function* fileLines(path: string): AsyncGenerator<string> {
  let parts: string[] = [];
  let afterCr = false;
  for await (const chunk of createReadStream(path, { encoding: 'utf8', highWaterMark: 1 << 20 }) as AsyncIterable<string>) {
    // a CR that ended the last piece and an LF that starts this one are one line end
    let start = afterCr && chunk.startsWith('\n') ? 1 : 0;
    const ends = /\r\n?|\n/g;
    ends.lastIndex = start;
    for (let end = ends.exec(chunk); end !== null; end = ends.exec(chunk)) {
      parts.push(chunk.slice(start, end.index));
      yield parts.join('');
      parts = [];
      start = end.index + end[0].length;
    }
    afterCr = chunk.endsWith('\r');
    if (start < chunk.length) parts.push(chunk.slice(start));
  }
  if (parts.length > 0) yield parts.join('');
}

/** A path (a file or a folder) or an http(s) address as files to read. */
export async function sourcesOf(ref: string): Promise<ImportInput> {
  if (isUrl(ref)) {
    const file = fileAt(ref);
    return { name: ref, files: [file], sibling: file.sibling };
  }
  const info = await readable(ref, stat(ref));
  if (info.isFile() && /\.zip$/i.test(ref)) {
    const unzipped = unzipFiles(ref, await readable(ref, readFile(ref)), CLI_ZIP_LIMITS);
    if ('error' in unzipped) throw new UnreadableSource(unzipped.error);
    return { name: ref, files: unzipped.files.map((f) => ({ name: f.name, size: f.text.length, text: async () => f.text })) };
  }
  if (info.isDirectory()) {
    const names = (await readdir(ref)).sort();
    return { name: ref, files: names.map((name) => fileAt(join(ref, name))), sibling: (path) => fileAt(join(ref, path)) };
  }
  const file = fileAt(ref);
  return { name: ref, files: [{ ...file, size: info.size }], sibling: file.sibling };
}

function addJson(dataset: Dataset, value: unknown, path: string, depth = 0): void {
  if (depth > MAX_NESTING) {
    dataset.problems.push({ where: path || msg.hsdsImport.where.document, message: msg.hsdsImport.json.tooDeep(MAX_NESTING) });
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((item, i) => addJson(dataset, item, `${path}[${i}]`, depth + 1));
    return;
  }
  if (typeof value !== 'object' || value === null) {
    dataset.problems.push({ where: path || msg.hsdsImport.where.document, message: msg.hsdsImport.json.notAnObject });
    return;
  }
  const object = value as Record<string, unknown>;
  const kind = detectKind(object);
  if (kind === 'page') return addJson(dataset, object.contents, path ? `${path}.contents` : 'contents', depth + 1);
  if (kind === 'api-info') {
    dataset.problems.push({ where: path || msg.hsdsImport.where.document, message: msg.hsdsImport.json.apiInfo });
    return;
  }
  if (kind === 'tabular') {
    for (const [file, rows] of Object.entries(object)) {
      if (Array.isArray(rows)) addTabularRows(dataset, file, rows.map((row, i) => ({ where: `${file}[${i}]`, values: row as Record<string, unknown> })));
    }
    return;
  }
  if (kind === null) {
    dataset.problems.push({ where: path || msg.hsdsImport.where.document, message: msg.hsdsImport.json.unknownObject });
    return;
  }
  flattenObject(dataset, kind, object, path || kind, undefined, depth);
}

async function addDatapackage(dataset: Dataset, source: ImportFile, input: ImportInput): Promise<void> {
  const text = await source.text();
  let resources: { path?: unknown; name?: unknown }[] = [];
  try {
    const parsed = JSON.parse(text) as { resources?: unknown };
    if (Array.isArray(parsed.resources)) resources = parsed.resources as typeof resources;
  } catch {
    dataset.problems.push({ where: source.name, message: msg.hsdsImport.tabular.datapackageInvalid });
    return;
  }
  if (resources.length === 0) dataset.problems.push({ where: source.name, message: msg.hsdsImport.tabular.noResources });
  for (const resource of resources) {
    if (typeof resource.path !== 'string') continue;
    if (resource.path.includes('..') || resource.path.startsWith('/')) {
      dataset.problems.push({ where: source.name, message: msg.hsdsImport.tabular.outsidePackage(resource.path) });
      continue;
    }
    const path = resource.path;
    const file = input.files.find((f) => baseName(f.name) === path || f.name.endsWith(`/${path}`)) ?? input.sibling?.(path);
    if (!file) {
      dataset.problems.push({ where: source.name, message: msg.hsdsImport.read.notFound(path) });
      continue;
    }
    // a missing resource is one problem among the others, not the end of the whole report
    await addCsvTable(dataset, file, path).catch((error: unknown) => {
      if (!(error instanceof UnreadableSource)) throw error;
      dataset.problems.push({ where: source.name, message: error.message });
    });
  }
}

async function addCsvTable(dataset: Dataset, source: ImportFile, file: string, lookup?: TemplateLookup): Promise<void> {
  const table = await readCsv(await source.text());
  if (table.broken) dataset.problems.push({ where: msg.hsdsImport.where.fileLine(file, table.broken.line), message: table.broken.reason });
  for (const { line, cells } of table.ragged) {
    dataset.problems.push({ where: msg.hsdsImport.where.fileLine(file, line), message: msg.hsdsImport.tabular.ragged(cells, table.header.length) });
  }
  if (lookup && isTemplate(table.header)) return addTemplateRows(dataset, table, file, lookup);
  addTabularRows(dataset, file, table.records.map((r) => ({ where: msg.hsdsImport.where.fileLine(file, r.line), values: r.values })));
}

/**
 * Reads any supported import into a Dataset: HSDS JSON (one object, a list, a page), ndjson
 * (one object a line), tabular JSON, tabular CSV (a datapackage.json, several table files or one)
 * and our own CSV template.
 */
export async function readDataset(input: ImportInput, lookup: TemplateLookup): Promise<Dataset> {
  const dataset = new Dataset();
  const datapackage = input.files.find((f) => baseName(f.name) === 'datapackage.json');
  if (datapackage) {
    await addDatapackage(dataset, datapackage, input);
    return dataset;
  }
  if (input.files.length !== 1) {
    // several files: the HSDS tables among them, by file name
    for (const file of input.files.filter((f) => tableOfFile(baseName(f.name)) !== null)) await addCsvTable(dataset, file, baseName(file.name));
    return dataset;
  }
  const file = input.files[0]!;
  const name = baseName(file.name);
  if (/\.csv$/i.test(name)) await addCsvTable(dataset, file, name, lookup);
  else if (file.lines && (/\.(ndjson|jsonl)$/i.test(name) || (file.size ?? 0) > STREAM_ABOVE)) await addNdjsonLines(dataset, file.lines());
  else if (file.page) await addJsonPages(dataset, { ...file, page: file.page }, await file.text());
  else addJsonText(dataset, await file.text());
  return dataset;
}

/** The most pages an import follows from an address (500 services a page at most on our own API: 100,000 services). */
export const MAX_PAGES = 200;

/**
 * An address that answers with one page of an HSDS listing (/hsds/services?full=true): every page
 * is read, page= set in turn, up to MAX_PAGES; a listing with more is refused with the reason, and
 * so is one whose pages do not follow on (a page that is not the one asked for).
 */
async function addJsonPages(dataset: Dataset, file: ImportFile & { page(n: number): ImportFile }, text: string): Promise<void> {
  let first: unknown;
  try {
    first = JSON.parse(text);
  } catch {
    return addJsonText(dataset, text);
  }
  const pages = pageInfo(first);
  if (!pages || pages.total <= pages.number) return addJson(dataset, first, '');
  if (pages.total > MAX_PAGES) {
    dataset.problems.push({ where: file.name, message: msg.hsdsImport.read.tooManyPages(pages.total, MAX_PAGES) });
    return;
  }
  addJson(dataset, first, msg.hsdsImport.where.page(pages.number));
  for (let number = pages.number + 1; number <= pages.total; number++) {
    const next = file.page(number);
    let parsed: unknown;
    try {
      parsed = JSON.parse(await next.text());
    } catch {
      dataset.problems.push({ where: next.name, message: msg.hsdsImport.json.invalid });
      return;
    }
    if (pageInfo(parsed)?.number !== number) {
      dataset.problems.push({ where: next.name, message: msg.hsdsImport.read.pageMismatch(number) });
      return;
    }
    addJson(dataset, parsed, msg.hsdsImport.where.page(number));
  }
}

/** An HSDS Page object's page number and page count, or null for anything else. */
function pageInfo(value: unknown): { number: number; total: number } | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const page = value as Record<string, unknown>;
  if (!Array.isArray(page.contents) || typeof page.total_pages !== 'number' || typeof page.page_number !== 'number') return null;
  return { number: page.page_number, total: page.total_pages };
}

/** Files this large are read line by line: one JavaScript string cannot hold much more. */
const STREAM_ABOVE = 200_000_000;

async function addNdjsonLines(dataset: Dataset, lines: AsyncIterable<string>): Promise<void> {
  let number = 0;
  for await (const line of lines) addJsonLine(dataset, line, ++number);
}

function addJsonLine(dataset: Dataset, line: string, number: number): void {
  if (line.trim() === '') return;
  let parsed: unknown;
  try {
    parsed = JSON.parse(line);
  } catch (error) {
    // JSON.parse itself gives up on nesting deep enough to fill its stack
    const message = error instanceof RangeError ? msg.hsdsImport.json.tooDeep(MAX_NESTING) : msg.hsdsImport.json.invalid;
    dataset.problems.push({ where: msg.hsdsImport.where.line(number), message });
    return;
  }
  addJson(dataset, parsed, msg.hsdsImport.where.line(number));
}

/** JSON first; a text that is not one JSON document is read as ndjson, one object a line. */
export function addJsonText(dataset: Dataset, text: string): void {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    if (error instanceof RangeError) {
      dataset.problems.push({ where: msg.hsdsImport.where.document, message: msg.hsdsImport.json.tooDeep(MAX_NESTING) });
      return;
    }
    if (!(error instanceof SyntaxError)) throw error;
    text.split(/\r?\n/).forEach((line, i) => addJsonLine(dataset, line, i + 1));
    return;
  }
  addJson(dataset, parsed, '');
}
