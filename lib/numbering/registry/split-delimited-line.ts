/**
 * Splits one line of a `;`- or `,`-separated file.
 *
 * Hand-written on purpose rather than a CSV library: the registry and the MNP files are one record
 * per line (checked on the April 2026 registry: 16,630 physical lines, 16,630 records of exactly 8
 * fields, no field starting with a quote), and the registry's operator names contain *bare* quotes in
 * the middle of unquoted fields (`ООО "Т2 МОБАЙЛ"`), which strict RFC 4180 parsers reject unless
 * told to relax. Supporting that plus proper quoted fields ("a;b", "say ""hi""") is ~30 lines here,
 * with no dependency to keep current and no per-row error-handling adapter.
 */
export type SplitLineResult =
  | { readonly ok: true; readonly fields: string[] }
  | { readonly ok: false; readonly message: string };

export function splitDelimitedLine(line: string, delimiter: ';' | ','): SplitLineResult {
  // Fast path: no quoted field anywhere (every registry row).
  if (!line.startsWith('"') && !line.includes(`${delimiter}"`)) return { ok: true, fields: line.split(delimiter) };

  const fields: string[] = [];
  let position = 0;
  while (position <= line.length) {
    if (line[position] !== '"') {
      const end = line.indexOf(delimiter, position);
      const stop = end === -1 ? line.length : end;
      fields.push(line.slice(position, stop));
      position = stop + 1;
      continue;
    }
    // Quoted field: runs to the next quote that is not doubled.
    let value = '';
    let cursor = position + 1;
    for (;;) {
      const quote = line.indexOf('"', cursor);
      if (quote === -1) return { ok: false, message: `unterminated quoted field starting at column ${position + 1}` };
      value += line.slice(cursor, quote);
      if (line[quote + 1] === '"') {
        value += '"';
        cursor = quote + 2;
        continue;
      }
      cursor = quote + 1;
      break;
    }
    if (cursor < line.length && line[cursor] !== delimiter) {
      return { ok: false, message: `unexpected text after the closing quote at column ${cursor + 1}` };
    }
    fields.push(value);
    position = cursor + 1;
  }
  return { ok: true, fields };
}
