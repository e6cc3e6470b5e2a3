export type CsvValue = string | number | boolean | null | undefined;

/** A byte order mark first, so Excel reads the file as UTF-8 (Chinese names) rather than the ANSI code page. */
export const CSV_BOM = '\uFEFF';

/**
 * Characters that make a spreadsheet treat a cell as a formula (or, for tab and CR, let one hide
 * behind whitespace): OWASP "CSV Injection".
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/** Characters that force a field into quotes (RFC 4180 section 2.6). */
const NEEDS_QUOTES = /[",\r\n]/;

/**
 * One CSV field. Strings starting with `=`, `+`, `-`, `@`, tab or carriage return get a leading `'`
 * so that Excel or LibreOffice show them as text instead of running them as a formula (OWASP CSV
 * injection); then a field containing a comma, a double quote, CR or LF is enclosed in double quotes
 * with its quotes doubled (RFC 4180). Numbers are written as numbers (`-3.5` stays a negative
 * number; NaN and infinities are empty), booleans as `true` / `false`, null and undefined as empty.
 */
export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * A CSV file (RFC 4180): fields by `csvCell`, separated by commas, every record ended by CRLF, the
 * whole preceded by one UTF-8 byte order mark. No rows: just the mark.
 */
export function toCsv(rows: readonly (readonly CsvValue[])[]): string {
  return CSV_BOM + rows.map((row) => row.map(csvCell).join(',') + '\r\n').join('');
}
