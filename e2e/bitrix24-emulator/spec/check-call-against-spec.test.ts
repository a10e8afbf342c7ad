import { describe, expect, it } from 'vitest';
import { checkCallAgainstSpec } from './check-call-against-spec';
import { loadMethodSpec } from './load-method-spec';

const register = loadMethodSpec('telephony.externalCall.register')!;
const finish = loadMethodSpec('telephony.externalcall.finish')!;

describe('checkCallAgainstSpec', () => {
  it('passes a documented call, with numbers arriving as strings from a form or a batch', () => {
    expect(
      checkCallAgainstSpec({ spec: register, params: { USER_ID: '2', PHONE_NUMBER: '+7 495', TYPE: '1', SHOW: 0 } }),
    ).toEqual([]);
    expect(
      checkCallAgainstSpec({ spec: finish, params: { CALL_ID: 'c', USER_PHONE_INNER: '101', COST: '1.50' } }),
    ).toEqual([]);
  });

  it('needs one of USER_ID and USER_PHONE_INNER, and every other required parameter', () => {
    expect(checkCallAgainstSpec({ spec: register, params: { PHONE_NUMBER: '1' } })).toEqual([
      { kind: 'missing', names: ['USER_ID', 'USER_PHONE_INNER'] },
      { kind: 'missing', names: ['TYPE'] },
    ]);
  });

  it('names unknown parameters and wrong types', () => {
    expect(
      checkCallAgainstSpec({ spec: register, params: { USER_ID: 'boss', PHONE_NUMBER: '1', TYPE: 1, SHOW_CARD: 1 } }),
    ).toEqual([
      { kind: 'type', name: 'USER_ID', expected: 'integer', got: 'string' },
      { kind: 'unknown', name: 'SHOW_CARD' },
    ]);
  });

  it('takes no parameters where the spec lists response fields instead (requiredConvention false)', () => {
    const lines = loadMethodSpec('telephony.externalLine.get')!;
    expect(checkCallAgainstSpec({ spec: lines, params: {} })).toEqual([]);
    expect(checkCallAgainstSpec({ spec: lines, params: { NUMBER: '1' } })).toEqual([
      { kind: 'unknown', name: 'NUMBER' },
    ]);
  });
});
