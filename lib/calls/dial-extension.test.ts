import { describe, expect, it } from 'vitest';
import { parseDialExtension } from './dial-extension';

describe('parseDialExtension: EXTENSION of ONEXTERNALCALLSTART → DTMF digits', () => {
  it.each([
    { raw: '', digits: null, refused: false },
    { raw: undefined, digits: null, refused: false },
    { raw: '   ', digits: null, refused: false },
    { raw: '123', digits: '123', refused: false },
    { raw: ' 12-34 ', digits: '1234', refused: false },
    { raw: '1 2 3', digits: '123', refused: false },
    { raw: '*12#', digits: '*12#', refused: false },
    { raw: '(101)', digits: '101', refused: false },
    { raw: '1234567890123456', digits: '1234567890123456', refused: false },
    { raw: '12345678901234567', digits: null, refused: true },
    { raw: 'доб. 123', digits: null, refused: true },
    { raw: '12a', digits: null, refused: true },
    { raw: '1,2', digits: null, refused: true },
    { raw: '1;Hangup()', digits: null, refused: true },
    { raw: '1'.repeat(65), digits: null, refused: true },
  ])('$raw → $digits', ({ raw, digits, refused }) => {
    const parsed = parseDialExtension(raw);
    expect(parsed.digits).toBe(digits);
    expect(parsed.refused !== null).toBe(refused);
  });
});
