import { randomInt } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitForCallLogEntry } from '../../../scripts/peers/test-support/wait-for-call-log-entry';
import { RECORDING_RECEIVED_EVENT } from '../../calls/recording';
import { startClickToCallHarness, type ClickToCallHarness } from '../../calls/testing/click-to-call-harness';
import { startRecordingReceiver, type RecordingReceiver } from '../../calls/testing/start-recording-receiver';
import { freepbxTestPbx, installKitOnFreepbx, removeKitFromFreepbx } from '../testing/freepbx-profile';
import { seedFreepbxPortal } from '../testing/seed-freepbx-portal';
import { loadKitInput } from './load-kit-input';
import { renderInstallKit } from './render-install-kit';

/**
 * The app's own click-to-call on the FreePBX-shaped PBX, as on ours (lib/calls/click-to-call.int.test.ts): the kit
 * installed, the app logged in with only the kit's AMI rights, the manager's phone rung into the kit's [outbound] and
 * FreePBX's own outbound route, and the predial hook dialling the line the app decided — hyphenated PJSIP trunks and
 * the IAX2 trunk. Each call reaches its carrier's gateway and is journalled answered with talk time and SIM usage.
 * Extension 101 is whitelisted and the portal records: the Originate's token makes the kit record the client's leg,
 * and the PBX uploads the closed file to the app (here: a receiver running the route's logic).
 */
describe('click-to-call on the FreePBX-shaped PBX, through the install kit', () => {
  let h: ClickToCallHarness;
  let receiver: RecordingReceiver;
  beforeAll(async () => {
    const pbx = { ...freepbxTestPbx(), originateContext: 'outbound' };
    h = await startClickToCallHarness('sqlite', pbx, (db) => seedFreepbxPortal({ db }));
    const db = h.testDb.db();
    const { portalId } = h;
    await db.portalSettings.upsert({
      where: { portalId },
      create: { portalId, recordingEnabled: true },
      update: { recordingEnabled: true },
    });
    await db.listEntry.create({ data: { portalId, list: 'whitelist_extension', value: '101' } });
    receiver = await startRecordingReceiver(db);
    const config = { PUBLIC_URL: 'http://127.0.0.1:3000', DIALPLAN_LISTEN: 'off', DIALPLAN_SECRET: undefined };
    const input = await loadKitInput({
      db,
      portalId: h.portalId,
      portal: '',
      config: { ...config, pbxes: [pbx] },
      pbx,
    });
    await installKitOnFreepbx(
      renderInstallKit({ flavour: 'freepbx', input: { ...input, recordingUrl: receiver.url } }).text,
    );
  }, 60_000);
  afterAll(async () => {
    await removeKitFromFreepbx();
    receiver?.close();
    await h?.close();
  });

  it.each([
    {
      carrier: 'Beeline',
      prefix: '7903',
      gateway: 'beeline',
      line: 'Beeline-GoIP',
      dial: 'PJSIP/{number}@Beeline-GoIP',
    },
    { carrier: 'MegaFon', prefix: '7926', gateway: 'megafon', line: 'MegaFon-IAX', dial: 'IAX2/MegaFon-IAX/{number}' },
    { carrier: 'MTS', prefix: '7916', gateway: 'mts', line: 'MTS-GoIP', dial: 'PJSIP/{number}@MTS-GoIP' },
  ])('$carrier: through $line to the $gateway gateway, journalled answered with talk time, recorded', async (c) => {
    // A fresh number of the carrier's range ending 1–8 (the simulated client answers), so the log line is this call's.
    const number = `${c.prefix}${randomInt(100_000, 1_000_000)}${randomInt(1, 9)}`;
    const callId = `fpbx-${c.gateway}-${process.pid}-${Date.now().toString(36)}`;
    const { linkedId, decision } = await h.place({ extension: '101', number, b24CallId: callId });
    expect(decision.trunk?.dial).toBe(c.dial);
    const entry = await waitForCallLogEntry({
      path: process.env.PEERS_GW_CALL_LOG ?? '',
      matches: (line) => line.number === number,
      timeoutMs: 15_000,
    });
    expect(entry.gateway).toBe(c.gateway);
    const ended = await h.tracking.waitForEnd(linkedId, 30_000);
    expect(ended.call).toMatchObject({ status: 'ended', trunkEndpoint: c.line, b24StatusCode: '200' });
    await h.tracking.flushed();
    const row = await h.testDb.db().call.findUniqueOrThrow({ where: { linkedId } });
    expect(row).toMatchObject({ status: 'ended', origin: 'click_to_call', extension: '101', b24StatusCode: '200' });
    expect(row.talkSec).toBeGreaterThan(0);
    const usage = await h.testDb.db().simUsage.findFirst({ where: { trunkId: row.trunkId! } });
    expect(usage?.calls).toBeGreaterThanOrEqual(1);
    // Recorded on the PBX, uploaded once closed: its length is the talk time (8 kHz 16-bit mono after a 44-byte header).
    const received = await waitForRecording(row.id);
    const talkSec = (row.endedAt!.getTime() - row.answeredAt!.getTime()) / 1000;
    expect(Math.abs((received.bytes - 44) / 16_000 - talkSec)).toBeLessThanOrEqual(1);
  });

  async function waitForRecording(callId: number): Promise<{ bytes: number }> {
    for (const deadline = Date.now() + 30_000; Date.now() < deadline; ) {
      const event = await h.testDb.db().callEvent.findFirst({
        where: { callId, kind: RECORDING_RECEIVED_EVENT },
      });
      if (event) return event.payload as { bytes: number };
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    throw new Error(`no recording came for call ${callId}`);
  }
});
