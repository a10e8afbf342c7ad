import type AmiClient from 'asterisk-ami-client';
import { expect, test } from '@playwright/test';
import { connectAmi } from '../../scripts/peers/test-support/connect-ami';
import { newActionId } from '../../scripts/peers/test-support/new-action-id';
import { waitForCallLogEntry } from '../../scripts/peers/test-support/wait-for-call-log-entry';
import { currentCallLog, currentProfile } from '../support/current-profile';
import { setRecording } from '../support/demo-portal-desks';
import { emulatorControl } from '../support/emulator-control';
import { expectRecordingAttached } from '../support/expect-recording-attached';
import { installDemoPortal } from '../support/install-demo-portal';
import { withAppDb } from '../support/with-app-db';

/**
 * What reaches the CRM is decided by the lists the admin keeps in the portal: the admin whitelists manager 1
 * (extension 101) and marks the water-delivery number never-record in the browser; then real desk phones call through
 * the real PBX, and the emulated Bitrix24 sees a registration for the whitelisted manager's client call only, and
 * a recording of that call only.
 */
/** A Beeline mobile: FreePBX's outbound routes take mobiles only; Sales calls it on-net, through Beeline. */
const WATER = '79037770001';
const CLIENT_OF_101 = '79151230021';
const CLIENT_OF_102 = '79151230022';

