import type { AddressInfo, Server as NetServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitForCallLogEntry } from '../../scripts/peers/test-support/wait-for-call-log-entry';
import { setGatewayFault } from '../../scripts/peers/test-support/gateway-faults';
import { gatewayCli } from '../asterisk/testing/pbx-process';
import { callDay } from '../calls/call-day';
import type { CallChange } from '../calls/call-tracker-state';
import { readLiveSimLoad } from '../calls/read-live-sim-load';
import { startClickToCallHarness, type ClickToCallHarness } from '../calls/testing/click-to-call-harness';
import { loadRoutingSettings } from '../routing/settings/load-routing-settings';
import { saveRoutingSettings } from '../routing/settings/save-routing-settings';
import { startDialplanListener } from './start-dialplan-listener';

/**
 * Each SIM addressed for real, on the real PBX and gateway simulator: the MTS line has a GoIP-style port prefix per
 * SIM (PJSIP/<port>#{number}@gw_mts). Desk phones dial MTS clients one after another; the app's listener decides with
 * the live load of its own call tracking, the PBX dials the SIM's template, the gateway logs the port that rang, and
 * the tracker books each call on that SIM.
 */
const env = (name: string) =>
  process.env[name] ??
  (() => {
    throw new Error(`${name} is not set: eval "$(npm run -s peers -- up)"`);
  })();

let h: ClickToCallHarness;
let listener: NetServer | null;
let mtsId: number;
let previousRouteUrl = '';
let routeUrl = '';

/**
 * Asks the listener as a person would (JSON: holds no SIM) until it answers quickly, so the PBX's 1 s CURL timeout
 * judges routing rather than a cold start (caches of settings and SIM usage filling on a busy machine).
 */
async function warmUp(): Promise<void> {
  for (let i = 0; i < 20; i += 1) {
    const started = Date.now();
    await fetch(`${routeUrl}?number=79151230000&ext=101&format=json`);
    if (Date.now() - started < 100) return;
  }
}

const setPbxGlobal = (name: string, value: string) =>
  h.manager.action({ Action: 'Setvar', Variable: name, Value: value });

function ended(number: string): Promise<CallChange> {
  return new Promise((resolve) => {
    const onChange = (change: CallChange) => {
      if (change.kind !== 'ended' || change.call.number !== number) return;
      h.tracking.off('change', onChange);
      resolve(change);
    };
    h.tracking.on('change', onChange);
  });
}

/** Desk phone 101 dials `number`; resolves with the gateway's log line (which port rang) and the call's end. */
async function deskCall(number: string) {
  const started = Date.now();
  const end = ended(number);
  await gatewayCli(`channel originate PJSIP/${number}@phone101 extension s@desk-phone`);
  const logged = await waitForCallLogEntry({
    path: env('PEERS_GW_CALL_LOG'),
    timeoutMs: 15_000,
    matches: (e) => e.number === number && Date.parse(e.time) >= started - 1000,
  });
  return { gateway: logged.gateway, sim: logged.sim ?? '', end };
}

beforeAll(async () => {
  h = await startClickToCallHarness();
  const db = h.testDb.db();
  process.env.DATABASE_URL = `file:${h.testDb.database.kind === 'sqlite' ? h.testDb.database.file : ''}`;
  const settings = await loadRoutingSettings({ db, portalId: h.portalId });
  const mts = settings.trunks.find((trunk) => trunk.dial === 'PJSIP/{number}@gw_mts')!;
  mts.simDials = [1, 2, 3, 4].map((port) => `PJSIP/${port}#{number}@gw_mts`);
  await saveRoutingSettings({ db, portalId: h.portalId, settings });
  mtsId = Number(mts.id);
  await h.tracking.readMatcher();
  listener = startDialplanListener({
    listen: '127.0.0.1:0',
    readSimLoad: (readDb, portalId) => readLiveSimLoad(readDb, portalId, h.ami),
  });
  await new Promise((resolve) => listener!.once('listening', resolve));
  const previous = (await h.manager.action({ Action: 'Getvar', Variable: 'ROUTE_URL' })).Value;
  previousRouteUrl = typeof previous === 'string' ? previous : '';
  routeUrl = `http://127.0.0.1:${(listener!.address() as AddressInfo).port}/api/asterisk/route`;
  await setPbxGlobal('ROUTE_URL', routeUrl);
  await warmUp();
}, 60_000);

