import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_KEPT_ISSUES } from './kept-issues';
import { parseRegistry } from './parse-registry';
import { parseRegistryStream } from './parse-registry-stream';

const BUNDLED = path.resolve(import.meta.dirname, '../../../data/registry/DEF-9xx.csv');
const REAL_LINES = readFileSync(BUNDLED, 'utf8').split('\n');
const HEADER = REAL_LINES[0]!;

describe('a registry parse with many bad rows', () => {
  it(`keeps the first ${MAX_KEPT_ISSUES} issues and counts all of them`, () => {
    const good = REAL_LINES.slice(1, 4_001);
    const bad = Array.from({ length: 2_500 }, (_, i) => `999;${i};x;1;Оператор;Регион;;7700000000`);
    const parsed = parseRegistry([HEADER, ...good, ...bad].join('\n'));
    expect(parsed.ranges).toHaveLength(4_000);
    expect(parsed.errors).toHaveLength(MAX_KEPT_ISSUES);
    expect(parsed.errors[0]!.line).toBe(4_002);
    expect(parsed.stats).toMatchObject({ dataRows: 6_500, rejectedRows: 2_500 });
    expect(parsed.stats.issueCount).toBeGreaterThanOrEqual(2_500);
  });

  it('stops reading a file whose rows are mostly bad, saying so in both languages', async () => {
    let pulled = 0;
    async function* junk(): AsyncIterable<Uint8Array> {
      yield new TextEncoder().encode(`${HEADER}\n`);
      for (let i = 0; i < 100_000; i += 1) {
        pulled += 1;
        yield new TextEncoder().encode(`900;junk ${i};;;;;;\n`);
      }
    }
    await expect(parseRegistryStream(junk())).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: expect.stringMatching(
        /Из первых 1024 строк .* \/ 1024 of the first 1024 rows are bad, the first on line 2/,
      ),
    });
    expect(pulled).toBeLessThan(2_000);
  });
});
