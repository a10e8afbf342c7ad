import { describe, expect, it } from 'vitest';
import { dayOf, parseDateRange } from './parse-date-range';
import { toCsv } from './to-csv';

describe('toCsv', () => {
  it('BOM, semicolons, CRLF, quoting and formula neutralising; plain numbers stay numbers', () => {
    const rows = [
      ['x;y', 'say "hi"'],
      [1.5, null],
      ['=SUM(A1)', true],
      ['-1', -1],
      ['a,=1+1', '+79161234567'],
    ];
    const csv = toCsv({ header: ['a', '@b'], rows });
    expect(csv).toBe(
      '\uFEFFa;\'@b\r\n"x;y";"say ""hi"""\r\n1.5;\r\n\'=SUM(A1);true\r\n-1;-1\r\n"a,=1+1";+79161234567\r\n',
    );
  });
});

describe('parseDateRange (Moscow days, both ends inclusive)', () => {
  it.each([
    ['', '', null, null],
    ['2026-03-02', '', '2026-03-01T21:00:00.000Z', null],
    ['2026-03-02', '2026-03-02', '2026-03-01T21:00:00.000Z', '2026-03-02T21:00:00.000Z'],
  ])('from=%s to=%s', (from, to, gte, lt) => {
    const range = parseDateRange(new URLSearchParams({ from, to }));
    expect(range.from?.toISOString() ?? null).toBe(gte);
    expect(range.to?.toISOString() ?? null).toBe(lt);
  });
  it.each(['2026-3-2', 'yesterday', '2026-02-30x'])('rejects %s', (from) => {
    expect(() => parseDateRange(new URLSearchParams({ from }))).toThrow(
      expect.objectContaining({ code: 'INVALID_INPUT', key: 'error.dateFormat' }),
    );
  });
  it('dayOf is the Moscow date', () => {
    expect(dayOf(new Date('2026-03-01T21:30:00Z'))).toBe('2026-03-02');
  });
});
