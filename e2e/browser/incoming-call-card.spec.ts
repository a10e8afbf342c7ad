import { expect, test, type Browser, type Page } from '@playwright/test';
import { AmiConnection } from '../../lib/asterisk/ami/ami-connection';
import { callIntoPbx } from '../../lib/calls/testing/call-into-pbx';
import { formatPhone } from '../../lib/format/format-phone';
import { APP_PORT, E2E_DIALPLAN_SECRET } from '../support/e2e-env';
import { currentProfile } from '../support/current-profile';
import { emulatorControl } from '../support/emulator-control';
import { expectRecordingAttached } from '../support/expect-recording-attached';
import { gatewayAmi, incomingCallProfile, type IncomingCallProfile } from '../support/incoming-call-profile';
import { installDemoPortal } from '../support/install-demo-portal';
import {
  deskOf,
  finishOf,
  saveRoutingSettingsAsAdmin,
  seatUsers,
  setRecording,
  setRecordingOnOverview,
  unwhitelistDesks,
  whitelistDesk,
} from '../support/demo-portal-desks';

/**
 * A client calls a company line through the gateway simulator into the real PBX; the ring group's two users each have
 * the portal open, and the emulated portal pops up the call card each one was shown (telephony-external-call-show.md,
 * -hide.md; the cards end with -finish.md). The demo portal's users 1 and 3 sit at the group's desks for this file;
 * user 2 (Борис), who owns +79161234567 in the emulator's CRM, stays outside it.
 */
const GROUP_USERS = [1, 3] as const;
const CRM_OWNER = 2;
const CRM_CLIENT = '79161234567';
/** The gateway's desk phones ring this long before they answer: long enough for both pages to show the card. */
const RING_SECS = '6';
const TALK_SECS = '8';

let profile: IncomingCallProfile;
let gateway: AmiConnection | null = null;
let pbx: AmiConnection | null = null;
let routeUrlBefore = '';

/** The client calls the profile's company line from `from`; gives up after `abandonAfterMs` when given. */
const callIn = (from: string, abandonAfterMs?: number) =>
  callIntoPbx({
    gateway: gateway!,
    pbx: profile.pbx,
    through: profile.through,
    lineNumber: profile.lineNumber,
    from,
    abandonAfterMs,
  });

const setGateway = (variable: string, value: string) =>
  gateway!.action({ Action: 'Setvar', Variable: variable, Value: value });

async function openPortal(browser: Browser, user: number, emulatorUrl: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto(`${emulatorUrl}/portal/app?path=/admin/journal&user=${user}&lang=ru`);
  await expect(page.locator('#app-frame')).toBeAttached();
  return page;
}

const cardOf = (page: Page, number: string) =>
  page.getByTestId('portal-call-card').and(page.locator(`[data-phone*="${number.slice(-10)}"]`));

