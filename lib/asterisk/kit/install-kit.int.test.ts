import { randomInt } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setGatewayFault } from '../../../scripts/peers/test-support/gateway-faults';
import { waitForCallLogEntry } from '../../../scripts/peers/test-support/wait-for-call-log-entry';
import { createTestDatabase, type TestDatabase } from '../../db/testing/create-test-database';
import { AmiConnection } from '../ami/ami-connection';
import { freepbxTestPbx, installKitOnFreepbx, removeKitFromFreepbx } from '../testing/freepbx-profile';
import { seedFreepbxPortal } from '../testing/seed-freepbx-portal';
import { loadKitInput } from './load-kit-input';
import type { KitFlavour } from './kit-input';
import { renderInstallKit } from './render-install-kit';

// Both install kits on the FreePBX-shaped test PBX (Asterisk 22). FreePBX: calls through FreePBX's own outbound routes,
// the predial hook honouring the app's decision. Plain Asterisk: a desk phone's context as the kit's comment shows it
// (added by the test). Either way the app's line is used, hyphen and all, and with the app down an HR desk phone still
// leaves through an HR line while Sales takes the default.

/** A plain-Asterisk [from-internal] calling the kit, as the kit's header suggests. */
const PLAIN_DESK = [
  '',
  '[b24-test-desk]',
  'exten => _X.,1,Gosub(b24-desk-call,s,1(${FILTER(0-9,${EXTEN})},${FILTER(0-9,${CALLERID(num)})}))',
  ' same => n,GotoIf($["${TRUNK}" = ""]?congestion)',
  ' same => n,Gosub(b24-dial-line,s,1(${FILTER(0-9,${EXTEN})}))',
  ' same => n,Hangup()',
  ' same => n(congestion),Congestion(5)',
  '',
].join('\n');

