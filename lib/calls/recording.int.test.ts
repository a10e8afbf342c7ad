import { existsSync, statSync } from 'node:fs';
import type { AddressInfo, Server } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gatewayCli } from '../asterisk/testing/pbx-process';
import { startDialplanListener } from '../dialplan/start-dialplan-listener';
import { readLiveSimLoad } from './read-live-sim-load';
import { RECORDING_RECEIVED_EVENT } from './recording';
import { callIntoPbx } from './testing/call-into-pbx';
import { wavSeconds } from './testing/wav-seconds';
import { startBitrix24ClickToCall, type Bitrix24ClickToCallHarness } from './testing/bitrix24-click-to-call-harness';
import { startRecordingReceiver, type RecordingReceiver } from './testing/start-recording-receiver';

/**
 * Recordings with the app on another filesystem than the PBX: the test PBX runs in a chroot whose spool the app is
 * never told about, its post-recording command uploads the closed file to the app (here: a receiver running the
 * route's logic), and the Bitrix24 emulator gets attachRecord with that audio. Sales (department 1) is whitelisted.
 */
describe('recordings from the PBX to Bitrix24 (real Asterisk, the app on another filesystem)', () => {
  let b: Bitrix24ClickToCallHarness;
  let receiver: RecordingReceiver;
  let listener: Server;
  const saved = new Map<string, string>();

  const setGlobal = async (name: string, value: string) => {
    const previous = await b.h.manager.action({ Action: 'Getvar', Variable: name });
    if (!saved.has(name)) saved.set(name, typeof previous.Value === 'string' ? previous.Value : '');
    await b.h.manager.action({ Action: 'Setvar', Variable: name, Value: value });
  };

  beforeAll(async () => {
    b = await startBitrix24ClickToCall();
    const { db, portalId } = b;
    const database = b.h.testDb.database;
    process.env.DATABASE_URL = database.kind === 'sqlite' ? `file:${database.file}` : database.url;
    await db.portalSettings.upsert({
      where: { portalId },
      create: { portalId, recordingEnabled: true },
      update: { recordingEnabled: true },
    });
    await db.listEntry.createMany({
      data: [
        { portalId, list: 'never_record', value: '7926*', isPattern: true },
        { portalId, list: 'whitelist_department', value: '1', isPattern: false },
      ],
    });
    receiver = await startRecordingReceiver(db);
    listener = startDialplanListener({ listen: '127.0.0.1:0', readSimLoad: readLiveSimLoad })!;
    await new Promise((resolve) => listener.once('listening', resolve));
    await setGlobal('ROUTE_URL', `http://127.0.0.1:${(listener.address() as AddressInfo).port}/api/asterisk/route`);
    await setGlobal('ROUTE_PORTAL', b.emulator.portal('e2e-click-to-call').memberId);
    await setGlobal('RECORDING_URL', receiver.url);
    await b.h.setGateway('TALK_SECS', '4');
  }, 60_000);

  afterAll(async () => {
    for (const [name, value] of saved) await b.h.manager.action({ Action: 'Setvar', Variable: name, Value: value });
    listener?.close();
    receiver?.close();
    await b?.close();
  });

  /** The journal row once its end is followed up, and the attachRecord Bitrix24 accepted for it, if any. */
  async function settled(where: { b24CallId?: string; number?: string }, expectRecord: boolean) {
    const db = b.db;
    const deadline = Date.now() + 40_000;
    for (;;) {
      const call = await db.call.findFirst({ where, include: { events: true } });
      const done = call?.events.some((e) => e.kind === (expectRecord ? RECORDING_RECEIVED_EVENT : 'followed_up'));
      if (call && done) return call;
      if (Date.now() > deadline) throw new Error(`call ${JSON.stringify(where)} not settled: ${JSON.stringify(call)}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  const attachedFor = (callId: string) =>
    b.emulator
      .callsTo('telephony.externalCall.attachRecord')
      .filter((call) => call.status === 200 && call.params.CALL_ID === callId);

  /** Talk time as the journal measured it (client leg bridged → hung up), to the millisecond. */
  function expectRealAudio(file: Buffer, row: { answeredAt: Date | null; endedAt: Date | null }) {
    const talkSec = (row.endedAt!.getTime() - row.answeredAt!.getTime()) / 1000;
    console.info(`recording ${wavSeconds(file).toFixed(2)} s, talk ${talkSec.toFixed(2)} s`);
    expect(Math.abs(wavSeconds(file) - talkSec)).toBeLessThanOrEqual(1);
  }

  /** The PBX named a file in its own spool; the app's filesystem has no such path (the chroot holds it). */
  function expectOnPbxDiskOnly(recordingPath: string | null) {
    expect(recordingPath).toMatch(/\/monitor\/b24-.+\.wav$/);
    expect(existsSync(recordingPath!)).toBe(false);
    expect(statSync(path.join(process.env.PEERS_CHROOT ?? '/', recordingPath!)).size).toBeGreaterThan(44);
  }

  it('a whitelisted click-to-call: attachRecord carries the real audio, once', async () => {
    const { callId } = await b.clickToCall(3, '79031234566', '');
    const row = await settled({ b24CallId: callId }, true);
    expectOnPbxDiskOnly(row.recordingPath);
    await b.waitForOutboxDrained();
    const attached = attachedFor(callId);
    expect(attached).toHaveLength(1);
    expect(attached[0]!.params.FILENAME).toMatch(/\.(wav|mp3)$/);
    expectRealAudio(Buffer.from(String(attached[0]!.params.FILE_CONTENT), 'base64'), row);
    expect(row.talkSec).toBeGreaterThanOrEqual(3);
  });

  it('a whitelisted desk-phone call: registered, finished, and its recording attached', async () => {
    const number = '79031234577';
    await gatewayCli(`channel originate PJSIP/${number}@phone101 extension s@desk-phone`);
    const row = await settled({ number }, true);
    expectOnPbxDiskOnly(row.recordingPath);
    await b.waitForOutboxDrained();
    const register = b.emulator
      .callsTo('telephony.externalcall.register')
      .find((call) => call.status === 200 && String(call.params.PHONE_NUMBER).endsWith(number.slice(1)));
    expect(register).toBeDefined();
    const callId = String((register!.response as { result: { CALL_ID: string } }).result.CALL_ID);
    const attached = attachedFor(callId);
    expect(attached).toHaveLength(1);
    expectRealAudio(Buffer.from(String(attached[0]!.params.FILE_CONTENT), 'base64'), row);
  });

  /**
   * A client calls a line (the MTS one by default: its group is 101–103, and only 101, Sales and whitelisted, answers);
   * resolves with the call's journal row once it is settled.
   */
  async function incomingCall(from: string, expectRecord: boolean, through = 'mts', lineNumber = '74950000003') {
    for (const ext of ['102', '103']) await b.h.setGateway(`PHONE_MODE_${ext}`, 'noanswer');
    try {
      await callIntoPbx({ gateway: b.h.gateway, through, lineNumber, from });
      return await settled({ number: from }, expectRecord);
    } finally {
      for (const ext of ['102', '103']) await b.h.setGateway(`PHONE_MODE_${ext}`, '');
    }
  }

  it('a whitelisted incoming call: the phone that answered is recorded, attached to the registered call', async () => {
    const number = '79031234599';
    const row = await incomingCall(number, true);
    expect(row).toMatchObject({ direction: 'inbound', extension: '101' });
    expectOnPbxDiskOnly(row.recordingPath);
    await b.waitForOutboxDrained();
    const register = b.emulator
      .callsTo('telephony.externalcall.register')
      .find((call) => call.status === 200 && String(call.params.PHONE_NUMBER).endsWith(number.slice(1)));
    const callId = String((register!.response as { result: { CALL_ID: string } }).result.CALL_ID);
    const attached = attachedFor(callId);
    expect(attached).toHaveLength(1);
    expectRealAudio(Buffer.from(String(attached[0]!.params.FILE_CONTENT), 'base64'), row);
  });

  it('never-record and non-whitelisted calls are not recorded at all, whatever their type', async () => {
    const incomingNeverRecord = await incomingCall('79261234597', false);
    // The HR line rings 201 and 202: HR is not whitelisted.
    const incomingNotWhitelisted = await incomingCall('79031234596', false, 'hr1', '74950000201');
    const { callId } = await b.clickToCall(3, '79261234566', '');
    const neverRecord = await settled({ b24CallId: callId }, false);
    const { callId: hrCallId } = await b.clickToCall(4, '79031234588', '');
    const notWhitelisted = await settled({ b24CallId: hrCallId }, false);
    await gatewayCli('channel originate PJSIP/79261234598@phone101 extension s@desk-phone');
    const deskNeverRecord = await settled({ number: '79261234598' }, false);
    for (const row of [neverRecord, notWhitelisted, deskNeverRecord, incomingNeverRecord, incomingNotWhitelisted]) {
      expect(row.status).toBe('ended');
      expect(row.talkSec).toBeGreaterThan(0);
      expect(row.recordingPath).toBeNull();
    }
    await b.waitForOutboxDrained();
    expect([...attachedFor(callId), ...attachedFor(hrCallId)]).toHaveLength(0);
    expect(receiver.answers.every((status) => status === 200)).toBe(true);
  });
});
