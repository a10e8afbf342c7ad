import { expect, test, type FrameLocator, type Page } from '@playwright/test';
import { waitForCallLogEntry } from '../../scripts/peers/test-support/wait-for-call-log-entry';
import { callRest } from '../bitrix24-emulator/test-client';
import { currentCallLog, currentProfile } from '../support/current-profile';
import { DEMO_MEMBER_ID } from '../support/e2e-env';
import { emulatorControl } from '../support/emulator-control';
import { installDemoPortal } from '../support/install-demo-portal';
import { withAppDb } from '../support/with-app-db';

/** The emulator's demo portal has no HR people; its user 3 sits at HR's desk (extension 201) for the HR test. */
const HR_STAND_IN = 3;
const MTS_NUMBER = '79151234567';
const BEELINE_LINE = '74950000001';

/** A line option: its name, plus the busy count when the app is connected to a PBX (live load known). */
const line = (name: string, lang: 'ru' | 'en') =>
  new RegExp(`^${name}( · ${lang === 'ru' ? 'занято' : 'busy'} \\d+/\\d+)?$`);

function seatUserAtExtension(b24UserId: number, extension: string, b24DepartmentId: number): Promise<void> {
  return withAppDb(async (db) => {
    const portal = await db.portal.findUniqueOrThrow({ where: { memberId: DEMO_MEMBER_ID } });
    const user = await db.user.update({
      where: { portalId_b24UserId: { portalId: portal.id, b24UserId } },
      data: { extension },
    });
    const department = await db.department.findUniqueOrThrow({
      where: { portalId_b24DepartmentId: { portalId: portal.id, b24DepartmentId } },
    });
    await db.userDepartment.deleteMany({ where: { userId: user.id } });
    await db.userDepartment.create({ data: { userId: user.id, departmentId: department.id } });
  });
}

function journalCall(b24CallId: string): Promise<void> {
  return withAppDb(async (db) => {
    const portal = await db.portal.findUniqueOrThrow({ where: { memberId: DEMO_MEMBER_ID } });
    const decision = {
      reasons: [
        { code: 'profile', profile: 'Продажи' },
        { code: 'busy', trunk: 'МТС', busy: 4, channels: 4 },
        { code: 'chosen', trunk: 'Билайн', via: 'profileDefault' },
      ],
    };
    await db.call.create({
      data: {
        portalId: portal.id,
        linkedId: `card-${b24CallId}`,
        b24CallId,
        direction: 'outbound',
        origin: 'click_to_call',
        extension: '101',
        number: MTS_NUMBER,
        carrierSource: 'registry',
        trunkName: 'Билайн',
        status: 'answered',
        decision,
      },
    });
  });
}

async function openCard(
  page: Page,
  emulatorUrl: string,
  user: number,
  lang: 'ru' | 'en',
  callId: string,
): Promise<FrameLocator> {
  const options = JSON.stringify({
    CALL_ID: callId,
    PHONE_NUMBER: MTS_NUMBER,
    LINE_NUMBER: '',
    CALL_STATE: 'connecting',
    CALL_DIRECTION: 'outgoing',
  });
  await page.goto(
    `${emulatorUrl}/portal/app?path=/call-card&user=${user}&lang=${lang}&placement=CALL_CARD` +
      `&options=${encodeURIComponent(options)}`,
  );
  const frame = page.frameLocator('#app-frame');
  await expect(frame.getByTestId('call-card')).toBeVisible({ timeout: 90_000 });
  return frame;
}

