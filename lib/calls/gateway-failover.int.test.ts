import type { AddressInfo, Server } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { setGatewayFault, silenceGateway } from '../../scripts/peers/test-support/gateway-faults';
import { gatewayCli } from '../asterisk/testing/pbx-process';
import { startDialplanListener } from '../dialplan/start-dialplan-listener';
import { describeCallCard } from './card/describe-call-card';
import type { CallChange } from './call-tracker-state';
import { getSimLoad } from './get-sim-load';
import { startClickToCallHarness, type ClickToCallHarness } from './testing/click-to-call-harness';

/**
 * Failover on the real PBX (issue 3/7): the gateway simulator's faults are switched per gateway (AstDB gwfault/<gw>,
 * or a silenced address), the test PBX runs the shipped drop-in ([b24-dial-lines]) and the app's tracking journals
 * every attempt. Sales calling an MTS client: MTS first, then Beeline (the department default), then MegaFon.
 */
describe('failover from a gateway that cannot carry the call (real Asterisk)', () => {
  let h: ClickToCallHarness;
  let listener: Server | null = null;
  let routeUrl: string;
  let previousRouteUrl: string;

  const ended = (number: string, timeoutMs = 30_000) =>
    new Promise<CallChange>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`call to ${number} did not end`)), timeoutMs);
      const onChange = (change: CallChange) => {
        if (change.kind !== 'ended' || change.call.number !== number) return;
        clearTimeout(timer);
        h.tracking.off('change', onChange);
        resolve(change);
      };
      h.tracking.on('change', onChange);
    });

  /** The journal's attempts of one call, in order (after the tracking wrote everything). */
  /** The call's attempts once the last one is in: its event follows the hang-up (at most 5 s on a busy machine). */
  async function attempts(linkedId: string) {
    const deadline = Date.now() + 5_000;
    for (;;) {
      await h.tracking.flushed();
      const row = await h.testDb.db().call.findUniqueOrThrow({
        where: { linkedId },
        include: { events: { where: { kind: 'dial_attempt' }, orderBy: { id: 'asc' } } },
      });
      const list = row.events.map((event) => event.payload as Record<string, unknown>);
      const last = list.at(-1);
      if ((last && (last.moved === 'stop' || last.attempt === last.count)) || Date.now() > deadline)
        return { row, attempts: list };
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  const route = async (number: string) => (await fetch(`${routeUrl}?number=${number}&ext=101`)).text();

  beforeAll(async () => {
    h = await startClickToCallHarness();
    const file = h.testDb.database.kind === 'sqlite' ? h.testDb.database.file : '';
    process.env.DATABASE_URL = `file:${file}`;
    // The desk phones' answers see this test's tracking: the SIMs in use and the lines' reachability.
    listener = startDialplanListener({
      listen: '127.0.0.1:0',
      readSimLoad: (db, portalId) => getSimLoad({ db, portalId, trackers: [h.tracking.state] }),
    });
    await new Promise((resolve) => listener!.once('listening', resolve));
    routeUrl = `http://127.0.0.1:${(listener!.address() as AddressInfo).port}/api/asterisk/route`;
    expect(await route('79151234567')).toBe('gw_mts');
    previousRouteUrl = String((await h.manager.action({ Action: 'Getvar', Variable: 'ROUTE_URL' })).Value ?? '');
    await h.manager.action({ Action: 'Setvar', Variable: 'ROUTE_URL', Value: routeUrl });
  });

  beforeEach(async () => {
    await setGatewayFault({ ami: h.gateway, gateway: 'mts', fault: null });
  });

  afterAll(async () => {
    await setGatewayFault({ ami: h.gateway, gateway: 'mts', fault: null }).catch(() => undefined);
    await h?.manager.action({ Action: 'Setvar', Variable: 'ROUTE_URL', Value: previousRouteUrl }).catch(() => null);
    listener?.close();
    await h?.close();
  });

  it('the desk-phone answer lists the first choice and the fallbacks', async () => {
    const answer = await (await fetch(`${routeUrl}?number=79151234567&ext=101&format=dials`)).text();
    expect(answer).toBe('PJSIP/79151234567@gw_mts^PJSIP/79151234567@gw_beeline^PJSIP/79151234567@gw_megafon');
  });

  it('MTS answers 503 → a desk phone reaches the client through Beeline; the journal has both attempts', async () => {
    await setGatewayFault({ ami: h.gateway, gateway: 'mts', fault: '503' });
    const number = '79151230011';
    const end = ended(number);
    await gatewayCli(`channel originate PJSIP/${number}@phone101 extension s@desk-phone`);
    const { call } = await end;
    expect(call).toMatchObject({ origin: 'desk_phone', trunkEndpoint: 'gw_beeline', b24StatusCode: '200' });
    const journal = await attempts(call.linkedId);
    expect(journal.row.trunkName).toBe('Билайн');
    expect(journal.attempts).toEqual([
      expect.objectContaining({ attempt: 1, trunk: 'gw_mts', dialStatus: 'CONGESTION', sip: 503, moved: 'next' }),
      expect.objectContaining({ attempt: 2, trunk: 'gw_beeline', dialStatus: 'ANSWER', moved: 'stop' }),
    ]);
  });

  it('MTS answers 503 → a click-to-call reaches the client through Beeline; two attempts', async () => {
    await setGatewayFault({ ami: h.gateway, gateway: 'mts', fault: '503' });
    const callId = `failover-${Date.now()}`;
    const { linkedId } = await h.place({ extension: '101', number: '79151230012', b24CallId: callId });
    const end = await h.tracking.waitForEnd(linkedId, 30_000);
    expect(end.call).toMatchObject({ trunkEndpoint: 'gw_beeline', b24StatusCode: '200' });
    const journal = await attempts(linkedId);
    expect(journal.row.trunkName).toBe('Билайн');
    expect(journal.attempts.map((a) => [a.trunk, a.moved])).toEqual([
      ['gw_mts', 'next'],
      ['gw_beeline', 'stop'],
    ]);
    const card = await describeCallCard({
      db: h.testDb.db(),
      portalId: h.portalId,
      extension: '101',
      callId,
      number: null,
      lang: 'ru',
      ami: h.ami,
    });
    expect(card.journal?.attempts).toEqual([
      expect.stringMatching(/^МТС: шлюз не смог принять звонок \(SIP 503.*\) → следующая линия$/),
      expect.stringMatching(/^Билайн: клиент ответил/),
    ]);
  });

  it('a SIM the carrier blocked fails every call → the next line carries it', async () => {
    await setGatewayFault({ ami: h.gateway, gateway: 'mts', fault: 'blocked' });
    const number = '79151230013';
    const end = ended(number);
    await gatewayCli(`channel originate PJSIP/${number}@phone101 extension s@desk-phone`);
    const { call } = await end;
    const journal = await attempts(call.linkedId);
    expect(journal.attempts.map((a) => [a.trunk, a.moved])).toEqual([
      ['gw_mts', 'next'],
      ['gw_beeline', 'stop'],
    ]);
    console.log('blocked SIM as the PBX saw it:', JSON.stringify(journal.attempts[0]));
  });

  it('the client is busy (number ending in 0) → no second line', async () => {
    const number = '79151230010';
    const end = ended(number);
    await gatewayCli(`channel originate PJSIP/${number}@phone101 extension s@desk-phone`);
    const { call } = await end;
    expect(call.trunkEndpoint).toBe('gw_mts');
    const journal = await attempts(call.linkedId);
    expect(journal.attempts).toEqual([
      expect.objectContaining({ attempt: 1, trunk: 'gw_mts', dialStatus: 'BUSY', cause: 17, moved: 'stop' }),
    ]);
  });

  it('a call dropped after 2 s was answered: no second line', async () => {
    await setGatewayFault({ ami: h.gateway, gateway: 'mts', fault: 'drop2s' });
    const { linkedId } = await h.place({ extension: '101', number: '79151230014' });
    const end = await h.tracking.waitForEnd(linkedId, 30_000);
    expect(end.call.trunkEndpoint).toBe('gw_mts');
    expect(end.call.talkSec).toBeLessThanOrEqual(3);
    const journal = await attempts(linkedId);
    expect(journal.attempts.map((a) => [a.trunk, a.dialStatus, a.moved])).toEqual([['gw_mts', 'ANSWER', 'stop']]);
  });

  it('MTS stops answering qualify → MTS clients route through Beeline; back to MTS when it returns', async () => {
    const qualifySec = 5; // scripts/peers/asterisk/pbx/pjsip.conf: qualify_frequency
    const restore = await silenceGateway('127.0.0.13');
    const silencedAt = Date.now();
    let movedMs: number | null = null;
    try {
      while (Date.now() - silencedAt < (qualifySec + 3) * 1000) {
        if ((await route('79151234567')) === 'gw_beeline') {
          movedMs = Date.now() - silencedAt;
          break;
        }
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      const why = await (await fetch(`${routeUrl}?number=79151234567&ext=101&format=json&lang=en`)).json();
      expect((why as { reasonsText: string[] }).reasonsText.join('; ')).toMatch(/МТС: gateway unreachable/);
    } finally {
      await restore();
    }
    console.log(`unreachable MTS left routing ${movedMs} ms after it went silent (qualify every ${qualifySec} s)`);
    expect(movedMs).not.toBeNull();
    expect(movedMs!).toBeLessThanOrEqual((qualifySec + 1) * 1000);
    const back = Date.now();
    let backMs: number | null = null;
    while (Date.now() - back < (qualifySec + 3) * 1000) {
      if ((await route('79151234567')) === 'gw_mts') {
        backMs = Date.now() - back;
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    console.log(`MTS back in routing ${backMs} ms after it answered again`);
    expect(backMs).not.toBeNull();
    expect(backMs!).toBeLessThanOrEqual((qualifySec + 1) * 1000);
  });
});