afterAll(async () => {
  if (h) await setPbxGlobal('ROUTE_URL', previousRouteUrl).catch(() => undefined);
  listener?.close();
  await h?.close();
});

describe('desk-phone calls through per-SIM templates (real Asterisk and gateway)', () => {
  it('four MTS calls in a row ring four different SIM ports, and each is booked on its own SIM', async () => {
    const calls = [];
    for (const n of [1, 2, 3, 4]) calls.push(await deskCall(`7915123400${n}`));
    expect(calls.map((c) => c.gateway)).toEqual(['mts', 'mts', 'mts', 'mts']);
    expect(new Set(calls.map((c) => c.sim))).toEqual(new Set(['1', '2', '3', '4']));
    await Promise.all(calls.map((c) => c.end));
    await h.tracking.flushed();
    const usage = await h.testDb.db().simUsage.findMany({ where: { trunkId: mtsId }, orderBy: { simIndex: 'asc' } });
    expect(usage.map((row) => [row.simIndex, row.calls])).toEqual([
      [0, 1],
      [1, 1],
      [2, 1],
      [3, 1],
    ]);
  }, 90_000);

  it('a SIM at its calls/day cap is not used', async () => {
    const db = h.testDb.db();
    await db.simUsage.update({
      where: { trunkId_simIndex_day: { trunkId: mtsId, simIndex: 1, day: callDay(Date.now()) } },
      data: { calls: 150 },
    });
    // Past the 2 s minimum gap of the first round, and the stored usage's 1 s cache.
    await new Promise((resolve) => setTimeout(resolve, 2500));
    await warmUp();
    const calls = [];
    for (const n of [5, 6, 7]) calls.push(await deskCall(`7915123400${n}`));
    expect(calls.map((c) => c.gateway)).toEqual(['mts', 'mts', 'mts']);
    expect(calls.map((c) => c.sim).sort()).toEqual(['1', '3', '4']);
    await Promise.all(calls.map((c) => c.end));
  }, 90_000);

  it('a SIM the carrier blocked fails over to Beeline on every call and is out of rotation after five', async () => {
    const db = h.testDb.db();
    // Every other MTS SIM at its calls/day cap (index 1 is since the test above): each decision picks port 3 (index
    // 2) again, and its failed calls go out through Beeline and are booked there, not on it.
    const day = callDay(Date.now());
    for (const simIndex of [0, 3])
      await db.simUsage.upsert({
        where: { trunkId_simIndex_day: { trunkId: mtsId, simIndex, day } },
        create: { trunkId: mtsId, simIndex, day, portalId: h.portalId, calls: 150, seconds: 0 },
        update: { calls: 150 },
      });
    await setGatewayFault({ ami: h.gateway, gateway: 'mts-3', fault: 'blocked' });
    try {
      // A desk call the PBX gives up on before the app answers takes the default line (Beeline) instead: not counted.
      const sims: string[] = [];
      for (let n = 1; n <= 8 && sims.filter((sim) => sim === 'mts:3').length < 5; n++) {
        await warmUp();
        const call = await deskCall(`7915123500${n}`);
        await call.end;
        sims.push(`${call.gateway}:${call.sim}`);
      }
      await h.tracking.flushed();
      expect(sims.filter((sim) => sim === 'mts:3')).toHaveLength(5);
      expect(sims.filter((sim) => sim.startsWith('mts:') && sim !== 'mts:3')).toEqual([]);
      const health = await db.simHealth.findUnique({ where: { trunkId_simIndex: { trunkId: mtsId, simIndex: 2 } } });
      expect(health?.disabledAt).not.toBeNull();
      const rows = await db.call.findMany({
        where: { number: { startsWith: '7915123500' } },
        include: { events: true },
      });
      const movedOn = rows.filter((row) =>
        row.events.some((e) => e.kind === 'dial_attempt' && (e.payload as { moved?: string }).moved === 'next'),
      );
      expect(movedOn).toHaveLength(5);
      await warmUp();
      const after = await deskCall('79151235006');
      expect(after.sim).not.toBe('3');
      await after.end;
    } finally {
      await setGatewayFault({ ami: h.gateway, gateway: 'mts-3', fault: null });
    }
  }, 120_000);
});
