import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitForCallLogEntry } from '../../scripts/peers/test-support/wait-for-call-log-entry';
import { startClickToCallHarness, type ClickToCallHarness } from './testing/click-to-call-harness';

const callLog = () => {
  const path = process.env.PEERS_GW_CALL_LOG;
  if (!path) throw new Error('PEERS_GW_CALL_LOG is not set: run `eval "$(npm run -s peers -- up)"` first');
  return path;
};
async function waitUntil(condition: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
const run = `${process.pid}-${Date.now().toString(36)}`;

describe('click-to-call through the decided trunk, on the real Asterisk pair', () => {
  let h: ClickToCallHarness;
  beforeAll(async () => {
    h = await startClickToCallHarness();
  });
  afterAll(async () => h?.close());

  async function call(extension: string, number: string, tag: string) {
    const callId = `t-${run}-${tag}`;
    const placed = await h.place({ extension, number, b24CallId: callId });
    return { ...placed, callId };
  }
  const journal = (linkedId: string) =>
    h.testDb.db().call.findUniqueOrThrow({ where: { linkedId }, include: { events: { orderBy: { id: 'asc' } } } });

  it.each([
    { carrier: 'Beeline', number: '79031234567', gateway: 'beeline', trunk: 'gw_beeline' },
    { carrier: 'MegaFon', number: '79261234567', gateway: 'megafon', trunk: 'gw_megafon' },
    { carrier: 'MTS', number: '79161234567', gateway: 'mts', trunk: 'gw_mts' },
    { carrier: 'unknown (no range) → default', number: '79401234567', gateway: 'beeline', trunk: 'gw_beeline' },
  ])(
    '$carrier: arrives at the $gateway gateway; journal answered with durations > 0',
    async ({ number, gateway, trunk }) => {
      const { linkedId, callId, decision } = await call('101', number, `${gateway}-${number}`);
      expect(decision.trunk?.dial).toBe(`PJSIP/{number}@${trunk}`);
      const entry = await waitForCallLogEntry({
        path: callLog(),
        matches: (e) => e.b24CallId === callId,
        timeoutMs: 15_000,
      });
      expect(entry).toMatchObject({ gateway, number });
      const ended = await h.tracking.waitForEnd(linkedId, 30_000);
      expect(ended.call).toMatchObject({ status: 'ended', trunkEndpoint: trunk, b24StatusCode: '200' });
      const row = await journal(linkedId);
      expect(row).toMatchObject({
        status: 'ended',
        origin: 'click_to_call',
        number,
        extension: '101',
        trunkName: expect.any(String),
        b24CallId: callId,
        b24StatusCode: '200',
        hangupCause: 16,
      });
      expect(row.trunkId).not.toBeNull();
      expect(row.talkSec).toBeGreaterThan(0);
      expect(row.durationSec).toBeGreaterThanOrEqual(row.talkSec!);
      expect(row.events.map((e) => e.kind)).toEqual(
        expect.arrayContaining(['started', 'dial_begin', 'answered', 'ended']),
      );
      const usage = await h.testDb.db().simUsage.findFirst({ where: { trunkId: row.trunkId! } });
      expect(usage?.calls).toBeGreaterThanOrEqual(1);
    },
  );

  it('busy client (number ending 0): journal says 486, no talk time', async () => {
    const { linkedId } = await call('102', '79161234560', 'busy');
    await h.tracking.waitForEnd(linkedId, 30_000);
    expect(await journal(linkedId)).toMatchObject({
      status: 'ended',
      b24StatusCode: '486',
      talkSec: 0,
      hangupCause: 17,
      answeredAt: null,
    });
  });

  it('all SIMs of MTS busy → the call goes to the fallback line and the journal says why', {
    timeout: 120_000,
  }, async () => {
    await h.setGateway('TALK_SECS', '20');
    const mts = await Promise.all(
      ['79161234561', '79161234562', '79161234563', '79161234564'].map((n, i) =>
        call(['101', '102', '103', '101'][i]!, n, `mts-${i}`),
      ),
    );
    expect(mts.map((c) => c.decision.trunk?.dial)).toEqual(Array(4).fill('PJSIP/{number}@gw_mts'));
    // Wait until all four really talk through the MTS gateway: the occupancy then comes from live trunk channels.
    await Promise.all(
      mts.map((c) =>
        waitForCallLogEntry({
          path: callLog(),
          matches: (e) => e.b24CallId === c.callId && e.gateway === 'mts',
          timeoutMs: 15_000,
        }),
      ),
    );
    const extra = await call('102', '79161234565', 'mts-extra');
    expect(extra.decision.trunk?.dial).not.toBe('PJSIP/{number}@gw_mts');
    const entry = await waitForCallLogEntry({
      path: callLog(),
      matches: (e) => e.b24CallId === extra.callId,
      timeoutMs: 15_000,
    });
    expect(entry.gateway).not.toBe('mts');
    const row = await journal(extra.linkedId);
    const reasons = (row.decision as { reasons: Array<{ code: string; trunk?: string }> }).reasons;
    expect(reasons).toEqual(expect.arrayContaining([expect.objectContaining({ code: 'busy', trunk: 'МТС' })]));
    await waitUntil(() => h.tracking.state.calls.get(extra.linkedId)?.status === 'answered', 15_000);
    await h.setGateway('TALK_SECS', '3');
    // The clients "hang up": every call ends answered, nothing left in progress.
    await h.manager.action({ Action: 'Hangup', Channel: '/^PJSIP\\/gw_(mts|beeline|megafon)-/' });
    const ends = await Promise.all([...mts, extra].map((c) => h.tracking.waitForEnd(c.linkedId, 30_000)));
    expect(ends.map((e) => e.call.b24StatusCode)).toEqual(['200', '200', '200', '200', '200']);
    await h.tracking.flushed();
    expect(await h.testDb.db().call.count({ where: { status: { not: 'ended' } } })).toBe(0);
  });
});
