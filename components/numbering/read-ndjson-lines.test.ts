import { describe, expect, it } from 'vitest';
import { readNdjsonLines, readRemainingNdjson } from './read-ndjson-lines';

describe('readNdjsonLines', () => {
  it('parses whole lines only and resumes at the cut one', () => {
    const first = '{"progress":{"rows":1}}\n{"progress":{"ro';
    const a = readNdjsonLines(first, 0);
    expect(a.values).toEqual([{ progress: { rows: 1 } }]);
    const b = readNdjsonLines(`${first}ws":2}}\n{"done":{"outcome":"activated"}}\n`, a.offset);
    expect(b.values).toEqual([{ progress: { rows: 2 } }, { done: { outcome: 'activated' } }]);
  });

  it('skips blank and non-JSON lines', () => {
    expect(readNdjsonLines('\n<html>\n{"a":1}\n', 0).values).toEqual([{ a: 1 }]);
  });

  it('reads a last line without a newline once the answer is complete', () => {
    expect(readRemainingNdjson('{"a":1}\n{"done":{}}', 0)).toEqual([{ a: 1 }, { done: {} }]);
    expect(readRemainingNdjson('{"a":1}\n', 8)).toEqual([]);
  });
});
