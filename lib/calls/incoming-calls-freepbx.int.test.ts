import type { AddressInfo, Server } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freepbxTestPbx, installKitOnFreepbx, removeKitFromFreepbx } from '../asterisk/testing/freepbx-profile';
import { loadKitInput } from '../asterisk/kit/load-kit-input';
import { renderInstallKit } from '../asterisk/kit/render-install-kit';
import { startDialplanListener } from '../dialplan/start-dialplan-listener';
import { summarizeLiveChannels } from './get-sim-load';
import { readLiveSimLoad } from './read-live-sim-load';
import { callIntoPbx } from './testing/call-into-pbx';
import { cardUsers } from './testing/card-moves';
import { startRecordingReceiver, type RecordingReceiver } from './testing/start-recording-receiver';
import { wavSeconds } from './testing/wav-seconds';
import {
  startBitrix24ClickToCall,
  waitFor,
  type Bitrix24ClickToCallHarness,
} from './testing/bitrix24-click-to-call-harness';

/**
 * Incoming calls on the FreePBX-shaped PBX with the app's install kit: the inbound routes' custom destination
 * b24-incoming,<ring group>,1 asks the app who takes the call, FreePBX's ring groups ring their members through
 * Local/<ext>@from-queue (two legs per phone: one card per user). Bitrix24's side as in incoming-calls.int.test.ts.
 */
let b: Bitrix24ClickToCallHarness;
let listener: Server | null = null;
let receiver: RecordingReceiver | null = null;
let incomingUrl = '';

beforeAll(async () => {
  b = await startBitrix24ClickToCall({ profile: 'freepbx' });
  for (const department of ['1', '2'])
    await b.db.listEntry.create({ data: { portalId: b.portalId, list: 'whitelist_department', value: department } });
  await b.db.portalSettings.upsert({
    where: { portalId: b.portalId },
    create: { portalId: b.portalId, recordingEnabled: true },
    update: { recordingEnabled: true },
  });
  receiver = await startRecordingReceiver(b.db);
  const { database } = b.h.testDb;
  process.env.DATABASE_URL = `file:${database.kind === 'sqlite' ? database.file : ''}`;
  listener = startDialplanListener({
    listen: '127.0.0.1:0',
    readSimLoad: readLiveSimLoad,
    readBusyExtensions: () => summarizeLiveChannels([b.h.tracking.state]).busyExtensions ?? [],
  });
  await new Promise((resolve) => listener!.once('listening', resolve));
  const base = `http://127.0.0.1:${(listener!.address() as AddressInfo).port}/api/asterisk`;
  incomingUrl = `${base}/incoming`;
  const pbx = freepbxTestPbx();
  const config = { PUBLIC_URL: 'http://127.0.0.1:3000', DIALPLAN_LISTEN: 'off', DIALPLAN_SECRET: undefined };
  const input = await loadKitInput({
    db: b.db,
    portalId: b.portalId,
    portal: '',
    config: { ...config, pbxes: [pbx] },
    pbx,
  });
  await installKitOnFreepbx(
    renderInstallKit({ flavour: 'freepbx', input: { ...input, routeUrl: `${base}/route`, recordingUrl: receiver.url } })
      .text,
  );
}, 120_000);
afterAll(async () => {
  for (const ext of ['102', '202']) await b?.h.setGateway(`PHONE_MODE_${ext}`, '').catch(() => undefined);
  await removeKitFromFreepbx().catch(() => undefined);
  listener?.close();
  receiver?.close();
  await b?.close();
});

const ok = (method: string, number: string) =>
  b.emulator
    .callsTo(method)
    .filter((c) => c.status === 200 && (!c.params.PHONE_NUMBER || String(c.params.PHONE_NUMBER).includes(number)));
const withCall = (method: string, callId: string) =>
  b.emulator.callsTo(method).filter((c) => c.status === 200 && c.params.CALL_ID === callId);
const usersOf = (action: 'show' | 'hide', callId: string) => cardUsers(b.emulator.calls, callId, action);

