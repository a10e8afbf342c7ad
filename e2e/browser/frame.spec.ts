import { expect, test, type Page } from '@playwright/test';
import { emulatorControl } from '../support/emulator-control';

type PortalMessage = { command: string; params: unknown; callbackId: string };
type PortalWindow = { __b24Messages: PortalMessage[]; __b24Session: { memberId: string; authId: string } };

const portalMessages = (page: Page) => page.evaluate(() => (window as unknown as PortalWindow).__b24Messages);
const portalSession = (page: Page) => page.evaluate(() => (window as unknown as PortalWindow).__b24Session);

test.describe('inside the emulated portal', () => {
  test('the real SDK initialises and the page calls user.current with the viewer token', async ({ page, request }) => {
    const emulator = emulatorControl(request);
    await emulator.resetCalls();
    await page.goto(`${emulator.url}/portal/app?path=/frame-check&user=1&lang=ru`);
    const frame = page.frameLocator('#app-frame');

    await expect(frame.getByTestId('frame-user')).toHaveText('Анна (ID 1)', { timeout: 90_000 });
    await expect(frame.getByTestId('frame-status')).toHaveAttribute('data-status', 'frame');
    await expect(frame.getByTestId('frame-admin')).toHaveText('true');
    await expect(frame.getByTestId('frame-lang')).toHaveText('ru');
    await expect(frame.getByTestId('frame-placement')).toHaveText('DEFAULT');

    const session = await portalSession(page);
    await expect(frame.getByTestId('frame-member')).toHaveText(session.memberId);
    expect((await portalMessages(page))[0]?.command).toBe('getInitData');
    const calls = await emulator.calls('user.current');
    expect(calls).toContainEqual(expect.objectContaining({ auth: session.authId, userId: 1, status: 200 }));
    await page.screenshot({ path: test.info().outputPath('frame-admin.png'), fullPage: true });
  });

  test('a non-admin in English sees isAdmin=false and lang=en', async ({ page, request }) => {
    const emulator = emulatorControl(request);
    await page.goto(`${emulator.url}/portal/app?path=/frame-check&user=2&lang=en`);
    const frame = page.frameLocator('#app-frame');
    await expect(frame.getByTestId('frame-user')).toHaveText('Борис (ID 2)', { timeout: 90_000 });
    await expect(frame.getByTestId('frame-admin')).toHaveText('false');
    await expect(frame.getByTestId('frame-lang')).toHaveText('en');
    await expect(frame.getByTestId('frame-status')).toContainText('Connected to portal');
  });

  test('an expired token is refreshed through the portal and the call retried', async ({ page, request }) => {
    const emulator = emulatorControl(request);
    await emulator.resetCalls();
    await emulator.failNext('user.current', 'expired_token');
    await page.goto(`${emulator.url}/portal/app?path=/frame-check&user=3`);
    const frame = page.frameLocator('#app-frame');
    await expect(frame.getByTestId('frame-user')).toHaveText('Вера (ID 3)', { timeout: 90_000 });

    const commands = (await portalMessages(page)).map((message) => message.command);
    expect(commands).toContain('refreshAuth');
    const calls = await emulator.calls('user.current');
    expect(calls.map((call) => call.status)).toEqual([401, 200]);
    expect(calls[1]?.auth).not.toBe(calls[0]?.auth);
  });
});

test('opened directly, the page runs standalone without admin rights', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto('/frame-check');
  await expect(page.getByTestId('frame-status')).toHaveAttribute('data-status', 'standalone', { timeout: 90_000 });
  await expect(page.getByTestId('frame-admin')).toHaveText('false');
  await expect(page.getByTestId('frame-user')).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('in the CALL_CARD placement the page reads getStatus and receives call-card events', async ({ page, request }) => {
  const emulator = emulatorControl(request);
  const options = JSON.stringify({
    CALL_ID: 'externalCall.0123.1',
    PHONE_NUMBER: '+79161234567',
    CALL_STATE: 'connecting',
  });
  await page.goto(
    `${emulator.url}/portal/app?path=/frame-check&user=2&placement=CALL_CARD&options=${encodeURIComponent(options)}`,
  );
  const frame = page.frameLocator('#app-frame');
  await expect(frame.getByTestId('frame-placement')).toHaveText('CALL_CARD', { timeout: 90_000 });
  await expect(frame.getByTestId('frame-call-id')).toHaveText('externalCall.0123.1');
  await expect
    .poll(async () => (await portalMessages(page)).some((message) => message.command === 'placementBindEvent'))
    .toBe(true);
  // An event fired within the SDK's 900 ms bind window settles the bind promise instead, so keep
  // firing until the page shows it.
  await expect
    .poll(async () => {
      // The real shape: the state string alone (call-card-call-state-changed.md).
      await page.evaluate(() =>
        (window as unknown as { __fireCallState: (state: string) => number }).__fireCallState('connected'),
      );
      return frame
        .getByTestId('frame-call-state')
        .textContent({ timeout: 500 })
        .catch(() => null);
    })
    .toBe('connected');
});
