import { describe, expect, it } from 'vitest';
import { AppError } from '../errors/app-error';
import { LIST_ENTRIES_MAX, validateLists } from './validate-lists';

const empty = { whitelistUsers: [], whitelistDepartments: [], whitelistExtensions: [], neverRecord: [] };

function fieldsOf(input: unknown): Record<string, string> {
  try {
    validateLists(input);
  } catch (error) {
    if (AppError.is(error)) return error.fields ?? {};
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('validateLists', () => {
  it('stores never-record numbers as E.164 digits and prefixes with 8 read as 7', () => {
    const valid = validateLists({
      ...empty,
      neverRecord: [
        { value: '+7 495 111-22-33', note: ' Доставка воды ' },
        { value: '8 (495) 123*', note: 'Суды' },
        { value: 88005553535, note: '' },
        { value: '112' },
      ],
    });
    expect(valid.neverRecord).toEqual([
      { value: '74951112233', isPattern: false, note: 'Доставка воды' },
      { value: '7495123*', isPattern: true, note: 'Суды' },
      { value: '78005553535', isPattern: false, note: '' },
      { value: '112', isPattern: false, note: '' },
    ]);
  });

  it('keeps ids and extensions; extension wildcards make a pattern', () => {
    const valid = validateLists({
      ...empty,
      whitelistUsers: [{ value: 7, note: '' }],
      whitelistDepartments: [{ value: ' 12 ', note: '' }],
      whitelistExtensions: [
        { value: '1??', note: '' },
        { value: '250', note: '' },
      ],
    });
    expect(valid.whitelistUsers).toEqual([{ value: '7', isPattern: false, note: '' }]);
    expect(valid.whitelistDepartments[0]!.value).toBe('12');
    expect(valid.whitelistExtensions.map((e) => e.isPattern)).toEqual([true, false]);
  });

  it('names every bad field', () => {
    const fields = fieldsOf({
      whitelistUsers: [{ value: 'Иванов', note: '' }],
      whitelistDepartments: [{ value: '0', note: '' }],
      whitelistExtensions: [{ value: '10a', note: '' }],
      neverRecord: [
        { value: '+7 495 111-22-33', note: '' },
        { value: 'вода', note: '' },
        { value: '74*5', note: '' },
        { value: '7*', note: '' },
        { value: '', note: '' },
      ],
    });
    expect(Object.keys(fields).sort()).toEqual([
      'neverRecord.1.value',
      'neverRecord.2.value',
      'neverRecord.3.value',
      'neverRecord.4.value',
      'whitelistDepartments.0.value',
      'whitelistExtensions.0.value',
      'whitelistUsers.0.value',
    ]);
    expect(fields['neverRecord.1.value']).toContain('Номер телефона или цифры со звёздочкой');
    expect(fields['neverRecord.3.value']).toContain('не меньше 3 цифр');
    expect(fields['whitelistUsers.0.value']).toContain('User: digits only');
  });

  it('refuses two spellings of one number in a list', () => {
    const neverRecord = [
      { value: '+7 495 111-22-33', note: '' },
      { value: '84951112233', note: '' },
    ];
    const fields = fieldsOf({ ...empty, neverRecord });
    expect(fields).toEqual({ 'neverRecord.1.value': 'Уже есть в этом списке / Already in this list' });
  });

  it('refuses a missing body instead of wiping the lists', () => {
    expect(() => validateLists(null)).toThrow(AppError);
  });

  it('refuses a misspelt list name instead of reading it as "no lists" and emptying all four', () => {
    const fields = fieldsOf({ neverrecord: [{ value: '112', note: '' }] });
    expect(fields.neverrecord).toMatch(/^Неизвестный список .* \/ Unknown list/);
    expect(fields.whitelistUsers).toBe(
      'Список обязателен (может быть пустым) / The list is required (it may be empty)',
    );
    expect(Object.keys(fields).sort()).toEqual([
      'neverRecord',
      'neverrecord',
      'whitelistDepartments',
      'whitelistExtensions',
      'whitelistUsers',
    ]);
  });

  it('refuses an extra key next to the four lists, and a list left out', () => {
    expect(Object.keys(fieldsOf({ ...empty, comment: 'x' }))).toEqual(['comment']);
    const { neverRecord: _left, ...three } = empty;
    expect(Object.keys(fieldsOf(three))).toEqual(['neverRecord']);
    expect(Object.keys(fieldsOf([]))).toEqual(['']);
  });

  it(`holds up to ${LIST_ENTRIES_MAX} entries per list and refuses one more`, () => {
    const extensions = (count: number) =>
      Array.from({ length: count }, (_, index) => ({ value: String(1000 + index) }));
    expect(
      validateLists({ ...empty, whitelistExtensions: extensions(LIST_ENTRIES_MAX) }).whitelistExtensions,
    ).toHaveLength(LIST_ENTRIES_MAX);
    expect(fieldsOf({ ...empty, whitelistExtensions: extensions(LIST_ENTRIES_MAX + 1) })).toEqual({
      whitelistExtensions: `Не больше ${LIST_ENTRIES_MAX} записей / At most ${LIST_ENTRIES_MAX} entries`,
    });
  });
});
