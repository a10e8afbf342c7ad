export type ToCsvOptions = { header: readonly string[]; rows: Iterable<readonly (string | number | boolean | null | undefined)[]> };

/**
 * RFC 4180 CSV with a BOM and semicolons: Excel in Russian locales opens it correctly by double-click. Cells that
 * start like a formula are prefixed with an apostrophe so a crafted number or name cannot run in the admin's Excel.
 */
export function toCsv({ header, rows }: ToCsvOptions): string {
  const lines = [header.map(cell).join(';')];
  for (const row of rows) lines.push(row.map(cell).join(';'));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

function cell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[";\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
