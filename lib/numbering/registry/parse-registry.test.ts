import { describe, expect, it } from 'vitest';
import { parseRegistry } from './parse-registry';
import { splitDelimitedLine } from './split-delimited-line';

const HEADER = '\uFEFFАВС/ DEF;От;До;Емкость;Оператор;Регион;Территория ГАР;ИНН';
const MTS_ROW =
  '915;0000000;4999999;5000000;ПАО "МТС";г. Москва и Московская область;Город Москва, Московская область;7740000076';
const T2_ROW = '900;0062000;0062999;1000;ООО "Т2 МОБАЙЛ";Ростовская обл.;Ростовская область;7743895280';

function csv(...rows: string[]): string {
  return [HEADER, ...rows].join('\n');
}

describe('parseRegistry', () => {
  it('reads good rows with BOM, CRLF and a trailing newline, sorted by number', () => {
    const { ranges, errors, stats } = parseRegistry(`${[HEADER, MTS_ROW, T2_ROW].join('\r\n')}\r\n`, {
      fileName: 'x.csv',
    });
    expect(errors).toEqual([]);
    expect(ranges.map((range) => [range.def, range.from, range.to, range.inn, range.line])).toEqual([
      ['900', '0062000', '0062999', '7743895280', 3],
      ['915', '0000000', '4999999', '7740000076', 2],
    ]);
    expect(ranges[1]!.operator).toBe('ПАО "МТС"');
    expect(stats).toMatchObject({
      dataRows: 2,
      acceptedRows: 2,
      rejectedRows: 0,
      distinctInns: 2,
      totalCapacity: 5_001_000,
    });
  });

  it('accepts quoted fields, including a delimiter and doubled quotes inside them', () => {
    const row = '916;"0000000";0000099;100;"ООО ""Рога; и копыта""";Регион;"Территория";1234567890';
    const { ranges, errors } = parseRegistry(csv(row));
    expect(errors).toEqual([]);
    expect(ranges[0]).toMatchObject({ from: '0000000', operator: 'ООО "Рога; и копыта"', territory: 'Территория' });
  });

  it('re-pads numbers that a spreadsheet stripped of leading zeros', () => {
    const { ranges, errors } = parseRegistry(csv('900;0;61999;62000;ООО "Т2 МОБАЙЛ";Край;Край;7743895280'));
    expect(errors).toEqual([]);
    expect(ranges[0]).toMatchObject({ from: '0000000', to: '0061999' });
  });

  it.each([
    ['915;0000000;0000099;100;ПАО "МТС";Москва;Москва', 'column_count'],
    ['91;0000000;0000099;100;ПАО "МТС";Москва;Москва;7740000076', 'invalid_code'],
    ['615;0000000;0000099;100;ПАО "МТС";Москва;Москва;7740000076', 'invalid_code'],
    ['915;00000x0;0000099;100;ПАО "МТС";Москва;Москва;7740000076', 'invalid_from'],
    ['915;0000000;00000999;100;ПАО "МТС";Москва;Москва;7740000076', 'invalid_to'],
    ['915;0000100;0000099;100;ПАО "МТС";Москва;Москва;7740000076', 'reversed_range'],
    ['915;0000000;0000099;сто;ПАО "МТС";Москва;Москва;7740000076', 'invalid_capacity'],
    ['915;0000000;0000099;100;;Москва;Москва;7740000076', 'missing_operator'],
    ['915;0000000;0000099;100;ПАО "МТС";Москва;Москва;774000007', 'invalid_inn'],
    ['915;0000000;0000099;100;ПАО "МТС";Москва;Москва;774000007612', 'invalid_inn'],
    ['915;"0000000;0000099;100;ПАО "МТС";Москва;Москва;7740000076', 'malformed_line'],
  ])('rejects %j as %s with its line number and keeps the good rows', (bad, code) => {
    const { ranges, errors, stats } = parseRegistry(csv(T2_ROW, bad, MTS_ROW));
    expect(errors.map((error) => [error.line, error.severity, error.code])).toContainEqual([3, 'error', code]);
    expect(errors.every((error) => error.line === 3)).toBe(true);
    expect(ranges.map((range) => range.line)).toEqual([2, 4]);
    expect(stats).toMatchObject({ dataRows: 3, acceptedRows: 2, rejectedRows: 1 });
  });

  it('reports every problem of a row, not just the first', () => {
    const { errors } = parseRegistry(csv('9x5;abc;0000099;;;Москва;Москва;12'));
    expect(errors.map((error) => error.code)).toEqual([
      'invalid_code',
      'invalid_from',
      'invalid_capacity',
      'missing_operator',
      'invalid_inn',
    ]);
    expect(new Set(errors.map((error) => error.line))).toEqual(new Set([2]));
  });

  it('keeps a row whose capacity disagrees with its bounds, with a warning', () => {
    const { ranges, errors, stats } = parseRegistry(csv('915;0000000;0000099;1000;ПАО "МТС";Москва;Москва;7740000076'));
    expect(ranges).toHaveLength(1);
    expect(errors).toEqual([expect.objectContaining({ line: 2, severity: 'warning', code: 'capacity_mismatch' })]);
    expect(errors[0]!.message).toContain('holds 100 numbers');
    expect(stats).toMatchObject({ acceptedRows: 1, rejectedRows: 0, warnings: 1 });
  });

  it('rejects a range that overlaps an earlier one and names both lines', () => {
    const { ranges, errors } = parseRegistry(
      csv(
        '915;0000000;0000999;1000;ПАО "МТС";Москва;Москва;7740000076',
        '916;0000000;0000999;1000;ПАО "МТС";Москва;Москва;7740000076',
        '915;0000500;0001499;1000;ООО "Т2 МОБАЙЛ";Москва;Москва;7743895280',
        '915;0000999;0000999;1;ООО "Т2 МОБАЙЛ";Москва;Москва;7743895280',
      ),
    );
    expect(ranges.map((range) => range.line)).toEqual([2, 3]);
    expect(errors.map((error) => [error.line, error.code])).toEqual([
      [4, 'overlapping_range'],
      [5, 'overlapping_range'],
    ]);
    expect(errors[0]!.message).toContain('line 2');
  });

  it(
    'reads a file with the old six-column layout instead of refusing it (details in ' +
      'parse-registry-legacy.test.ts)',
    () => {
      const { ranges, errors, format } = parseRegistry(
        'АВС/ DEF;От;До;Емкость;Оператор;Регион\n915;0000000;0000099;100;МТС;Москва',
      );
      expect(format).toBe('legacy');
      expect(errors).toEqual([]);
      expect(ranges).toEqual([
        expect.objectContaining({ operator: 'МТС', inn: '7740000076', region: 'Москва', territory: '' }),
      ]);
    },
  );

  it('says a current file is in the current format', () => {
    expect(parseRegistry(csv(MTS_ROW)).format).toBe('current');
  });

  it.each([
    ['г. Москва * Московская область', 'Город Москва, Московская область', ['г. Москва', 'Московская область']],
    ['Корякский округ|Камчатский край', 'x', ['Корякский округ', 'Камчатский край']],
    [' А * | Б |', 'x', ['А', 'Б']],
    ['Ростовская обл.', 'Ростовская область', ['Ростовская обл.']],
    ['-', 'Город Москва, Московская область', ['Город Москва, Московская область']],
    ['', 'Алтайский край|Республика Алтай', ['Алтайский край', 'Республика Алтай']],
    ['-', '', []],
  ])(
    'splits Регион %j (Территория ГАР %j) into regions %j, keeping both columns as written',
    (region, territory, regions) => {
      const { ranges, errors } = parseRegistry(
        csv(`915;0000000;0000099;100;ПАО "МТС";${region};${territory};7740000076`),
      );
      expect(errors).toEqual([]);
      expect(ranges[0]).toMatchObject({ region: region.trim(), territory: territory.trim(), regions });
    },
  );

  it('reports a last line without a line break that fails to parse as a truncated file', () => {
    const cut = MTS_ROW.slice(0, 30);
    const { ranges, errors } = parseRegistry(csv(T2_ROW, cut));
    expect(ranges.map((range) => range.line)).toEqual([2]);
    expect(errors).toEqual([
      {
        line: 3,
        severity: 'error',
        code: 'truncated_file',
        message: 'The file ends in the middle of line 3; it was probably cut off during download.',
      },
    ]);
  });

  it('reports a last row cut inside its ИНН as truncated, not as a bad ИНН', () => {
    const { errors } = parseRegistry(csv(T2_ROW, MTS_ROW.slice(0, -3)));
    expect(errors.map((error) => [error.line, error.code])).toEqual([[3, 'truncated_file']]);
  });

  it.each([
    ['9x5;0000000;0000099;100;ПАО "МТС";Москва;Москва;7740000076', 'invalid_code'],
    ['915;0000000;0000099;100;ПАО "МТС";Москва;Москва;7740000076;extra', 'column_count'],
    ['915;0000000;0000099;100;ПАО "МТС";Москва;Москва;77400000x', 'invalid_inn'],
  ])('keeps the usual error for a last line %j that a cut cannot explain', (last, code) => {
    const { errors } = parseRegistry(csv(T2_ROW, last));
    expect(errors.map((error) => [error.line, error.code])).toEqual([[3, code]]);
  });

  it('keeps the usual column error when the bad last line does end with a line break', () => {
    const { errors } = parseRegistry(`${csv(T2_ROW, MTS_ROW.slice(0, 30))}\n`);
    expect(errors.map((error) => [error.line, error.code])).toEqual([[3, 'column_count']]);
  });

  it('does not call a complete last row without a line break truncated', () => {
    const { errors, ranges, stats } = parseRegistry(csv(T2_ROW, MTS_ROW));
    expect(errors).toEqual([]);
    expect(ranges).toHaveLength(2);
    expect(stats.lines).toBe(3);
  });

  it('counts physical lines: a final line break does not start another line', () => {
    expect(parseRegistry(`${csv(T2_ROW)}\n`).stats.lines).toBe(2);
    expect(parseRegistry(`${csv(T2_ROW)}\r\n\r\n`).stats.lines).toBe(3);
  });

  it('reports an unknown header at line 1', () => {
    const { ranges, errors } = parseRegistry('name,phone\nx,y');
    expect(ranges).toEqual([]);
    expect(errors).toEqual([expect.objectContaining({ line: 1, code: 'unknown_header' })]);
  });

  it('parses a file without a header, warning about it, with line numbers counted from 1', () => {
    const { ranges, errors } = parseRegistry(`${MTS_ROW}\nbad;row\n`);
    expect(ranges.map((range) => range.line)).toEqual([1]);
    expect(errors.map((error) => [error.line, error.severity, error.code])).toEqual([
      [1, 'warning', 'missing_header'],
      [2, 'error', 'column_count'],
    ]);
  });

  it('skips blank lines without counting them as rows', () => {
    const { stats, errors } = parseRegistry(csv('', MTS_ROW, '   ', T2_ROW, ''));
    expect(errors).toEqual([]);
    expect(stats).toMatchObject({ dataRows: 2, acceptedRows: 2 });
  });
});

describe('splitDelimitedLine', () => {
  it.each([
    ['a;b;c', ['a', 'b', 'c']],
    ['a;;', ['a', '', '']],
    ['ООО "Т2";x', ['ООО "Т2"', 'x']],
    ['"a;b";c', ['a;b', 'c']],
    ['a;"b ""q"""', ['a', 'b "q"']],
    ['"";x', ['', 'x']],
  ])('%j → %j', (line, fields) => {
    expect(splitDelimitedLine(line, ';')).toEqual({ ok: true, fields });
  });

  it.each(['"open;x', '"a"b;c'])('refuses %j', (line) => {
    expect(splitDelimitedLine(line, ';').ok).toBe(false);
  });
});