describe.each<[KitFlavour, string, string]>([
  ['freepbx', 'from-internal', ''],
  ['asterisk', 'b24-test-desk', PLAIN_DESK],
])('%s install kit on the FreePBX-shaped PBX', (flavour, deskContext, extraDialplan) => {
  let test: TestDatabase;
  let route: http.Server;
  let ami: AmiConnection;
  /** The lines the fake app names ("^"-joined); it answers as the app does for the drop-in (format=dials). */
  let routeAnswer = '';
  const pbx = freepbxTestPbx();

  /** Installs the kit with the route URL given: a listener that answers routeAnswer, or a closed port (app down). */
  const install = async (routeUrl: string) => {
    const { portalId } = await seedFreepbxPortal({ db: test.db() });
    const config = { PUBLIC_URL: 'http://127.0.0.1:3000', DIALPLAN_LISTEN: 'off', DIALPLAN_SECRET: undefined };
    const input = await loadKitInput({ db: test.db(), portalId, portal: '', config: { ...config, pbxes: [pbx] }, pbx });
    await installKitOnFreepbx(`${renderInstallKit({ flavour, input: { ...input, routeUrl } }).text}${extraDialplan}`);
  };
  /** A fresh mobile number (ends 1–8: the simulated mobile answers), so the call log line is this call's. */
  const freshNumber = () => `7916${randomInt(100_000, 1_000_000)}${randomInt(1, 9)}`;
  const gatewayOf = async (number: string, since: number) =>
    (
      await waitForCallLogEntry({
        path: process.env.PEERS_GW_CALL_LOG!,
        matches: (entry) => entry.number === number && Date.parse(entry.time) >= since - 1000,
        timeoutMs: 15_000,
      })
    ).gateway;
  /** A desk phone dialling out: the desk phones' context with the phone's caller ID, as its own channel would. */
  const deskCall = async (extension: string) => {
    const number = freshNumber();
    const since = Date.now();
    await ami.action({
      Action: 'Originate',
      Channel: `Local/${number}@${deskContext}`,
      CallerID: `"Desk" <${extension}>`,
      Application: 'Wait',
      Data: '5',
      Async: 'true',
    });
    return gatewayOf(number, since);
  };

  beforeAll(async () => {
    test = await createTestDatabase({ kind: 'sqlite' });
    route = http.createServer((request, response) => {
      const number = new URL(request.url ?? '/', 'http://route').searchParams.get('number') ?? '';
      const lines = routeAnswer ? routeAnswer.split('^') : [];
      response.end(lines.map((line) => `PJSIP/${number}@${line}`).join('^'));
    });
    await new Promise<void>((resolve) => route.listen(0, '127.0.0.1', resolve));
    ami = await AmiConnection.open(pbx);
  });

  afterAll(async () => {
    ami?.close();
    await removeKitFromFreepbx();
    route?.close();
    await test?.dispose();
  });

  it('with the app down, an HR desk phone leaves through HR-1 and a Sales one through the Sales default', async () => {
    await install('http://127.0.0.1:9/api/asterisk/route'); // the discard port: nothing listens, CURL fails at once
    expect(await deskCall('201')).toBe('hr1');
    expect(await deskCall('101')).toBe('beeline');
  });

  it('with the app up, a desk phone leaves through the line it names, hyphen and all', async () => {
    routeAnswer = 'MTS-GoIP';
    await install(`http://127.0.0.1:${(route.address() as AddressInfo).port}/api/asterisk/route`);
    expect(await deskCall('102')).toBe('mts');
  });

  it("click-to-call leaves through the line the app chose, not the route's first trunk", async () => {
    const number = freshNumber();
    const since = Date.now();
    await ami.action({
      Action: 'Originate',
      Channel: 'PJSIP/101',
      Context: 'outbound',
      Exten: number,
      Priority: 1,
      CallerID: `"${number}" <${number}>`,
      Timeout: 15_000,
      Async: 'true',
      Variable: ['TRUNK=HR2-GoIP', 'MANAGER_EXT=101', '__B24_CALL_ID=kit-test'],
    });
    expect(await gatewayOf(number, since)).toBe('hr2');
  });

  it('MTS answers 503 → a desk phone and a click-to-call go on to the next line the app named', async () => {
    const gateway = await AmiConnection.open({
      host: process.env.PEERS_GW_AMI_HOST ?? '127.0.0.1',
      port: Number(process.env.PEERS_GW_AMI_PORT ?? 25039),
      user: process.env.PEERS_GW_AMI_USER ?? 'gw',
      secret: process.env.PEERS_GW_AMI_SECRET ?? '',
    });
    await setGatewayFault({ ami: gateway, gateway: 'mts', fault: '503' });
    try {
      routeAnswer = 'MTS-GoIP^Beeline-GoIP';
      await install(`http://127.0.0.1:${(route.address() as AddressInfo).port}/api/asterisk/route`);
      const reached = (number: string, since: number, gatewayName: string) =>
        waitForCallLogEntry({
          path: process.env.PEERS_GW_CALL_LOG!,
          matches: (e) => e.number === number && e.gateway === gatewayName && Date.parse(e.time) >= since - 1000,
          timeoutMs: 15_000,
        });
      const desk = freshNumber();
      let since = Date.now();
      await ami.action({
        Action: 'Originate',
        Channel: `Local/${desk}@${deskContext}`,
        CallerID: '"Desk" <102>',
        Application: 'Wait',
        Data: '5',
        Async: 'true',
      });
      await reached(desk, since, 'mts');
      await reached(desk, since, 'beeline');
      const click = freshNumber();
      since = Date.now();
      await ami.action({
        Action: 'Originate',
        Channel: 'PJSIP/101',
        Context: 'outbound',
        Exten: click,
        Priority: 1,
        Timeout: 15_000,
        Async: 'true',
        Variable: [
          'TRUNK=MTS-GoIP',
          'MANAGER_EXT=101',
          `__B24_DIALS=PJSIP/${click}@MTS-GoIP^PJSIP/${click}@Beeline-GoIP`,
        ],
      });
      await reached(click, since, 'mts');
      await reached(click, since, 'beeline');
    } finally {
      await setGatewayFault({ ami: gateway, gateway: 'mts', fault: null });
      gateway.close();
      routeAnswer = '';
    }
  });

  it('click-to-call naming a line the kit does not know leaves through the default line', async () => {
    const number = freshNumber();
    const since = Date.now();
    await ami.action({
      Action: 'Originate',
      Channel: 'PJSIP/102',
      Context: 'outbound',
      Exten: number,
      Priority: 1,
      Timeout: 15_000,
      Async: 'true',
      Variable: ['TRUNK=Nowhere-GoIP', 'MANAGER_EXT=102'],
    });
    // FreePBX: its own route's first trunk (Beeline-GoIP); plain Asterisk: DEFAULT_TRUNK (Beeline-GoIP too)
    expect(await gatewayOf(number, since)).toBe('beeline');
  });
});
