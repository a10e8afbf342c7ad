export type CsvCellValue = string | number | boolean | null | undefined;

/**
 * Characters that make a spreadsheet read a cell as a formula (OWASP "CSV injection": = + - @, and tab / carriage
 * return, which some readers strip before looking at the next character).
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A plain number, optionally signed, with a dot or a comma before the decimals: a spreadsheet reads it as a value and
 * evaluates nothing, so it stays as it is. This keeps negative amounts (-12.50) sortable and E.164 phone numbers
 * (+79161234567) readable without a stray apostrophe; anything more (+7 916…, -1+2, =1) is guarded.
 */
const PLAIN_NUMBER = /^[+-]?\d+(?:[.,]\d+)?$/;

/**
 * Every separator a reader may pick (the file uses ";", but a comma- or tab-separated reader must not split a cell
 * and start a new one with "="), quotes and line breaks force quoting.
 */
const NEEDS_QUOTES = /[";,\t\r\n]/;

/**
 * One CSV cell, safe to open in Excel or LibreOffice: a cell that would start a formula gets a leading apostrophe
 * (shown as text, never run), and a cell with a separator, quote or line break is quoted (RFC 4180).
 */
export function encodeCsvCell(value: CsvCellValue): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (FORMULA_START.test(text) && !PLAIN_NUMBER.test(text)) text = `'${text}`;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
