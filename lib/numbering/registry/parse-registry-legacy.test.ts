import { describe, expect, it } from 'vitest';
import { parseRegistry } from './parse-registry';

const LEGACY_HEADER = 'АВС/ DEF;От;До;Емкость;Оператор;Регион';

/** Rows as the 2020-08 six-column DEF-9xx.csv has them (the last one is made up: same spelling, other range). */
const LEGACY_ROWS = [
  '900;3350000;3359999;10000;ПАО "Вымпел-Коммуникации";Чукотский АО',
  '900;4550000;4649999;100000;АО "Теле2-Санкт-Петербург";Республика Карелия',
  '900;4650000;4650999;1000;ООО "Газпром телеком";г. Москва и Московская область',
  '900;6200000;6599999;400000;АО "Теле2-Санкт-Петербург";г. Санкт-Петербург * Ленинградская область',
  '901;0135700;0135799;100;ООО "Т2 Мобайл";Корякский округ|Камчатский край',
  '901;1520000;1529999;10000;ПАО "Мобильные ТелеСистемы";Республика Башкортостан',
  '901;2340000;2349999;10000;ООО "Лайкамобайл";г. Москва * Московская область',
  '902;0000000;0009999;10000;ООО "Тинькофф Мобайл";-',
];

function legacy(...rows: string[]): string {
  return [LEGACY_HEADER, ...rows].join('\n');
}

describe('parseRegistry on the old six-column format', () => {
  it('resolves operator names to ИНН, renames included, with the territory left empty', () => {
    const { format, ranges, stats } = parseRegistry(legacy(...LEGACY_ROWS));
    expect(format).toBe('legacy');
    expect(ranges.map((range) => [range.line, range.operator, range.inn])).toEqual([
      [2, 'ПАО "Вымпел-Коммуникации"', '7713076301'],
      [3, 'АО "Теле2-Санкт-Петербург"', 'name:теле2 санкт петербург'],
      [4, 'ООО "Газпром телеком"', '7740000020'],
      [5, 'АО "Теле2-Санкт-Петербург"', 'name:теле2 санкт петербург'],
      [6, 'ООО "Т2 Мобайл"', '7743895280'],
      [7, 'ПАО "Мобильные ТелеСистемы"', '7740000076'],
      [8, 'ООО "Лайкамобайл"', 'name:лайкамобайл'],
      [9, 'ООО "Тинькофф Мобайл"', '7743200179'],
    ]);
    expect(ranges.every((range) => range.territory === '')).toBe(true);
    expect(stats).toMatchObject({ dataRows: 8, acceptedRows: 8, rejectedRows: 0, warnings: 2, distinctInns: 7 });
  });

  it('warns once per unknown name, at its first line, with its row count', () => {
    const { errors } = parseRegistry(legacy(...LEGACY_ROWS));
    expect(errors.map((issue) => [issue.line, issue.severity, issue.code])).toEqual([
      [3, 'warning', 'unknown_operator'],
      [8, 'warning', 'unknown_operator'],
    ]);
    expect(errors[0]!.message).toBe(
      'Operator "АО "Теле2-Санкт-Петербург"" (first on line 3, 2 rows) has no ИНН in this file and is not in ' +
        'the operator catalogue; its ranges are kept as carrier "name:теле2 санкт петербург".',
    );
    expect(errors[1]!.message).toContain('(first on line 8, 1 row)');
  });

  it('treats spellings that normalise alike as one unknown carrier', () => {
    const { ranges, errors } = parseRegistry(
      legacy('900;0000000;0000099;100;ООО "Лайкамобайл";Москва', '900;0000100;0000199;100;ЗАО «ЛАЙКАМОБАЙЛ»;Москва'),
    );
    expect(new Set(ranges.map((range) => range.inn))).toEqual(new Set(['name:лайкамобайл']));
    expect(errors).toHaveLength(1);
    expect(errors[0]!.message).toContain('"ООО "Лайкамобайл"" (first on line 2, 2 rows)');
  });

  it('resolves names through the (name, ИНН) pairs of the registry in use', () => {
    const { ranges, errors } = parseRegistry(legacy(...LEGACY_ROWS), {
      // Not the real ИНН: any pair the current registry holds extends the catalogue.
      knownOperators: [{ operator: 'АО "ТЕЛЕ2-САНКТ-ПЕТЕРБУРГ"', inn: '7815000001' }],
    });
    expect(ranges.filter((range) => range.line === 3 || range.line === 5).map((range) => range.inn)).toEqual([
      '7815000001',
      '7815000001',
    ]);
    expect(errors.map((issue) => issue.line)).toEqual([8]);
  });

  it('splits multi-region markers and leaves "-" regions empty (there is no Территория ГАР to fall back on)', () => {
    const { ranges } = parseRegistry(legacy(...LEGACY_ROWS));
    expect(ranges.map((range) => range.regions)).toEqual([
      ['Чукотский АО'],
      ['Республика Карелия'],
      ['г. Москва и Московская область'],
      ['г. Санкт-Петербург', 'Ленинградская область'],
      ['Корякский округ', 'Камчатский край'],
      ['Республика Башкортостан'],
      ['г. Москва', 'Московская область'],
      [],
    ]);
  });

  it('rejects rows with the wrong number of columns for the format, and checks them like current rows', () => {
    const { ranges, errors } = parseRegistry(
      `${legacy(
        LEGACY_ROWS[0]!,
        '915;0000000;0000099;100;ПАО "МТС";Москва;Москва;7740000076',
        '915;0000100;0000099;100;ПАО "МТС";Москва',
        '915;0000200;0000299;100;;Москва',
        LEGACY_ROWS[5]!,
      )}\n`,
    );
    expect(ranges.map((range) => range.line)).toEqual([2, 6]);
    expect(errors.map((issue) => [issue.line, issue.code])).toEqual([
      [3, 'column_count'],
      [4, 'reversed_range'],
      [5, 'missing_operator'],
    ]);
    expect(errors[0]!.message).toBe('Expected 6 columns separated by ";", found 8.');
  });

  it('recognises a header-less six-column file by its first row', () => {
    const { format, ranges, errors } = parseRegistry(LEGACY_ROWS.slice(0, 2).join('\n'));
    expect(format).toBe('legacy');
    expect(ranges.map((range) => [range.line, range.inn])).toEqual([
      [1, '7713076301'],
      [2, 'name:теле2 санкт петербург'],
    ]);
    expect(errors.map((issue) => issue.code)).toEqual(['missing_header', 'unknown_operator']);
  });

  it('reports a six-column file cut off mid-row as truncated', () => {
    const { ranges, errors } = parseRegistry(legacy(LEGACY_ROWS[0]!, LEGACY_ROWS[1]!.slice(0, 20)));
    expect(ranges).toHaveLength(1);
    expect(errors.map((issue) => [issue.line, issue.code])).toEqual([[3, 'truncated_file']]);
  });
});
