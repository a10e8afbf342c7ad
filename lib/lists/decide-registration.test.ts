import { describe, expect, it } from 'vitest';
import { decideRegistration, normalizeDigits, type ListItem, type RegistrationCall } from './decide-registration';

const lists: ListItem[] = [
  { list: 'never_record', value: '7495123*', isPattern: true }, // courts
  { list: 'never_record', value: '+7 (800) 555-35-35', isPattern: false }, // water delivery
  { list: 'never_record', value: '8916000????', isPattern: true },
  { list: 'whitelist_user', value: '7', isPattern: false },
  { list: 'whitelist_department', value: '2', isPattern: false },
  { list: 'whitelist_extension', value: '1??', isPattern: true },
  { list: 'whitelist_extension', value: '250', isPattern: false },
];

const call = (over: Partial<RegistrationCall>): RegistrationCall => ({
  userId: null,
  departmentIds: [],
  extension: null,
  number: '79161234567',
  ...over,
});

describe('decideRegistration', () => {
  it.each<[string, Partial<RegistrationCall>, boolean, string, string?]>([
    ['whitelisted user', { userId: 7 }, true, 'whitelist_user', '7'],
    ['whitelisted department', { userId: 3, departmentIds: [5, 2] }, true, 'whitelist_department', '2'],
    ['extension pattern 1??', { extension: '123' }, true, 'whitelist_extension', '1??'],
    ['exact extension', { extension: '250' }, true, 'whitelist_extension', '250'],
    ['extension pattern needs the whole value', { extension: '1234' }, false, 'not_whitelisted'],
    ['nobody on any list', { userId: 3, departmentIds: [9], extension: '300' }, false, 'not_whitelisted'],
    [
      'never-record pattern beats a whitelisted user',
      { userId: 7, number: '+7 495 123-45-67' },
      false,
      'never_record',
      '7495123*',
    ],
    [
      'never-record matches 8-prefixed numbers',
      { userId: 7, number: '84951230000' },
      false,
      'never_record',
      '7495123*',
    ],
    [
      'never-record exact number in any format',
      { departmentIds: [2], number: '88005553535' },
      false,
      'never_record',
      '+7 (800) 555-35-35',
    ],
    [
      'never-record ? pattern with 8 prefix',
      { extension: '101', number: '79160001234' },
      false,
      'never_record',
      '8916000????',
    ],
    ['near miss of the pattern is registered', { userId: 7, number: '74951240000' }, true, 'whitelist_user'],
    ['? counts digits exactly', { userId: 7, number: '791600012345' }, true, 'whitelist_user'],
    ['no user and no extension', { number: '74950000000' }, false, 'not_whitelisted'],
  ])('%s', (_name, over, register, reason, matched) => {
    const decision = decideRegistration({ call: call(over), lists });
    expect(decision.register).toBe(register);
    expect(decision.reason).toBe(reason);
    if (matched) expect(decision.matched).toBe(matched);
  });

  it('registers nothing when the whitelists are empty', () => {
    expect(decideRegistration({ call: call({ userId: 1, departmentIds: [1], extension: '100' }), lists: [] })).toEqual({
      register: false,
      reason: 'not_whitelisted',
    });
  });

  it('ignores an empty never-record value and non-matching lists', () => {
    const decision = decideRegistration({
      call: call({ userId: 7 }),
      lists: [{ list: 'never_record', value: '', isPattern: true }, ...lists],
    });
    expect(decision.reason).toBe('whitelist_user');
  });

  it.each([
    ['+7 (495) 123-45-67', false, '74951234567'],
    ['84951234567', false, '74951234567'],
    ['8495123*', true, '7495123*'],
    ['123', false, '123'],
  ])('normalizes %s', (value, isPattern, expected) => expect(normalizeDigits(value, isPattern)).toBe(expected));
});
