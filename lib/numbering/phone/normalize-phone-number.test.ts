import { describe, expect, it } from 'vitest';
import { normalizePhoneNumber } from './normalize-phone-number';
import { phoneNumberRejectionMessages, type PhoneNumberRejection } from './phone-number-reasons';

describe('normalizePhoneNumber', () => {
  it.each([
    ['+7 (915) 123-45-67', '79151234567', 'mobile'],
    ['8 915 123 45 67', '79151234567', 'mobile'],
    ['9151234567', '79151234567', 'mobile'],
    ['79151234567', '79151234567', 'mobile'],
    ['  +7\u00a0915\u00a0123\u201345\u201367 ', '79151234567', 'mobile'],
    ['tel:+79151234567', '79151234567', 'mobile'],
    ['007 915 123 45 67', '79151234567', 'mobile'],
    ['8.915.123.45.67', '79151234567', 'mobile'],
    [79151234567, '79151234567', 'mobile'],
    ['+7 (495) 123-45-67', '74951234567', 'geographic'],
    ['8 (3432) 12-34-56', '73432123456', 'geographic'],
    ['8 812 123 45 67', '78121234567', 'geographic'],
    ['8 800 555 35 35', '78005553535', 'tollfree'],
    ['+7 800 555-35-35', '78005553535', 'tollfree'],
    ['112', '112', 'short'],
    ['0611', '0611', 'short'],
    ['+49 30 1234567', '49301234567', 'foreign'],
    ['0049 30 1234567', '49301234567', 'foreign'],
    ['8 10 49 30 1234567', '49301234567', 'foreign'],
    ['+375 29 123-45-67', '375291234567', 'foreign'],
    ['+7 701 123 45 67', '77011234567', 'foreign'],
    ['8 727 123 45 67', '77271234567', 'foreign'],
  ] as const)('%j → %s (%s)', (input, e164, kind) => {
    expect(normalizePhoneNumber(input)).toEqual({ ok: true, e164, kind });
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    [null, 'empty'],
    [undefined, 'empty'],
    ['()-', 'empty'],
    ['+', 'too_short'],
    ['call me', 'invalid_characters'],
    ['+7 915 123 45 67 доб. 12', 'invalid_characters'],
    ['+7 915 +123 45 67', 'invalid_characters'],
    ['7915abc4567', 'invalid_characters'],
    ['12', 'too_short'],
    ['12345', 'too_short'],
    ['915 123 45', 'too_short'],
    ['+7 915 123 45 6', 'too_short'],
    ['+7 915 123 45 678', 'too_long'],
    ['8 915 123 45 678', 'too_long'],
    ['7915123456789', 'too_long'],
    ['1234567890123456', 'too_long'],
    ['+1234567890123456', 'too_long'],
    ['49301234567', 'missing_international_prefix'],
    ['+0 123 456 789', 'invalid_country_code'],
    ['+49 123', 'too_short'],
    ['8 515 123 45 67', 'unknown_russian_code'],
    ['+7 015 123 45 67', 'unknown_russian_code'],
    ['1151234567', 'unknown_russian_code'],
  ] as const)('%j is rejected as %s', (input, reason) => {
    expect(normalizePhoneNumber(input)).toEqual({ ok: false, reason });
  });

  it('has a Russian and an English message for every rejection code', () => {
    const codes = Object.keys(phoneNumberRejectionMessages) as PhoneNumberRejection[];
    expect(codes.length).toBeGreaterThanOrEqual(7);
    for (const code of codes) {
      expect(phoneNumberRejectionMessages[code].ru).toMatch(/[а-я]/i);
      expect(phoneNumberRejectionMessages[code].en).toMatch(/[a-z]/i);
    }
  });
});
