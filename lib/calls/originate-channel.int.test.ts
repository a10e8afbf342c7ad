import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitForCallLogEntry } from '../../scripts/peers/test-support/wait-for-call-log-entry';
import { startClickToCallHarness, type ClickToCallHarness } from './testing/click-to-call-harness';

/**
 * Click-to-call rung the PBX's own way: the manager through a Local channel into the PBX's dialplan (as FreePBX's
 * Local/{ext}@from-internal does; the test PBX's [managers] context rings PJSIP/<ext>), not PJSIP/<ext> directly.
 * The tracker must take the Local legs for the manager's and still time the client's leg.
 */
describe('click-to-call with a configured originate channel (real Asterisk pair)', () => {
  let h: ClickToCallHarness;
  beforeAll(async () => {
    h = await startClickToCallHarness('sqlite', {
      originateChannel: 'Local/{ext}@managers',
      originateContext: 'outbound',
    });
  });
  afterAll(async () => h?.close());

  it('rings Local/101@managers, reaches the MTS gateway, journals an answered call with talk time', async () => {
    const callId = `t-local-${process.pid}-${Date.now().toString(36)}`;
    const born: Array<{ linkedId: string; channel: string }> = [];
    h.manager.on('event', (event) => {
      if (event.Event === 'Newchannel') born.push({ linkedId: String(event.Linkedid), channel: String(event.Channel) });
    });
    const { linkedId, decision } = await h.place({ extension: '101', number: '79161234567', b24CallId: callId });
    expect(decision.trunk?.dial).toBe('PJSIP/{number}@gw_mts');
    const entry = await waitForCallLogEntry({
      path: process.env.PEERS_GW_CALL_LOG ?? '',
      matches: (e) => e.b24CallId === callId,
      timeoutMs: 15_000,
    });
    expect(entry).toMatchObject({ gateway: 'mts', number: '79161234567' });
    const ended = await h.tracking.waitForEnd(linkedId, 30_000);
    expect(ended.call).toMatchObject({ status: 'ended', trunkEndpoint: 'gw_mts', b24StatusCode: '200' });
    expect(ended.call.talkSec).toBeGreaterThan(0);
    const channels = born.filter((b) => b.linkedId === linkedId).map((b) => b.channel);
    expect(channels.some((name) => name.startsWith('Local/101@managers-'))).toBe(true);
    await h.tracking.flushed();
    const row = await h.testDb.db().call.findUniqueOrThrow({ where: { linkedId } });
    expect(row).toMatchObject({ status: 'ended', extension: '101', b24StatusCode: '200' });
    expect(row.talkSec).toBeGreaterThan(0);
  });
});
