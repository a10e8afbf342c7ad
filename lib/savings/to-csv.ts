import { encodeCsvCell, type CsvCellValue } from './encode-csv-cell';

export type ToCsvOptions = { header: readonly string[]; rows: Iterable<readonly CsvCellValue[]> };

/**
 * RFC 4180 CSV with a BOM and semicolons: Excel in Russian locales opens it correctly by double-click. Every cell,
 * header included, goes through the one encoder that neutralises formulas and quotes separators.
 */
export function toCsv({ header, rows }: ToCsvOptions): string {
  const lines = [header.map(encodeCsvCell).join(';')];
  for (const row of rows) lines.push(row.map(encodeCsvCell).join(';'));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
