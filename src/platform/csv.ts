import type { FastifyReply } from 'fastify';
import { stringify, type Options } from 'csv-stringify/sync';

/**
 * CSV as this site writes it, for every domain's downloads: RFC 4180 through csv-stringify, CRLF,
 * formula cells guarded. Large files are written in pieces (csvRows per batch of rows), so a
 * download streams and the event loop gets its turn between pieces. A download of rows in memory is
 * one call, sendCsvFile; a download kept on disk (the finder's, through the export cache) names its
 * headers with CSV_TYPE and csvAttachment.
 * Reading lives with the import (src/directory/intake/imports/pipeline/csv.ts).
 */
export interface CsvWriteOptions {
  /** ';' is for Norwegian spreadsheets: semicolons between columns and decimal commas */
  delimiter: ',' | ';';
}

export type CsvValue = string | number | boolean | null;

/**
 * A text cell a spreadsheet would run as a formula (=, +, -, @, tab, CR first) gets a leading
 * apostrophe, as OWASP advises for CSV exports; numbers are written as numbers.
 */
function guardFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

function stringifyOptions({ delimiter }: CsvWriteOptions): Options {
  return {
    delimiter,
    record_delimiter: 'windows',
    // csv-stringify quotes delimiters, quotes and line breaks; a space at either end is quoted too, so no program trims it
    quoted_match: /^\s|\s$|[\r\n]/,
    cast: {
      boolean: (value) => String(value),
      number: (value) => (delimiter === ';' ? String(value).replace('.', ',') : String(value)),
      string: guardFormula,
    },
  };
}

/** Rows of CSV, each ending in CRLF. */
export function csvRows(rows: CsvValue[][], options: CsvWriteOptions): string {
  return rows.length === 0 ? '' : stringify(rows, stringifyOptions(options));
}

/** One CSV line ending in CRLF, as RFC 4180 writes it. */
export function csvLine(values: CsvValue[], options: CsvWriteOptions): string {
  return csvRows([values], options);
}

/** One cell as it appears in a line. */
export function csvCell(value: CsvValue, options: CsvWriteOptions): string {
  return csvLine([value], options).slice(0, -2);
}

/** UTF-8 byte order mark: without it spreadsheet programs show æ, ø and å as garbage. */
export const BOM = '\uFEFF';

/** The content type of every CSV download. */
export const CSV_TYPE = 'text/csv; charset=utf-8';

/** The content-disposition of a CSV download saved as `filename` (ASCII, no quotes). */
export const csvAttachment = (filename: string): string => `attachment; filename="${filename}"`;

/** A whole CSV file: the byte order mark, then `rows` (the header first). */
export function csvFile(rows: CsvValue[][], options: CsvWriteOptions): string {
  return BOM + csvRows(rows, options);
}

/** Answers with `rows` (the header first) as a CSV file to save as `filename`. */
export function sendCsvFile(reply: FastifyReply, filename: string, rows: CsvValue[][], options: CsvWriteOptions): FastifyReply {
  return reply.type(CSV_TYPE).header('content-disposition', csvAttachment(filename)).send(csvFile(rows, options));
}