test.describe('the call card inside the portal', () => {
  test.beforeAll(async ({ request }) => {
    await installDemoPortal(request);
  });
  test.afterAll(async ({ request }) => {
    // Puts user 3 back at the Sales desk (seedDemoPortal is idempotent).
    await installDemoPortal(request);
  });

  // @pbx-call: runs on each PBX profile (playwright.config.ts); the gateways and line names are the same on both.
  test('Sales clicks an MTS number → MTS gateway; the card says why; Beeline picked → redial via Билайн', {
    tag: '@pbx-call',
  }, async ({ page, request }) => {
    const emulator = emulatorControl(request);
    const callLog = currentCallLog();
    let callId = 'externalCall.card.sales.1';
    if (callLog) {
      // The click on the number in the CRM, as Bitrix24 does it: it registers the call, then sends ONEXTERNALCALLSTART
      // (empty LINE_NUMBER = automatic) to the app, which routes it and has the PBX dial through the chosen gateway.
      const handler = `${currentProfile().appUrl}/api/b24/events`;
      expect(
        (await emulator.fireEvent('ONAPPINSTALL', { VERSION: '1', LANGUAGE_ID: 'ru' }, { handler }))[0]?.status,
      ).toBe(200);
      const { accessToken } = await emulator.issueTokens(1, DEMO_MEMBER_ID);
      const registered = await callRest(
        emulator.url,
        'telephony.externalcall.register',
        { USER_ID: 1, PHONE_NUMBER: `+${MTS_NUMBER}`, TYPE: 1, SHOW: 1 },
        accessToken,
      );
      callId = String(registered.body.result.CALL_ID);
      const clickedAt = Date.now() - 1_000;
      const [delivery] = await emulator.fireEvent(
        'ONEXTERNALCALLSTART',
        {
          PHONE_NUMBER: `+${MTS_NUMBER}`,
          PHONE_NUMBER_INTERNATIONAL: `+${MTS_NUMBER}`,
          EXTENSION: '',
          USER_ID: '1',
          CALL_LIST_ID: '0',
          LINE_NUMBER: '',
          CALL_ID: callId,
          IS_MOBILE: '0',
          CRM_ENTITY_TYPE: '',
          CRM_ENTITY_ID: '',
        },
        { handler, userId: 1 },
      );
      expect(delivery?.status).toBe(200);
      const clicked = await waitForCallLogEntry({
        path: callLog,
        matches: (e) => e.number === MTS_NUMBER && e.callerId === '101' && Date.parse(e.time) >= clickedAt,
        timeoutMs: 20_000,
      });
      expect(clicked.gateway).toBe('mts');
    }
    const frame = await openCard(page, emulator.url, 1, 'ru', callId);

    await expect(frame.getByTestId('card-carrier')).toHaveText('МТС');
    await expect(frame.getByTestId('card-carrier-source')).toHaveAttribute('data-source', 'registry');
    await expect(frame.getByTestId('card-trunk')).toHaveText('МТС');
    const reasons = frame.getByTestId('card-reasons');
    await expect(reasons).toContainText('отдел: Продажи');
    await expect(reasons).toContainText('МТС по реестру');
    await expect(reasons).toContainText('→ МТС (линия оператора клиента)');
    await expect(frame.getByTestId('card-line').locator('option')).toHaveText([
      'Авто (по оператору)',
      line('Билайн', 'ru'),
      line('МегаФон', 'ru'),
      line('МТС', 'ru'),
    ]);
    await page.screenshot({ path: test.info().outputPath('call-card-sales-ru.png'), fullPage: true });

    // The card refreshes on the call's state changes. An event fired inside the SDK's bind window settles the bind
    // promise instead, so keep firing until the page shows it.
    await expect
      .poll(async () => {
        // The real shape: the state string alone (call-card-call-state-changed.md).
        await page.evaluate(() =>
          (window as unknown as { __fireCallState: (state: string) => number }).__fireCallState('idle'),
        );
        return frame
          .getByTestId('card-call-state')
          .textContent({ timeout: 500 })
          .catch(() => null);
      })
      .toBe('idle');

    await frame.getByTestId('card-line').selectOption(BEELINE_LINE);
    const startedAt = Date.now() - 1_000;
    await frame.getByTestId('card-redial').click();
    const result = frame.getByTestId('card-redial-result');
    await expect(result).toBeVisible();
    await expect(frame.getByTestId('card-redial-trunk')).toHaveText('Билайн');
    await expect(frame.getByTestId('card-redial-why')).toContainText('→ Билайн (выбрано менеджером)');
    // Without the Asterisk pair (no AMI_* exported) the decision is made and the PBX seam refuses with its message.
    const outcome = await result.getAttribute('data-outcome');
    if (callLog) {
      // The real pair: manager 101's desk phone answers, then the PBX dials out through the Beeline gateway.
      expect(outcome).toBe('placed');
      const entry = await waitForCallLogEntry({
        path: callLog,
        matches: (e) => e.number === MTS_NUMBER && e.callerId === '101' && Date.parse(e.time) >= startedAt,
        timeoutMs: 20_000,
      });
      expect(entry.gateway).toBe('beeline');
    } else {
      expect(outcome).toBe('notPlaced');
      await expect(frame.getByTestId('card-redial-message')).toContainText('PBX');
    }
    await page.screenshot({ path: test.info().outputPath('call-card-sales-redial.png'), fullPage: true });
  });

  test('the card shows what the journal knows about the call on screen', async ({ page, request }) => {
    const callId = `externalCall.card.journal.${Date.now()}`;
    await journalCall(callId);
    const frame = await openCard(page, emulatorControl(request).url, 2, 'ru', callId);
    const journal = frame.getByTestId('card-journal');
    await expect(journal).toContainText('Билайн');
    await expect(journal).toContainText('статус разговор'); // the stored 'answered', in the viewer's language
    await expect(journal).toContainText('МТС занят 4/4');
    await expect(journal).toContainText('→ Билайн (линия отдела по умолчанию)');
    await page.screenshot({ path: test.info().outputPath('call-card-journal.png'), fullPage: true });
  });

  test("HR (extension 201) sees only HR's two lines, in English; a Sales line is refused with the reason", async ({
    page,
    request,
  }) => {
    await seatUserAtExtension(HR_STAND_IN, '201', 2);
    const emulator = emulatorControl(request);
    const frame = await openCard(page, emulator.url, HR_STAND_IN, 'en', 'externalCall.card.hr.1');

    await expect(frame.getByTestId('card-carrier')).toHaveText('MTS');
    await expect(frame.getByTestId('card-trunk')).toHaveText('HR-2');
    await expect(frame.getByTestId('card-reasons')).toContainText('department: HR');
    await expect(frame.getByTestId('card-line').locator('option')).toHaveText([
      'Auto (by carrier)',
      line('HR-1', 'en'),
      line('HR-2', 'en'),
    ]);
    await page.screenshot({ path: test.info().outputPath('call-card-hr-en.png'), fullPage: true });

    // The picker never offers Sales lines; the API refuses one sent by hand, with the reason, and dials nothing.
    const { accessToken } = await emulator.issueTokens(HR_STAND_IN, DEMO_MEMBER_ID);
    const response = await request.post('/api/call-card/redial', {
      headers: { 'X-B24-Member-Id': DEMO_MEMBER_ID, 'X-B24-Auth': accessToken },
      data: { number: MTS_NUMBER, line: BEELINE_LINE, lang: 'en' },
    });
    expect(response.status()).toBe(200);
    const refused = (await response.json()) as { outcome: string; message: string };
    expect(refused.outcome).toBe('refused');
    expect(refused.message).toBe('line Билайн is not allowed for "HR"');
  });
});
