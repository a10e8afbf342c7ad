import http from 'node:http';
import type { AddressInfo, Server as NetServer } from 'node:net';
import type AmiClient from 'asterisk-ami-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectAmi } from '../../scripts/peers/test-support/connect-ami';
import { newActionId } from '../../scripts/peers/test-support/new-action-id';
import { waitForCallLogEntry } from '../../scripts/peers/test-support/wait-for-call-log-entry';
import { waitForEvent } from '../../scripts/peers/test-support/wait-for-event';
import { callDay } from '../calls/call-day';
import { createTestDatabase, type TestDatabase } from '../db/testing/create-test-database';
import { seedDemoPortal } from '../routing/settings/seed-demo-portal';
import { readLiveSimLoad } from '../calls/read-live-sim-load';
import { startDialplanListener } from './start-dialplan-listener';

/**
 * The shipped desk-phone dialplan (lib/asterisk/dialplan/desk-phone-routing.conf, #included by the test PBX) against
 * the app's real dialplan listener: a desk phone dials, the PBX asks the app over CURL(), the call reaches the gateway
 * the routing policy chose; with the app stopped or hung the PBX falls back to the default trunk (Beeline).
 */
const env = (name: string) =>
  process.env[name] ??
  (() => {
    throw new Error(`${name} is not set: eval "$(npm run -s peers -- up)"`);
  })();

