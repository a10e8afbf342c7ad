import { describe, expect, it } from 'vitest';
import { classifyDialAttempt } from './classify-dial-attempt';

describe('classifyDialAttempt', () => {
  it.each([
    // the gateway could not carry the call
    ['CHANUNAVAIL', 0, null, 'next', 'gatewayFailed'],
    ['CHANUNAVAIL', 20, null, 'next', 'gatewayFailed'],
    ['CONGESTION', 34, 503, 'next', 'gatewayFailed'],
    ['CONGESTION', 38, 502, 'next', 'gatewayFailed'],
    ['CONGESTION', 102, 408, 'next', 'gatewayFailed'],
    ['CONGESTION', 41, null, 'next', 'gatewayFailed'],
    [null, 42, null, 'next', 'gatewayFailed'],
    [null, 44, null, 'next', 'gatewayFailed'],
    [null, 58, null, 'next', 'gatewayFailed'],
    [null, 0, 503, 'next', 'gatewayFailed'],
    ['congestion', null, null, 'next', 'gatewayFailed'],
    // the client was reached (or the caller gave up): never another line
    ['ANSWER', 16, null, 'stop', 'clientReached'],
    ['BUSY', 17, 486, 'stop', 'clientReached'],
    ['NOANSWER', 19, null, 'stop', 'clientReached'],
    ['CANCEL', 16, null, 'stop', 'clientReached'],
    ['CONGESTION', 17, null, 'stop', 'clientReached'],
    ['CONGESTION', 34, 486, 'stop', 'clientReached'],
    ['CHANUNAVAIL', 18, null, 'stop', 'clientReached'],
    [null, null, 600, 'stop', 'clientReached'],
    [null, null, 603, 'stop', 'clientReached'],
    // nothing says the line failed: one attempt only
    [null, null, null, 'stop', 'unknown'],
    ['', 16, null, 'stop', 'unknown'],
    [null, 1, 404, 'stop', 'unknown'],
    ['INVALIDARGS', null, null, 'stop', 'unknown'],
  ] as const)('%s / cause %s / SIP %s → %s (%s)', (dialStatus, cause, sipCode, action, why) =>
    expect(classifyDialAttempt({ dialStatus, cause, sipCode })).toEqual({ action, why }),
  );
});
