import { describe, expect, it } from 'vitest';
import { B24_STATUS_CODES, b24StatusCode, type B24StatusCodeOptions, type B24StatusCode } from './b24-status-code';

/**
 * Every STATUS_CODE Bitrix24 documents for telephony.externalCall.finish, from the method's page in Bitrix24's REST
 * documentation (github.com/bitrix-tools/b24-rest-docs, api-reference/telephony/telephony-external-call-finish.md):
 * 200, 304, 603, 603-S, 403, 404, 486, 484, 503, 480, 402, 423, OTHER.
 */
const out = (fields: Partial<B24StatusCodeOptions>): B24StatusCodeOptions => ({
  answered: false,
  direction: 'outbound',
  ...fields,
});
const TABLE: Array<[string, B24StatusCodeOptions, B24StatusCode]> = [
  ['answered outgoing call', out({ answered: true, dialStatus: 'ANSWER', cause: 16 }), '200'],
  ['answered incoming call', { answered: true, direction: 'inbound', cause: 16 }, '200'],
  ['incoming call nobody answered', { answered: false, direction: 'inbound', cause: 16 }, '304'],
  ['incoming call, managers busy', { answered: false, direction: 'inbound', cause: 17 }, '304'],
  ['client rejected the call', out({ dialStatus: 'CONGESTION', cause: 21 }), '603'],
  ['privacy manager: do not call', out({ dialStatus: 'DONTCALL' }), '603'],
  ['manager hung up while the client rang', out({ dialStatus: 'CANCEL', cause: 16 }), '603-S'],
  ['cleared normally before anyone answered', out({ cause: 16 }), '603-S'],
  ['no cause known', out({ cause: null }), '603-S'],
  ['facility not subscribed', out({ dialStatus: 'CONGESTION', cause: 50 }), '403'],
  ['bearer capability not authorised', out({ cause: 57 }), '403'],
  ['unallocated number', out({ dialStatus: 'CHANUNAVAIL', cause: 1 }), '404'],
  ['number changed', out({ cause: 22 }), '404'],
  ['client busy (DIALSTATUS)', out({ dialStatus: 'BUSY', cause: 17 }), '486'],
  ['client busy (cause only)', out({ cause: 17 }), '486'],
  ['no route to destination', out({ cause: 3 }), '484'],
  ['invalid number format', out({ cause: 28 }), '484'],
  ['bad dial arguments', out({ dialStatus: 'INVALIDARGS' }), '484'],
  ['no circuit available', out({ dialStatus: 'CONGESTION', cause: 34 }), '503'],
  ['gateway unreachable', out({ dialStatus: 'CHANUNAVAIL', cause: 0 }), '503'],
  ['client did not answer (DIALSTATUS)', out({ dialStatus: 'NOANSWER', cause: 0 }), '480'],
  ['client did not answer (cause 19)', out({ cause: 19 }), '480'],
  ['subscriber absent', out({ cause: 20 }), '480'],
  ['SIM out of credit (GSM #68)', out({ dialStatus: 'CONGESTION', cause: 68 }), '402'],
  ['SIM barred by the carrier (GSM #8)', out({ dialStatus: 'CONGESTION', cause: 8 }), '423'],
  ['outgoing calls barred', out({ cause: 52 }), '423'],
  ['interworking, unspecified', out({ cause: 127 }), 'OTHER'],
];

describe('b24StatusCode', () => {
  it.each(TABLE)('%s → %s', (_name, input, expected) => expect(b24StatusCode(input)).toBe(expected));

  it('the table reaches every documented code', () => {
    expect(new Set(TABLE.map(([, , code]) => code))).toEqual(new Set(B24_STATUS_CODES));
  });
});
