/**
 * Reads the complete lines of an NDJSON answer that is still arriving. XMLHttpRequest hands over the whole text so far
 * on every progress event, and the last line may be cut mid-object, so only lines ending in "\n" are parsed; the
 * returned offset is where the next call starts (the cut line is read again once it is whole).
 */
export function readNdjsonLines(text: string, offset: number): { values: unknown[]; offset: number } {
  const values: unknown[] = [];
  let start = offset;
  for (let end = text.indexOf('\n', start); end >= 0; end = text.indexOf('\n', start)) {
    const line = text.slice(start, end).trim();
    start = end + 1;
    if (!line) continue;
    try {
      values.push(JSON.parse(line));
    } catch {
      // A line that is not JSON (a proxy's error page) is skipped; the caller reports a missing result instead.
    }
  }
  return { values, offset: start };
}

/** After the answer is complete: the lines above plus a last line without its "\n". */
export function readRemainingNdjson(text: string, offset: number): unknown[] {
  const { values, offset: end } = readNdjsonLines(text, offset);
  return end < text.length ? [...values, ...readNdjsonLines(`${text.slice(end)}\n`, 0).values] : values;
}
