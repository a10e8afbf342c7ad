import { describe, expect, it } from 'vitest';
import { encodeBracketParams, parseBracketParams } from './bracket-params';

describe('PHP-style bracket params', () => {
  it('parses nested keys, lists and operators in filter keys', () => {
    expect(
      parseBracketParams('event=X&data%5BA%5D=1&auth%5Bmember_id%5D=m&ids[]=4&ids[]=5&filter[%3E%3DID]=3'),
    ).toEqual({
      event: 'X',
      data: { A: '1' },
      auth: { member_id: 'm' },
      ids: ['4', '5'],
      filter: { '>=ID': '3' },
    });
  });

  it('round-trips what it encodes', () => {
    const value = {
      event: 'ONEXTERNALCALLSTART',
      data: { PHONE_NUMBER: '+7 916', LIST: ['a', 'b'] },
      auth: { domain: 'x:1' },
    };
    expect(encodeBracketParams(value)).toContain('data%5BPHONE_NUMBER%5D=%2B7%20916');
    expect(parseBracketParams(encodeBracketParams(value))).toEqual(value);
  });
});