/** A client calls a line number; resolves with Bitrix24's CALL_ID and the call's `finish`. */
async function incomingCall(number: string, through: string, lineNumber: string) {
  const before = ok('telephony.externalcall.register', number).length;
  await callIntoPbx({ gateway: b.h.gateway, pbx: 'fpbx', through, lineNumber, from: number });
  const register = await waitFor(() => ok('telephony.externalcall.register', number)[before], 20_000, 'register');
  expect(register.params).toMatchObject({ LINE_NUMBER: lineNumber });
  expect(String(register.params.TYPE)).toBe('2');
  const callId = String((register.response as { result: { CALL_ID: string } }).result.CALL_ID);
  const finish = await waitFor(() => withCall('telephony.externalcall.finish', callId)[0], 30_000, 'finish');
  return { callId, finish };
}

describe('incoming calls on the FreePBX-shaped PBX (install kit, ring groups through Local channels)', () => {
  it('ring group 600 (201, 202): both see the card once, 202 loses it when 201 answers, finish names 201', {
    timeout: 60_000,
  }, async () => {
    await b.h.setGateway('PHONE_MODE_202', 'noanswer');
    const { callId, finish } = await incomingCall('79031114455', 'hr1', '74950000201');
    expect(String(finish.params.USER_ID)).toBe('4');
    expect(String(finish.params.STATUS_CODE)).toBe('200');
    expect(usersOf('show', callId).sort()).toEqual(['4', '5']);
    expect(usersOf('hide', callId)).toEqual(['5']);
    await b.h.setGateway('PHONE_MODE_202', '');
  });

  it("the phone that answers is recorded once (through the group's Local legs), its audio attached in Bitrix24", {
    timeout: 60_000,
  }, async () => {
    const number = '79031114466';
    const uploadsBefore = receiver!.answers.length;
    await b.h.setGateway('PHONE_MODE_202', 'noanswer');
    const { callId, finish } = await incomingCall(number, 'hr1', '74950000201');
    await b.h.setGateway('PHONE_MODE_202', '');
    expect(String(finish.params.USER_ID)).toBe('4');
    const attached = await waitFor(
      () => withCall('telephony.externalCall.attachRecord', callId)[0],
      30_000,
      'attachRecord',
    );
    const row = await b.db.call.findFirstOrThrow({ where: { number } });
    const talkSec = (row.endedAt!.getTime() - row.answeredAt!.getTime()) / 1000;
    const audioSec = wavSeconds(Buffer.from(String(attached.params.FILE_CONTENT), 'base64'));
    console.info(`recording ${audioSec.toFixed(2)} s, talk ${talkSec.toFixed(2)} s`);
    expect(Math.abs(audioSec - talkSec)).toBeLessThanOrEqual(1);
    expect(receiver!.answers.slice(uploadsBefore)).toEqual([200]);
  });

  it("the client's CRM manager (102) rings first through the kit's b24-incoming; busy → ring group 601", {
    timeout: 90_000,
  }, async () => {
    const number = '79035550112';
    b.emulator.portal('e2e-click-to-call').crm.push({
      CRM_ENTITY_TYPE: 'CONTACT',
      CRM_ENTITY_ID: 612,
      NAME: 'Клиент Бориса',
      PHONE: `+${number}`,
      ASSIGNED_BY_ID: 2,
    });
    let known = '';
    await waitFor(
      () =>
        known === '102'
          ? known
          : void fetch(`${incomingUrl}?number=${number}`).then(async (r) => (known = await r.text())),
      10_000,
      'the manager in the dialplan cache',
    );
    const first = await incomingCall(number, 'mts', '74950000003');
    expect(String(first.finish.params.USER_ID)).toBe('2');
    expect(usersOf('show', first.callId)).toEqual(['2']);

    await b.h.setGateway('PHONE_MODE_102', 'busy');
    const second = await incomingCall(number, 'mts', '74950000003');
    expect(['1', '3']).toContain(String(second.finish.params.USER_ID));
    const shown = usersOf('show', second.callId);
    expect(shown[0]).toBe('2');
    expect(shown).toEqual(expect.arrayContaining(['1', '3']));
  });
});
