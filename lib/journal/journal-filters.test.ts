import { describe, expect, it } from 'vitest';
import { parseJournalFilters } from './journal-filters';

describe('parseJournalFilters', () => {
  it('empty values mean "any", page defaults to 1', () => {
    expect(parseJournalFilters(new URLSearchParams({ user: '', trunk: '' }))).toEqual({
      page: 1,
      range: { from: null, to: null },
    });
  });
  it('reads every filter', () => {
    const filters = parseJournalFilters(
      new URLSearchParams({
        user: '3',
        department: '1',
        trunk: '2',
        carrier: 'unknown',
        status: 'missed',
        page: '4',
        from: '2026-03-02',
      }),
    );
    expect(filters).toMatchObject({ user: 3, department: 1, trunk: 2, carrier: 'unknown', status: 'missed', page: 4 });
    expect(filters.range.from).toBeInstanceOf(Date);
  });
  it.each<Record<string, string>>([{ status: 'lost' }, { trunk: 'МТС' }, { page: '0' }, { carrier: 'mts;drop' }])(
    'rejects %o with a readable message',
    (params) => {
      expect(() => parseJournalFilters(new URLSearchParams(params))).toThrow(
        expect.objectContaining({ code: 'INVALID_INPUT', key: 'error.journalFilter' }),
      );
    },
  );
});
