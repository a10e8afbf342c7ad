import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CarrierIndex } from '../registry';
import { lookupCarrier } from './carrier-lookup';
import { getBundledRegistryIndex } from '../store';

// The oracle is the file itself, read with a plain split (not our parser), so a parser bug cannot hide an index bug.
const rows = readFileSync('data/registry/DEF-9xx.csv', 'utf8')
  .replace(/^\uFEFF/, '')
  .split(/\r?\n/)
  .slice(1)
  .filter((line) => line.trim() !== '')
  .map((line) => {
    const [code, from, to, , , , , inn] = line.split(';');
    return { code: code!, from: Number(from), to: Number(to), inn: inn!.trim() };
  });
const e164 = (code: string, subscriber: number) => `7${code}${String(subscriber).padStart(7, '0')}`;

let index: CarrierIndex;
beforeAll(async () => {
  index = await getBundledRegistryIndex();
});

describe('the bundled DEF-9xx.csv, every row', () => {
  it('has the 16,629 rows the index was built from', () => {
    expect(rows).toHaveLength(16_629);
  });

  it("maps each row's first, middle and last number to that row's ИНН", () => {
    const wrong: string[] = [];
    for (const row of rows) {
      for (const subscriber of [row.from, Math.floor((row.from + row.to) / 2), row.to]) {
        const found = lookupCarrier(e164(row.code, subscriber), { index });
        if (found.carrier?.inn !== row.inn || found.source !== 'registry')
          wrong.push(
            `${e164(row.code, subscriber)} → ${found.carrier?.inn ?? found.reason?.code}, expected ${row.inn}`,
          );
      }
    }
    expect(wrong.slice(0, 10)).toEqual([]);
  });

  it('answers unknown for the numbers just outside every range that no other range covers', () => {
    const covered = (code: string, subscriber: number) =>
      rows.some((r) => r.code === code && r.from <= subscriber && subscriber <= r.to);
    const byCode = new Map<string, typeof rows>();
    for (const row of rows) byCode.set(row.code, [...(byCode.get(row.code) ?? []), row]);
    const outside: string[] = [];
    for (const [code, list] of byCode) {
      for (const row of list) {
        for (const subscriber of [row.from - 1, row.to + 1]) {
          if (subscriber < 0 || subscriber > 9_999_999) continue;
          if (!list.some((r) => r.from <= subscriber && subscriber <= r.to) && !covered(code, subscriber))
            outside.push(e164(code, subscriber));
        }
      }
    }
    for (let code = 900; code <= 999; code += 1)
      if (!byCode.has(String(code))) outside.push(e164(String(code), 1_234_567));
    expect(outside.length).toBeGreaterThan(100);
    const answered = outside.filter((number) => lookupCarrier(number, { index }).source !== 'unknown');
    expect(answered).toEqual([]);
  });
});