test.describe('the incoming call card in each ringing user’s portal', () => {
  test.beforeAll(async ({ browser, request }) => {
    profile = incomingCallProfile();
    test.skip(!profile.ami || !gatewayAmi(), 'needs the real peers (npm run peers -- up)');
    await installDemoPortal(request);
    await seatUsers(GROUP_USERS, profile.ringGroup);
    await saveRoutingSettingsAsAdmin(request);
    gateway = await AmiConnection.open(gatewayAmi()!);
    pbx = await AmiConnection.open(profile.ami!);
    // The PBX asks the app under test who takes a client's call ([route-incoming-call]): its dialplan listener. The
    // FreePBX-shaped PBX has the kit global setup rendered for this profile's app (and its AMI user may not Setvar).
    if (!currentProfile().routesToTestApp) {
      routeUrlBefore = String((await pbx.action({ Action: 'Getvar', Variable: 'ROUTE_URL' })).Value ?? '');
      await pbx.action({
        Action: 'Setvar',
        Variable: 'ROUTE_URL',
        Value: `http://127.0.0.1:${APP_PORT + 1}/api/asterisk/route`,
      });
    }
    // The admin turns recordings on, on the overview in the portal.
    await setRecordingOnOverview(browser, emulatorControl(request).url, true);
    await setGateway('PHONE_RING_SECS', RING_SECS);
    await setGateway('CLIENT_TALK_SECS', TALK_SECS);
  });
  test.afterAll(async ({ request }) => {
    if (!gateway) return;
    for (const extension of profile.ringGroup) await setGateway(`PHONE_MODE_${extension}`, '').catch(() => undefined);
    await setGateway('PHONE_RING_SECS', '1').catch(() => undefined);
    await setGateway('CLIENT_TALK_SECS', '3').catch(() => undefined);
    if (routeUrlBefore) await pbx?.action({ Action: 'Setvar', Variable: 'ROUTE_URL', Value: routeUrlBefore });
    await setRecording(request, false);
    gateway?.close();
    pbx?.close();
    await unwhitelistDesks(profile.ringGroup);
    await installDemoPortal(request);
  });

  // @pbx-call: runs on each PBX profile (playwright.config.ts); incomingCallProfile says where the client calls.
  test('both see the card; the one who answers keeps it, the other loses it; finish names the answerer', {
    tag: '@pbx-call',
  }, async ({ browser, request }) => {
    test.setTimeout(180_000);
    const emulator = emulatorControl(request);
    const [answerer, other] = profile.ringGroup;
    const answering = await openPortal(browser, GROUP_USERS[0], emulator.url);
    const ringing = await openPortal(browser, GROUP_USERS[1], emulator.url);
    await setGateway(`PHONE_MODE_${other}`, 'noanswer');
    await setGateway(`PHONE_MODE_${answerer}`, '');

    const number = `7903${String(Date.now()).slice(-7)}`;
    await callIn(number);
    const answererCard = cardOf(answering, number);
    const otherCard = cardOf(ringing, number);
    await expect(answererCard).toBeVisible({ timeout: 15_000 });
    await expect(otherCard).toBeVisible({ timeout: 5_000 });
    // Read while both still ring: the answerer picks up RING_SECS after the call came in.
    const callId = String(await answererCard.getAttribute('data-call-id'));
    await expect(otherCard).toHaveAttribute('data-call-id', callId);
    await answering.screenshot({ path: test.info().outputPath('incoming-card-ringing.png') });
    await expect(answererCard).toHaveAttribute('data-line', profile.lineNumber);

    // The answerer's phone picks up: the other's card goes, the answerer's stays while the client talks.
    await expect(otherCard).toHaveCount(0, { timeout: 15_000 });
    await expect(answererCard).toBeVisible();
    const finishes = async () =>
      (await emulator.calls('telephony.externalcall.finish')).filter((c) => c.params.CALL_ID === callId);
    expect(await finishes()).toEqual([]);
    await answering.screenshot({ path: test.info().outputPath('incoming-card-answered.png') });

    await expect(answererCard).toHaveCount(0, { timeout: 30_000 });
    const [finish] = await finishes();
    expect(String(finish?.params.USER_ID)).toBe(String(GROUP_USERS[0]));
    expect(String(finish?.params.STATUS_CODE)).toBe('200');
    expect(Number(finish?.params.DURATION)).toBeGreaterThan(0);
    const hidden = (await emulator.calls('telephony.externalcall.hide')).filter((c) => c.params.CALL_ID === callId);
    expect(hidden.map((c) => String(c.params.USER_ID))).toEqual([String(GROUP_USERS[1])]);

    // The answering phone's recording came from the PBX and went to Bitrix24; the answerer's journal says so.
    await expectRecordingAttached(request, callId, Number(finish?.params.DURATION));
    await answering.reload();
    const row = answering
      .frameLocator('#app-frame')
      .getByTestId('journal-row')
      .filter({ hasText: formatPhone(number) });
    await expect(row.getByTestId('journal-recording')).toHaveText('запись получена');
  });

  // @pbx-call: runs on each PBX profile (playwright.config.ts); incomingCallProfile says where the client calls.
  test("an abandoned call leaves no card and is finished 304 for the client's owner in the CRM", {
    tag: '@pbx-call',
  }, async ({ browser, request }) => {
    test.setTimeout(180_000);
    const emulator = emulatorControl(request);
    const pages = await Promise.all(GROUP_USERS.map((user) => openPortal(browser, user, emulator.url)));
    for (const extension of profile.ringGroup) await setGateway(`PHONE_MODE_${extension}`, 'noanswer');
    const startedAt = Date.now();
    await callIn(CRM_CLIENT, 4_000);
    const finish = await finishOf(request, CRM_CLIENT, startedAt);
    expect(String(finish.params.USER_ID)).toBe(String(CRM_OWNER));
    expect(String(finish.params.STATUS_CODE)).toBe('304');
    for (const page of pages) await expect(cardOf(page, CRM_CLIENT)).toHaveCount(0);
  });

  test("the client's CRM owner is rung first: only their portal shows the card; busy, the group takes the call", {
    tag: '@pbx-call',
  }, async ({ browser, request }) => {
    test.setTimeout(180_000);
    const emulator = emulatorControl(request);
    const owner = await openPortal(browser, CRM_OWNER, emulator.url);
    const group = await openPortal(browser, GROUP_USERS[0], emulator.url);
    // Борис's desk phone: the dialplan rings it first for his clients.
    const ownerDesk = await deskOf(CRM_OWNER);
    const whitelisted = await whitelistDesk(ownerDesk);
    try {
      // The dialplan's question is answered from memory: the first one for this client fetches the owner from the CRM.
      const incomingUrl = `http://127.0.0.1:${currentProfile().appPort + 1}/api/asterisk/incoming?number=${CRM_CLIENT}`;
      const ask = async () =>
        (await request.get(incomingUrl, { headers: { 'X-Dialplan-Secret': E2E_DIALPLAN_SECRET } })).text();
      await expect.poll(ask, { timeout: 15_000 }).toBe(ownerDesk);
      for (const extension of profile.ringGroup) await setGateway(`PHONE_MODE_${extension}`, 'noanswer');
      const first = Date.now();
      await callIn(CRM_CLIENT);
      await expect(cardOf(owner, CRM_CLIENT)).toBeVisible({ timeout: 15_000 });
      await expect(cardOf(group, CRM_CLIENT)).toHaveCount(0);
      const answered = await finishOf(request, CRM_CLIENT, first);
      expect([String(answered.params.USER_ID), String(answered.params.STATUS_CODE)]).toEqual([
        String(CRM_OWNER),
        '200',
      ]);

      await setGateway(`PHONE_MODE_${ownerDesk}`, 'busy');
      await setGateway(`PHONE_MODE_${profile.ringGroup[0]}`, '');
      const second = Date.now();
      await callIn(CRM_CLIENT);
      await expect(cardOf(group, CRM_CLIENT)).toBeVisible({ timeout: 15_000 });
      const byGroup = await finishOf(request, CRM_CLIENT, second);
      expect([String(byGroup.params.USER_ID), String(byGroup.params.STATUS_CODE)]).toEqual([
        String(GROUP_USERS[0]),
        '200',
      ]);
    } finally {
      await setGateway(`PHONE_MODE_${ownerDesk}`, '');
      if (whitelisted) await unwhitelistDesks([ownerDesk]);
    }
  });
});