describe('desk-phone routing on the real Asterisk', () => {
  let test: TestDatabase;
  let pbx: AmiClient;
  let gateways: AmiClient;
  let listener: NetServer | null;
  let routeUrl: string;

  const setPbxGlobal = (name: string, value: string) =>
    pbx.action({ Action: 'Setvar', Variable: name, Value: value, ActionID: newActionId('setvar') }, true);

  /** The gateway simulator's phone <ext> dials <number> into the PBX; resolves with the gateway that got it. */
  async function deskPhoneCall(ext: string, number: string) {
    const decision = waitForEvent({
      client: pbx,
      description: `RouteDecision for ${number}`,
      timeoutMs: 10_000,
      matches: (e) => e.Event === 'UserEvent' && e.UserEvent === 'RouteDecision' && e.Number === number,
    });
    const started = Date.now();
    await gateways.action(
      {
        Action: 'Originate',
        Channel: `PJSIP/${number}@phone${ext}`,
        Context: 'desk-phone',
        Exten: 's',
        Priority: '1',
        Async: 'true',
        ActionID: newActionId('desk'),
      },
      true,
    );
    const routed = await decision;
    const logged = await waitForCallLogEntry({
      path: env('PEERS_GW_CALL_LOG'),
      timeoutMs: 15_000,
      matches: (e) => e.number === number && Date.parse(e.time) >= started - 1000,
    });
    return {
      gateway: logged.gateway,
      method: routed.Method as string,
      trunk: routed.Trunk as string,
      ms: Date.now() - started,
    };
  }

  beforeAll(async () => {
    test = await createTestDatabase({ kind: 'sqlite' });
    await seedDemoPortal({ db: test.db() });
    process.env.DATABASE_URL = `file:${test.database.kind === 'sqlite' ? test.database.file : ''}`;
    listener = startDialplanListener({ listen: '127.0.0.1:0', readSimLoad: readLiveSimLoad });
    await new Promise((resolve) => listener!.once('listening', resolve));
    routeUrl = `http://127.0.0.1:${(listener!.address() as AddressInfo).port}/api/asterisk/route`;
    // The listener warms up on start; wait for it so the first call is judged on routing, not on a cold start.
    expect(await (await fetch(`${routeUrl}?number=79151234567&ext=101`)).text()).toBe('gw_mts');
    pbx = await connectAmi({
      host: env('AMI_HOST'),
      port: Number(env('AMI_PORT')),
      user: env('AMI_USER'),
      secret: env('AMI_SECRET'),
    });
    gateways = await connectAmi({
      host: env('PEERS_GW_AMI_HOST'),
      port: Number(env('PEERS_GW_AMI_PORT')),
      user: env('PEERS_GW_AMI_USER'),
      secret: env('PEERS_GW_AMI_SECRET'),
    });
    await setPbxGlobal('ROUTE_URL', routeUrl);
  });

  afterAll(async () => {
    await setPbxGlobal('ROUTE_URL', 'http://127.0.0.1:3001/api/asterisk/route').catch(() => undefined);
    listener?.close();
    pbx?.disconnect();
    gateways?.disconnect();
    await test?.dispose();
  });

  it('Sales desk phone dials an MTS number → the MTS gateway, chosen by the app', async () => {
    const call = await deskPhoneCall('101', '79151230001');
    expect(call).toMatchObject({ gateway: 'mts', method: 'app', trunk: 'gw_mts' });
  });

  it('HR desk phone dials a MegaFon number → HR-1 (HR never leaves its two numbers)', async () => {
    const call = await deskPhoneCall('201', '79261230001');
    expect(call).toMatchObject({ gateway: 'hr1', method: 'app', trunk: 'gw_hr1' });
  });

  // The endpoint decides with the same live SIM load as a click-to-call: a desk phone must not overrun a SIM's caps.
  it("every MTS SIM at its calls/day cap → a desk phone's MTS call leaves through Beeline, and says why", async () => {
    const db = test.db();
    const mts = await db.trunk.findFirstOrThrow({ where: { dial: 'PJSIP/{number}@gw_mts' } });
    const day = callDay(Date.now());
    const rows = Array.from({ length: mts.channels }, (_, simIndex) => ({
      portalId: mts.portalId,
      trunkId: mts.id,
      simIndex,
      day,
      calls: 150,
      seconds: 0,
    }));
    await db.simUsage.createMany({ data: rows });
    try {
      // The stored usage is cached for ≤ 1 s (refreshed in the background): ask until the endpoint sees it.
      for (
        let i = 0;
        i < 50 && (await (await fetch(`${routeUrl}?number=79151230004&ext=101`)).text()) !== 'gw_beeline';
        i += 1
      )
        await new Promise((r) => setTimeout(r, 100));
      const call = await deskPhoneCall('101', '79151230004');
      expect(call).toMatchObject({ gateway: 'beeline', method: 'app', trunk: 'gw_beeline' });
      const why = (await (await fetch(`${routeUrl}?number=79151230004&ext=101&format=json&lang=en`)).json()) as {
        reasonsText: string[];
      };
      expect(why.reasonsText.join('; ')).toMatch(/limit|cap/i);
    } finally {
      await db.simUsage.deleteMany({ where: { trunkId: mts.id, day } });
    }
  });

  it('app hung (accepts, never answers) → default gateway after the 1 s timeout', async () => {
    const hung = http.createServer(() => undefined).listen(0, '127.0.0.1');
    await new Promise((resolve) => hung.once('listening', resolve));
    await setPbxGlobal('ROUTE_URL', `http://127.0.0.1:${(hung.address() as AddressInfo).port}/api/asterisk/route`);
    try {
      const call = await deskPhoneCall('102', '79151230002');
      expect(call).toMatchObject({ gateway: 'beeline', method: 'fallback', trunk: 'gw_beeline' });
      console.log(`hung app: fallback reached the gateway ${call.ms} ms after dialling`);
    } finally {
      hung.closeAllConnections();
      hung.close();
      await setPbxGlobal('ROUTE_URL', routeUrl);
    }
  });

  it('app stopped → default gateway at once', async () => {
    await new Promise((resolve) => listener!.close(resolve));
    const call = await deskPhoneCall('103', '79151230003');
    expect(call).toMatchObject({ gateway: 'beeline', method: 'fallback', trunk: 'gw_beeline' });
    console.log(`app stopped: fallback reached the gateway ${call.ms} ms after dialling`);
  });
});
