import { describe, expect, it } from 'vitest';
import { classifyRestError } from './classify-rest-error';
import { findResendGuard, type ResendGuard } from './resend-guards';

/** Every method the app puts into the outbox (the enqueueRestCall call sites), as they spell it. */
const ENQUEUED_METHODS = [
  'telephony.externalcall.register',
  'telephony.externalcall.show',
  'telephony.externalcall.finish',
  'telephony.externalcall.attachRecord',
  'event.bind',
  'placement.bind',
  'telephony.externalLine.add',
  'telephony.externalLine.update',
  'telephony.externalLine.delete',
  'im.notify.system.add',
];

function historyCheck(method: string): Extract<ResendGuard, { kind: 'check-call-history' }> {
  const guard = findResendGuard(method);
  if (guard?.kind !== 'check-call-history') throw new Error(`${method} does not check the call history`);
  return guard;
}

describe('resend guards', () => {
  it.each(ENQUEUED_METHODS)('%s has a guard that says why a re-send is safe', (method) => {
    expect(findResendGuard(method)?.why).toMatch(/\w{3}/);
  });

  it('a method nobody checked has none', () => {
    expect(findResendGuard('im.notify')).toBeUndefined();
  });

  it('finish: done when the call has a history row, whose CALL_ID a waiting attachRecord reads', () => {
    const row = { CALL_ID: 'externalCall.1', CALL_DURATION: '30' };
    expect(historyCheck('telephony.externalCall.finish').applied(row)).toEqual(row);
    expect(historyCheck('telephony.externalCall.finish').applied(undefined)).toBeUndefined();
  });

  it.each<[string, Record<string, unknown> | undefined, unknown]>([
    ['no history row', undefined, undefined],
    ['a row without a record', { CALL_ID: 'c', RECORD_FILE_ID: null, CALL_RECORD_ID: '0' }, undefined],
    ['a row with the record', { CALL_ID: 'c', RECORD_FILE_ID: '77' }, { FILE_ID: '77', alreadyAttached: true }],
    ['a row with only the record id', { CALL_ID: 'c', CALL_RECORD_ID: '78' }, { FILE_ID: '78', alreadyAttached: true }],
  ])('attachRecord with %s', (_name, row, expected) => {
    expect(historyCheck('telephony.externalcall.attachrecord').applied(row)).toEqual(expected);
  });
});

const NOT_FOUND = 'Call is not found (call should be registered prior to finishing';

describe('classifyRestError for repeats', () => {
  it.each<[string, string, number, string]>([
    ['telephony.externalcall.finish', NOT_FOUND, 1, 'already-done'],
    ['telephony.externalcall.finish', NOT_FOUND, 0, 'permanent'],
    ['telephony.externalLine.add', 'Line already exists', 1, 'already-done'],
    ['telephony.externalLine.add', 'Line already exists', 0, 'permanent'],
    ['event.bind', 'Handler already binded', 0, 'already-done'],
  ])('%s "%s" after %i earlier attempt(s) → %s', (method, description, previousAttempts, verdict) => {
    expect(classifyRestError({ method, code: 'ERROR_CORE', description, status: 400, previousAttempts })).toBe(verdict);
  });
});
