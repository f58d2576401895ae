import { parse, CsvError, type Options } from 'csv-parse';
import { parse as parseSync } from 'csv-parse/sync';
import { msg } from '../../../../platform/i18n/index.ts';

/**
 * CSV as spreadsheets and HSDS tabular data use it (RFC 4180), read by csv-parse: quoted fields may
 * hold the delimiter, quotes ("") and line breaks. Reading accepts a byte order mark, Excel's
 * "sep=;" line and comma, semicolon or tab as delimiter, and every common line end: LF, CR LF, a
 * lone CR, and CR CR LF (a CR LF file converted once more on its way), each one line.
 *
 * Line numbers are counted, not taken from the parser (which counts a CR LF inside quotes as two):
 * each record ends with one line end, and each line end inside a quoted value adds a line.
 */

export interface CsvRecord {
  /** 1-based line the record starts on (the header is line 1 unless a sep= line comes first) */
  line: number;
  values: Record<string, string>;
}

export interface CsvTable {
  header: string[];
  records: CsvRecord[];
  /** records with more or fewer cells than the header */
  ragged: { line: number; cells: number }[];
  /** the text is not CSV from this line on (an unclosed quote, say); what came before is read */
  broken?: { line: number; reason: string };
}

const LINE_END = /\r*\n|\r/g;
const breaksIn = (cells: string[]) => cells.reduce((n, cell) => n + (cell.match(LINE_END)?.length ?? 0), 0);

function optionsFor(delimiter: string): Options {
  return {
    delimiter, bom: true, relax_column_count: true, relax_quotes: true,
    // longest first, so CR CR LF is one line end and not a CR followed by an empty line
    record_delimiter: ['\r\r\n', '\r\n', '\n', '\r'],
  };
}

/** The sep= line (Excel's) and the delimiter: the one of , ; tab that splits the first line most. */
function prelude(start: string): { delimiter: string; skip: number } {
  const text = start.replace(/^\uFEFF/, '');
  const sep = /^sep=(.)(\r*\n|\r)/.exec(text);
  if (sep) return { delimiter: sep[1]!, skip: start.length - text.length + sep[0].length };
  const firstLine = text.slice(0, text.search(/\r|\n|$/));
  const delimiter = [',', ';', '\t'].map((d) => ({ d, n: firstLine.split(d).length })).sort((a, b) => b.n - a.n)[0]!.d;
  return { delimiter, skip: 0 };
}

/** Builds the table from records in order, counting lines as it goes. */
class Collector {
  readonly table: CsvTable = { header: [], records: [], ragged: [] };
  private line: number;
  private headerSeen = false;

  constructor(firstLine: number) {
    this.line = firstLine;
  }

  add(cells: string[]): void {
    const line = this.line;
    this.line += 1 + breaksIn(cells);
    if (cells.length === 1 && cells[0] === '') return; // an empty line
    if (!this.headerSeen) {
      this.headerSeen = true;
      this.table.header = cells.map((h) => h.trim());
      return;
    }
    const { header } = this.table;
    if (cells.length !== header.length) this.table.ragged.push({ line, cells: cells.length });
    this.table.records.push({ line, values: Object.fromEntries(header.map((name, i) => [name, cells[i] ?? ''])) });
  }

  /** csv-parse stopped: the record after the last one read is where the text breaks. */
  fail(error: unknown): void {
    if (!(error instanceof CsvError)) throw error;
    this.table.broken = { line: this.line, reason: msg.hsdsImport.tabular.notCsv };
  }
}

/** Reads a whole CSV text at once (tests and small files). */
export function parseCsv(input: string): CsvTable {
  const { delimiter, skip } = prelude(input.slice(0, 4096));
  const collector = new Collector(skip > 0 ? 2 : 1);
  try {
    for (const cells of parseSync(input.slice(skip), optionsFor(delimiter)) as string[][]) collector.add(cells);
  } catch (error) {
    collector.fail(error);
  }
  return collector.table;
}

/** Text is fed to the parser in pieces of this many characters, so the event loop gets turns. */
const PIECE = 1 << 16;

/** Reads a CSV text through csv-parse's stream, a piece at a time (the import's reader). */
export async function readCsv(input: string): Promise<CsvTable> {
  const { delimiter, skip } = prelude(input.slice(0, 4096));
  const collector = new Collector(skip > 0 ? 2 : 1);
  const parser = parse(optionsFor(delimiter));
  const done = (async () => {
    for await (const cells of parser) collector.add(cells as string[]);
  })().catch((error: unknown) => collector.fail(error));
  for (let i = skip; i < input.length; i += PIECE) {
    if (!parser.write(input.slice(i, i + PIECE))) await new Promise((resolve) => parser.once('drain', resolve));
  }
  parser.end();
  await done;
  return collector.table;
}
