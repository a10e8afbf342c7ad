import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../errors/app-error';
import { buildCarrierIndex, type CarrierIndex } from './build-carrier-index';
import { loadRegistryFile, type LoadedRegistry } from '../store';
import { findRangeHolder } from './find-range-holder';
import { parseRegistry } from './parse-registry';

const BUNDLED = path.resolve(import.meta.dirname, '../../../data/registry/DEF-9xx.csv');

let loaded: LoadedRegistry;
let index: CarrierIndex;

beforeAll(async () => {
  loaded = await loadRegistryFile(BUNDLED, { now: () => new Date('2026-11-25T00:00:00Z') });
  index = buildCarrierIndex(loaded.registry.ranges);
});

describe('the bundled registry', () => {
  it('loads all 16,629 rows without errors and describes its version', () => {
    // `wc -l` minus the header says 16,628: the last row has no trailing newline. The per-ИНН counts sum to 16,629.
    expect(loaded.registry.errors).toEqual([]);
    expect(loaded.registry.stats).toMatchObject({
      lines: 16_630,
      dataRows: 16_629,
      acceptedRows: 16_629,
      rejectedRows: 0,
      distinctInns: 73,
      distinctCodes: 83,
      totalCapacity: 694_490_763,
    });
    expect(loaded.version).toEqual({
      fileName: 'DEF-9xx.csv',
      sha256: '67925c521c00b4be6d655e9f695b44e825eaf4fe16e3f34f860d69b3f2aa2dd7',
      bytes: 3_126_609,
      encoding: 'utf-8',
      rows: 16_629,
      errors: 0,
      warnings: 0,
      loadedAt: '2026-11-25T00:00:00.000Z',
    });
    expect(index.size).toBe(16_629);
    expect(index.carriers).toHaveLength(87);
  });

  it.each([
    ['first and last row', '900', '0000000', '0061999', '7743895280', 'ООО "Т2 МОБАЙЛ"'],
    ['MTS Moscow', '915', '0000000', '4999999', '7740000076', 'ПАО "Мобильные ТелеСистемы"'],
    ['MTS Oryol', '915', '5000000', '5099999', '7740000076', 'ПАО "МТС"'],
    ['MegaFon', '926', '0000000', '9999999', '7812014560', 'ПАО "МЕГАФОН"'],
    ['Beeline', '903', '0000000', '0199999', '7713076301', 'ПАО "ВЫМПЕЛКОМ"'],
    ['a one-number block', '933', '7704444', '7704444', '7717647570', 'ООО "АСТРАН"'],
    ['the last row', '999', '9600000', '9999999', '7701725181', 'ООО "Скартел"'],
  ])('finds %s by its first and last number', (_label, def, from, to, inn, operator) => {
    for (const subscriber of [from, to]) {
      const match = findRangeHolder(index, `7${def}${subscriber}`);
      expect(match).toMatchObject({ inn, operator, range: { def, from, to }, source: 'registry' });
    }
  });

  it('reports region and ГАР territory as the registry writes them', () => {
    expect(findRangeHolder(index, '79000062500')).toEqual({
      inn: '7743895280',
      operator: 'ООО "Т2 МОБАЙЛ"',
      region: 'Ростовская обл.',
      territory: 'Ростовская область',
      range: { def: '900', from: '0062000', to: '0062999' },
      source: 'registry',
    });
  });

  it.each([
    ['just after an Express Mobile range, inside a gap', '79010220000'],
    ['just before the next range after that gap', '79010294599'],
    ['just before a one-number block', '79337704443'],
    ['just after a one-number block', '79337704445'],
    ['a DEF code with no ranges (907)', '79071234567'],
    ['a geographic number, not in the DEF file', '74951234567'],
    ['below the first range', '78999999999'],
  ])('returns null for %s', (_label, e164) => {
    expect(findRangeHolder(index, e164)).toBeNull();
  });

  it('finds the neighbours of a gap', () => {
    expect(findRangeHolder(index, '79010219999')?.inn).toBe('6163225548');
    expect(findRangeHolder(index, '79010294600')?.inn).toBe('9725152215');
  });

  it.each(['+79151234567', '89151234567', '9151234567', '7915123456a', '', '791512345678'])(
    'returns null for the non-canonical input %j instead of guessing',
    (input) => {
      expect(findRangeHolder(index, input)).toBeNull();
    },
  );

  it('returns frozen answers that callers cannot corrupt', () => {
    const match = findRangeHolder(index, '79151234567')!;
    expect(Object.isFrozen(match)).toBe(true);
    expect(Object.isFrozen(match.range)).toBe(true);
    expect(Object.isFrozen(index)).toBe(true);
  });
});

describe('buildCarrierIndex', () => {
  const header = 'АВС/ DEF;От;До;Емкость;Оператор;Регион;Территория ГАР;ИНН';

  it('sorts ranges given out of order', () => {
    const { ranges } = parseRegistry(
      [header, '916;0000000;0000099;100;B;R;T;2222222222', '915;0000000;0000099;100;A;R;T;1111111111'].join('\n'),
    );
    const unsorted = [...ranges].reverse();
    const built = buildCarrierIndex(unsorted);
    expect(findRangeHolder(built, '79150000050')?.inn).toBe('1111111111');
    expect(findRangeHolder(built, '79160000099')?.inn).toBe('2222222222');
    expect(findRangeHolder(built, '79160000100')).toBeNull();
  });

  it('refuses overlapping ranges with an AppError naming the lines', () => {
    const { ranges } = parseRegistry([header, '915;0000000;0000099;100;A;R;T;1111111111'].join('\n'));
    const overlapping = [...ranges, { ...ranges[0]!, from: '0000050', to: '0000150', line: 9 }];
    expect(() => buildCarrierIndex(overlapping)).toThrow(AppError);
    expect(() => buildCarrierIndex(overlapping)).toThrow(/line 9/);
  });

  it('handles an empty registry', () => {
    expect(findRangeHolder(buildCarrierIndex([]), '79151234567')).toBeNull();
  });
});

describe('loadRegistryFile', () => {
  it('throws a NOT_FOUND AppError for a missing file', async () => {
    await expect(loadRegistryFile(path.join(import.meta.dirname, 'no-such-registry.csv'))).rejects.toMatchObject({
      name: 'AppError',
      code: 'NOT_FOUND',
    });
  });
});
