import { describe, expect, it } from 'vitest';
import { callbackEventKey } from './callback-event-key';

const event = {
  ts: '1773234727',
  phoneNumber: '+74951234567',
  crmEntityType: 'CONTACT',
  crmEntityId: '5785',
  lineNumber: '7',
};

describe('callbackEventKey: one key per ONEXTERNALCALLBACKSTART, the same for its replays', () => {
  it.each([
    { change: {}, same: true },
    { change: { ts: '1773234728' }, same: false },
    { change: { phoneNumber: '+74951234568' }, same: false },
    { change: { crmEntityId: '5786' }, same: false },
    { change: { crmEntityType: 'LEAD' }, same: false },
    { change: { lineNumber: '' }, same: false },
  ])('$change → same key: $same', ({ change, same }) => {
    expect(callbackEventKey({ ...event, ...change }) === callbackEventKey(event)).toBe(same);
  });

  it('without ts the arrival minute stands in: a replay in that minute matches, a later order does not', () => {
    const at = Date.UTC(2026, 11, 1, 12, 0, 10);
    const noTs = { ...event, ts: '' };
    expect(callbackEventKey(noTs, at)).toBe(callbackEventKey(noTs, at + 30_000));
    expect(callbackEventKey(noTs, at)).not.toBe(callbackEventKey(noTs, at + 60_000));
    expect(callbackEventKey({ ...event, ts: 'x; drop' }, at)).toBe(callbackEventKey(noTs, at));
  });
});
