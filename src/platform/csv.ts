/**
 * CSV as this site writes it (RFC 4180, CRLF, formula cells guarded), for every domain's downloads.
 * Reading lives with the import (src/directory/intake/imports/pipeline/csv.ts).
 */
export interface CsvWriteOptions {
  delimiter: ',' | ';';
}

/**
 * A text cell a spreadsheet would run as a formula (=, +, -, @, tab, CR first) gets a leading
 * apostrophe, as OWASP advises for CSV exports; numbers are written as numbers.
 */
function guardFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

export function csvCell(value: string | number | boolean | null, options: CsvWriteOptions): string {
  if (value === null) return '';
  const text = typeof value === 'number'
    ? (options.delimiter === ';' ? String(value).replace('.', ',') : String(value))
    : typeof value === 'boolean' ? String(value) : guardFormula(value);
  const needsQuotes = text.includes(options.delimiter) || /["\r\n]/.test(text) || text !== text.trim();
  return needsQuotes ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One CSV line ending in CRLF, as RFC 4180 writes it. */
export function csvLine(values: (string | number | boolean | null)[], options: CsvWriteOptions): string {
  return `${values.map((v) => csvCell(v, options)).join(options.delimiter)}\r\n`;
}

/** UTF-8 byte order mark: without it spreadsheet programs show æ, ø and å as garbage. */
export const BOM = '\uFEFF';