test.describe("registration follows the portal's lists", () => {
  test.skip(() => !currentCallLog(), 'needs the real Asterisk pair (npm run peers -- up)');
  let gateways: AmiClient;
  let pbx: AmiClient | undefined;
  const setRouteUrl = (url: string) =>
    pbx?.action({ Action: 'Setvar', Variable: 'ROUTE_URL', Value: url, ActionID: newActionId('setvar') }, true);

  test.beforeAll(async ({ request }) => {
    await installDemoPortal(request);
    await setRecording(request, true);
    // The app hears of the install as from Bitrix24, so it asks again which portal routes a desk phone's call: one it
    // looked up before the portal was written behind its back would route by that portal's (empty) settings.
    expect((await request.post('/api/b24/events', { data: '' })).status()).toBe(401); // compiled under next dev
    const handler = `${currentProfile().appUrl}/api/b24/events`;
    const install = { VERSION: '1', LANGUAGE_ID: 'ru' };
    expect((await emulatorControl(request).fireEvent('ONAPPINSTALL', install, { handler }))[0]?.status).toBe(200);
    // The app journals a desk phone's call from the PBX's AMI events: its session must be up before the phones dial.
    const amiUp = async () =>
      ((await (await request.get('/api/health')).json()) as { ami: Array<{ ok: boolean }> }).ami;
    await expect.poll(amiUp, { timeout: 60_000 }).toEqual([expect.objectContaining({ ok: true })]);
    const env = process.env;
    gateways = await connectAmi({
      host: env.PEERS_GW_AMI_HOST!,
      port: Number(env.PEERS_GW_AMI_PORT),
      user: env.PEERS_GW_AMI_USER!,
      secret: env.PEERS_GW_AMI_SECRET!,
    });
    const { routesToTestApp, appPort } = currentProfile();
    if (routesToTestApp) return;
    pbx = await connectAmi({
      host: env.AMI_HOST!,
      port: Number(env.AMI_PORT),
      user: env.AMI_USER!,
      secret: env.AMI_SECRET!,
    });
    // The PBX asks the app under test which trunk a desk phone's call takes (its dialplan listener, next to the app).
    await setRouteUrl(`http://127.0.0.1:${appPort + 1}/api/asterisk/route`);
  });
  test.afterAll(async ({ request }) => {
    await setRecording(request, false);
    await setRouteUrl('http://127.0.0.1:3001/api/asterisk/route')?.catch(() => undefined);
    gateways?.disconnect();
    pbx?.disconnect();
  });

  /** The gateway simulator's desk phone <ext> dials <number> into the PBX; resolves once a gateway carried it. */
  async function deskPhoneCall(ext: string, number: string): Promise<string> {
    const started = Date.now();
    await gateways.action(
      {
        Action: 'Originate',
        Channel: currentProfile().deskPhoneChannel(ext, number),
        Context: 'desk-phone',
        Exten: 's',
        Priority: '1',
        Async: 'true',
        ActionID: newActionId('desk'),
      },
      true,
    );
    const entry = await waitForCallLogEntry({
      path: currentCallLog()!,
      timeoutMs: 20_000,
      matches: (e) => e.number === number && Date.parse(e.time) >= started - 1000,
    });
    return entry.gateway;
  }

  // @pbx-call: runs on each PBX profile (playwright.config.ts).
  test('a never-record number and a manager off the whitelist produce no ' + 'registration; the whitelisted one does', {
    tag: '@pbx-call',
  }, async ({ page, request }) => {
    const emulator = emulatorControl(request);
    await page.goto(`${emulator.url}/portal/app?path=/admin/lists&user=1&lang=ru`);
    const frame = page.frameLocator('#app-frame');
    await expect(frame.getByTestId('neverRecord-section')).toBeVisible({ timeout: 90_000 });
    const neverValues = await frame
      .getByTestId(/^neverRecord-\d+-value$/)
      .evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value));
    if (!neverValues.includes(WATER)) {
      await frame.getByTestId('neverRecord-add').click();
      await frame.getByTestId(`neverRecord-${neverValues.length}-value`).fill('+7 903 777-00-01');
      await frame.getByTestId(`neverRecord-${neverValues.length}-note`).fill('Доставка воды');
    }
    const values = await frame
      .getByTestId(/^whitelistUsers-\d+-value$/)
      .evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value));
    if (!values.includes('1')) {
      await frame.getByTestId('whitelistUsers-picker').selectOption('1');
      await frame.getByTestId('whitelistUsers-add-picked').click();
    }
    await frame.getByTestId('save-settings').click();
    await expect(frame.getByTestId('save-status')).toHaveText('Сохранено');
    await page.screenshot({ path: test.info().outputPath('lists-before-calls.png'), fullPage: true });

    const since = Date.now();
    // Manager 1 (101, whitelisted) orders water, then calls a client; manager 2 (102, not whitelisted) calls a
    // client.
    expect(await deskPhoneCall('101', WATER)).toBe('beeline');
    expect(await deskPhoneCall('102', CLIENT_OF_102)).toBe('mts');
    expect(await deskPhoneCall('101', CLIENT_OF_101)).toBe('mts');

    const registered = async () =>
      (await emulator.calls('telephony.externalcall.register'))
        .filter((c) => c.time >= since)
        .map((c) => String(c.params.PHONE_NUMBER));
    // The control call proves registrations do flow from these desk phones; by then the others were decided.
    await expect.poll(registered, { timeout: 30_000 }).toContain(CLIENT_OF_101);
    const numbers = await registered();
    expect(numbers).not.toContain(WATER);
    expect(numbers).not.toContain(CLIENT_OF_102);
    // The journal says why each was or was not registered (what /admin/journal shows).
    const reasons = await withAppDb((db) =>
      db.call.findMany({
        where: { number: { in: [WATER, CLIENT_OF_102, CLIENT_OF_101] }, startedAt: { gte: new Date(since - 1000) } },
        select: { number: true, registered: true, registrationReason: true },
      }),
    );
    expect(reasons).toEqual(
      expect.arrayContaining([
        { number: WATER, registered: false, registrationReason: 'never_record' },
        { number: CLIENT_OF_102, registered: false, registrationReason: 'not_whitelisted' },
        { number: CLIENT_OF_101, registered: true, registrationReason: 'whitelist_user' },
      ]),
    );
    // The portal records: the whitelisted call's recording came back from the PBX; the other two were not recorded.
    const register = (await emulator.calls('telephony.externalcall.register')).find(
      (c) => c.time >= since && String(c.params.PHONE_NUMBER).endsWith(CLIENT_OF_101),
    );
    const callId = String((register!.response as { result: { CALL_ID: string } }).result.CALL_ID);
    const row = async () =>
      withAppDb((db) =>
        db.call.findFirst({ where: { number: CLIENT_OF_101, startedAt: { gte: new Date(since - 1000) } } }),
      );
    await expect.poll(async () => (await row())?.status, { timeout: 30_000 }).toBe('ended');
    const ended = (await row())!;
    await expectRecordingAttached(request, callId, (ended.endedAt!.getTime() - ended.answeredAt!.getTime()) / 1000);
    const unrecorded = await withAppDb((db) =>
      db.call.findMany({
        where: { number: { in: [WATER, CLIENT_OF_102] }, startedAt: { gte: new Date(since - 1000) } },
        select: { recordingPath: true },
      }),
    );
    expect(unrecorded).toEqual([{ recordingPath: null }, { recordingPath: null }]);
  });
});
