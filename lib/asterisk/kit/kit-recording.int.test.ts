import { existsSync } from 'node:fs';
import type { AddressInfo, Server } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CallTracking } from '../../calls/call-tracking';
import { RECORDING_RECEIVED_EVENT } from '../../calls/recording';
import { readLiveSimLoad } from '../../calls/read-live-sim-load';
import { startRecordingReceiver, type RecordingReceiver } from '../../calls/testing/start-recording-receiver';
import { createTestDatabase, type TestDatabase } from '../../db/testing/create-test-database';
import { startDialplanListener } from '../../dialplan/start-dialplan-listener';
import { AmiManager } from '../ami-manager';
import { freepbxTestPbx, installKitOnFreepbx, removeKitFromFreepbx } from '../testing/freepbx-profile';
import { seedFreepbxPortal } from '../testing/seed-freepbx-portal';
import { loadKitInput } from './load-kit-input';
import { renderInstallKit } from './render-install-kit';

/**
 * The FreePBX kit's recording part on the FreePBX-shaped PBX: a desk phone dials out through FreePBX's outbound route,
 * the kit's predial hook asks the app (its real dialplan listener) for the line and whether to record, MixMonitor's
 * post-recording command uploads the closed file from the PBX's chroot to the app, which never reads the PBX's disk.
 */
describe('FreePBX install kit: recordings uploaded by the PBX', () => {
  let test: TestDatabase;
  let listener: Server;
  let receiver: RecordingReceiver;
  let manager: AmiManager;
  let tracking: CallTracking;

  beforeAll(async () => {
    test = await createTestDatabase({ kind: 'sqlite' });
    const db = test.db();
    process.env.DATABASE_URL = `file:${test.database.kind === 'sqlite' ? test.database.file : ''}`;
    const { portalId } = await seedFreepbxPortal({ db });
    await db.portalSettings.upsert({
      where: { portalId },
      create: { portalId, recordingEnabled: true },
      update: { recordingEnabled: true },
    });
    await db.listEntry.createMany({
      data: [
        { portalId, list: 'never_record', value: '7926*', isPattern: true },
        { portalId, list: 'whitelist_extension', value: '1??', isPattern: true },
      ],
    });
    receiver = await startRecordingReceiver(db);
    listener = startDialplanListener({ listen: '127.0.0.1:0', readSimLoad: readLiveSimLoad })!;
    await new Promise((resolve) => listener.once('listening', resolve));
    const routeUrl = `http://127.0.0.1:${(listener.address() as AddressInfo).port}/api/asterisk/route`;
    const pbx = freepbxTestPbx();
    const config = { PUBLIC_URL: 'http://127.0.0.1:3000', DIALPLAN_LISTEN: 'off', DIALPLAN_SECRET: undefined };
    const input = await loadKitInput({ db, portalId, portal: '', config: { ...config, pbxes: [pbx] }, pbx });
    const kit = renderInstallKit({ flavour: 'freepbx', input: { ...input, routeUrl, recordingUrl: receiver.url } });
    await installKitOnFreepbx(kit.text);
    manager = new AmiManager({ pbx, watchdog: { intervalMs: 1000, timeoutMs: 1500 }, log: () => undefined });
    tracking = new CallTracking({ manager, db, log: (line) => console.warn(`[calls] ${line}`) });
    manager.start();
    await manager.waitConnected(5000);
    await tracking.readMatcher();
  }, 60_000);

  afterAll(async () => {
    await removeKitFromFreepbx().catch(() => undefined);
    manager?.stop();
    await tracking?.flushed();
    listener?.close();
    receiver?.close();
    await test?.dispose();
  });

  /** Extension 101 dials out through FreePBX's from-internal; resolves with the journal row once it is settled. */
  async function deskCall(number: string, recorded: boolean) {
    await manager.action({
      Action: 'Originate',
      Channel: `Local/${number}@from-internal`,
      CallerID: '"Desk" <101>',
      Application: 'Wait',
      Data: '8',
      Async: 'true',
    });
    const db = test.db();
    const deadline = Date.now() + 40_000;
    for (;;) {
      const row = await db.call.findFirst({ where: { number }, include: { events: true } });
      const settled = recorded
        ? row?.events.some((event) => event.kind === RECORDING_RECEIVED_EVENT)
        : row?.status === 'ended';
      if (row && settled) return row;
      if (Date.now() > deadline) throw new Error(`call to ${number} not settled: ${JSON.stringify(row)}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  it('a whitelisted desk call is recorded on the PBX and its closed file reaches the app', async () => {
    const row = await deskCall('79031234571', true);
    expect(row.recordingPath).toMatch(/\/monitor\/b24-.+\.wav$/);
    expect(existsSync(row.recordingPath!)).toBe(false);
    const received = row.events.find((event) => event.kind === RECORDING_RECEIVED_EVENT)!.payload as {
      bytes: number;
    };
    const talkSec = (row.endedAt!.getTime() - row.answeredAt!.getTime()) / 1000;
    // 8 kHz 16-bit mono: 16,000 bytes a second after the 44-byte header
    expect(Math.abs((received.bytes - 44) / 16_000 - talkSec)).toBeLessThanOrEqual(1);
  });

  it('a never-record number is not recorded at all', async () => {
    const row = await deskCall('79261234571', false);
    expect(row.talkSec).toBeGreaterThan(0);
    expect(row.recordingPath).toBeNull();
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const events = await test.db().callEvent.findMany({ where: { callId: row.id, kind: RECORDING_RECEIVED_EVENT } });
    expect(events).toHaveLength(0);
  });
});
