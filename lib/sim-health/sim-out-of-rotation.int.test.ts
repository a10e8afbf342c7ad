import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type EmulatorHandle } from '../../e2e/bitrix24-emulator/start-emulator';
import { newTrackedCall } from '../calls/call-tracker-state';
import { writeCallChange } from '../calls/write-call-change';
import { runOutboxOnce } from '../bitrix24/outbox/run-outbox-once';
import { forgetPortalClient } from '../bitrix24/rest/get-portal-client';
import { storeInstalledPortal } from '../bitrix24/testing/store-installed-portal';
import type { Db } from '../db/client';
import { createTestDatabase, type TestDatabase } from '../db/testing/create-test-database';
import { routeCall } from '../routing/route-call';
import { loadRoutingSettings } from '../routing/settings/load-routing-settings';
import { saveRoutingSettings } from '../routing/settings/save-routing-settings';
import { seedDemoPortal } from '../routing/settings/seed-demo-portal';
import { enableSim, readSimsOut } from '.';

/**
 * A SIM the carrier blocked, end to end on a real database and the emulated portal: five gateway failures in a row on
 * MTS SIM 3 (index 2) take it out of rotation, the admin page reads why, the portal's admin gets one Bitrix24
 * notification (im.notify.system.add through the outbox), no decision picks the SIM, and the admin's re-enable
 * brings it back.
 */
const MEMBER = 'sim-out-member';
const MTS_NUMBER = '79151234567';
let emulator: EmulatorHandle;
let testDb: TestDatabase;
let db: Db;
let portalId: number;
let mtsId: number;

/** One outgoing call on MTS SIM `sim` that ended with this STATUS_CODE, written as the tracker writes it. */
async function endedCall(index: number, sim: number, statusCode: '503' | '200', talkSec = 0): Promise<void> {
  const startedAt = Date.UTC(2026, 10, 25, 9, index);
  const call = newTrackedCall({
    linkedId: `sim-out-${index}`,
    pbxName: 'pbx',
    origin: 'desk_phone',
    direction: 'outbound',
    startedAt,
    number: MTS_NUMBER,
    trunkEndpoint: 'gw_mts',
    trunkUniqueid: `trunk-${index}`,
    sim,
    status: 'ended',
    endedAt: startedAt + 5000,
    answeredAt: statusCode === '200' ? startedAt : null,
    talkSec,
    b24StatusCode: statusCode,
  });
  await writeCallChange({ db, change: { kind: 'ended', call }, context: { portalId, trunkId: mtsId } });
}

/** The SIMs MTS calls leave through while every other MTS SIM is busy in turn: all four but those out of rotation. */
async function usableMtsSims(): Promise<number[]> {
  const usable: number[] = [];
  for (let sim = 0; sim < 4; sim += 1) {
    const busy = (index: number) => ({
      busy: index !== sim,
      callsToday: 0,
      secondsToday: 0,
      secondsThisMonth: 0,
      lastCallEndedAt: null,
    });
    const usage = { [String(mtsId)]: [0, 1, 2, 3].map(busy) };
    const decision = await routeCall({ db, portalId, number: MTS_NUMBER, extension: '101', usage });
    if (decision.trunk?.id === String(mtsId)) usable.push(decision.trunk.sim);
  }
  return usable;
}

describe.each(['sqlite', 'postgresql'] as const)('SIMs out of rotation on %s', (kind) => {
  beforeAll(async () => {
    const app = { clientId: 'app.sim-out', clientSecret: 'sim-out-secret' };
    const seed = { memberId: MEMBER, users: [{ ID: 1, NAME: 'Admin', ADMIN: true }] };
    emulator = await startEmulator({ portals: [seed], appUrl: 'http://127.0.0.1:1', ...app });
    Object.assign(process.env, { B24_CLIENT_ID: app.clientId, B24_CLIENT_SECRET: app.clientSecret });
    process.env.B24_OAUTH_URL = emulator.url;
    testDb = await createTestDatabase({ kind });
    db = testDb.db();
    portalId = await storeInstalledPortal({ db, emulator, memberId: MEMBER });
    await seedDemoPortal({ db, portalId });
    await db.user.updateMany({ where: { portalId, b24UserId: 1 }, data: { isAdmin: true } });
    const settings = await loadRoutingSettings({ db, portalId });
    const mts = settings.trunks.find((trunk) => trunk.dial === 'PJSIP/{number}@gw_mts')!;
    mts.simDials = [1, 2, 3, 4].map((port) => `PJSIP/${port}#{number}@gw_mts`);
    await saveRoutingSettings({ db, portalId, settings });
    mtsId = Number(mts.id);
  }, 60_000);

  afterAll(async () => {
    forgetPortalClient();
    await emulator?.close();
    await testDb?.dispose();
  });

  describe('a SIM failing five calls in a row', () => {
    it('is out of rotation, the admin is told why (page and Bitrix24), and comes back when re-enabled', async () => {
      expect(await usableMtsSims()).toEqual([0, 1, 2, 3]);
      // Four failures, a proper call, then five failures: only the unbroken run counts.
      for (let index = 0; index < 4; index += 1) await endedCall(index, 2, '503');
      await endedCall(4, 2, '200', 60);
      for (let index = 5; index < 9; index += 1) await endedCall(index, 2, '503');
      expect(await readSimsOut({ db, portalId })).toEqual([]);
      await endedCall(9, 2, '503');

      const [out, ...more] = await readSimsOut({ db, portalId, lang: 'en' });
      expect(more).toEqual([]);
      expect(out).toMatchObject({ trunkId: mtsId, sim: 2, reason: 'failures' });
      expect(out!.message).toContain('SIM 3 of line "МТС" is out of rotation: 5 failed calls in a row');
      expect(await usableMtsSims()).toEqual([0, 1, 3]);

      // A sixth failure (a call already under way) neither re-notifies nor moves the date.
      await endedCall(10, 2, '503');
      expect((await readSimsOut({ db, portalId }))[0]!.since).toBe(out!.since);

      for (let round = 0; round < 20 && (await db.outboxMessage.count({ where: { status: { not: 'done' } } })); round++)
        await runOutboxOnce({ db, ratePerSecond: 100, burst: 100, log: () => undefined });
      const notices = emulator.state.portals.get(MEMBER)!.notifications;
      expect(notices).toHaveLength(1);
      expect(notices[0]).toMatchObject({ USER_ID: 1, TAG: `b24cc-sim-out-${mtsId}-2` });
      expect(notices[0]!.MESSAGE).toContain('SIM 3 линии «МТС» выведена из работы: 5 неудачных звонков подряд');

      await enableSim({ db, portalId, trunkId: mtsId, sim: 2 });
      expect(await readSimsOut({ db, portalId })).toEqual([]);
      expect(await usableMtsSims()).toEqual([0, 1, 2, 3]);
      await expect(enableSim({ db, portalId, trunkId: mtsId, sim: 2 })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    });

    it('five calls in a row that drop within seconds of the answer take a SIM out too', async () => {
      for (let index = 20; index < 25; index += 1) await endedCall(index, 0, '200', 2);
      expect(await readSimsOut({ db, portalId })).toMatchObject([{ sim: 0, reason: 'shortCalls' }]);
      await enableSim({ db, portalId, trunkId: mtsId, sim: 0 });
    });
  });
});
