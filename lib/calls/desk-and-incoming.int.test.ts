import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gatewayCli } from '../asterisk/testing/pbx-process';
import type { CallChange } from './call-tracker-state';
import { startClickToCallHarness, type ClickToCallHarness } from './testing/click-to-call-harness';

/** Resolves with the first written change that matches (listen before causing it). */
function nextChange(
  h: ClickToCallHarness,
  matches: (change: CallChange) => boolean,
  timeoutMs: number,
): Promise<CallChange> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      h.tracking.off('change', onChange);
      reject(new Error(`no matching call change within ${timeoutMs} ms`));
    }, timeoutMs);
    const onChange = (change: CallChange) => {
      if (!matches(change)) return;
      clearTimeout(timer);
      h.tracking.off('change', onChange);
      resolve(change);
    };
    h.tracking.on('change', onChange);
  });
}

describe('calls the app did not originate are tracked too (real Asterisk pair)', () => {
  let h: ClickToCallHarness;
  beforeAll(async () => {
    h = await startClickToCallHarness();
  });
  afterAll(async () => h?.close());

  it(
    'a desk-phone call: one journal record, desk_phone, the extension, the ' + 'trunk used and how it was chosen',
    async () => {
      // The PBX asks ROUTE_URL (an app that may or may not run on this machine, with whatever data it has). Point it at
      // a closed port for this call, so the snippet's own fallback decides (DEFAULT_TRUNK) and the test does not depend
      // on another process; the global is restored right after.
      const previous = (await h.manager.action({ Action: 'Getvar', Variable: 'ROUTE_URL' })).Value;
      await h.manager.action({
        Action: 'Setvar',
        Variable: 'ROUTE_URL',
        Value: 'http://127.0.0.1:9/api/asterisk/route',
      });
      try {
        await deskPhoneCall();
      } finally {
        await h.manager.action({
          Action: 'Setvar',
          Variable: 'ROUTE_URL',
          Value: typeof previous === 'string' ? previous : '',
        });
      }
    },
  );

  async function deskPhoneCall() {
    const number = '79261234568';
    const ended = nextChange(h, (c) => c.kind === 'ended' && c.call.number === number, 30_000);
    await gatewayCli(`channel originate PJSIP/${number}@phone101 extension s@desk-phone`);
    const { call } = await ended;
    expect(call).toMatchObject({ origin: 'desk_phone', direction: 'outbound', extension: '101', b24StatusCode: '200' });
    expect(call.trunkEndpoint).toMatch(/^gw_/);
    const rows = await h.testDb.db().call.findMany({ where: { number }, include: { events: true } });
    expect(rows).toHaveLength(1);
    expect(rows[0]!.talkSec).toBeGreaterThan(0);
    expect(rows[0]!.userId).not.toBeNull();
    expect(rows[0]!.events.find((e) => e.kind === 'route_decision')?.payload).toMatchObject({
      trunk: call.trunkEndpoint,
      method: 'fallback',
    });
  }

  it(
    'an incoming GSM call ringing three phones at once: one record, ' + 'inbound, the answering manager, no duplicates',
    async () => {
      const answered = nextChange(
        h,
        (c) => c.kind === 'answered' && c.call.origin === 'incoming' && c.call.trunkEndpoint === 'gw_mts',
        30_000,
      );
      await gatewayCli('channel originate PJSIP/74950000003@in-mts extension s@desk-phone');
      const { call } = await answered;
      const ended = h.tracking.waitForEnd(call.linkedId, 30_000);
      // The "client" hangs up: drop exactly this call's trunk leg on the PBX.
      const trunkLeg = h.tracking.state.channels.get(call.trunkUniqueid!)!;
      await h.manager.action({ Action: 'Hangup', Channel: trunkLeg.name });
      const end = await ended;
      expect(end.call).toMatchObject({
        direction: 'inbound',
        origin: 'incoming',
        status: 'ended',
        b24StatusCode: '200',
      });
      expect(['101', '102', '103']).toContain(end.call.extension);
      await h.tracking.flushed();
      expect(await h.testDb.db().call.count({ where: { linkedId: call.linkedId } })).toBe(1);
      expect(await h.testDb.db().call.count({ where: { origin: 'incoming' } })).toBe(1);
    },
  );
});
