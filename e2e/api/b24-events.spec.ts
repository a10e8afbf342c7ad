import { expect, test } from '@playwright/test';
import { encodeBracketParams } from '../bitrix24-emulator/bracket-params';
import { APP_URL, DEMO_MEMBER_ID } from '../support/e2e-env';
import { emulatorControl } from '../support/emulator-control';
import { installDemoPortal } from '../support/install-demo-portal';

/**
 * The event route in the running app: the emulator installs the demo portal through ONAPPINSTALL (the OAuth server
 * vouches for it), delivers genuine events, and forged ones are refused with 401.
 */
test.describe('POST /api/b24/events', () => {
  test.beforeAll(async ({ request }) => {
    await installDemoPortal(request);
  });

  test('ONAPPINSTALL from the portal stores it; forged events get 401; others are ignored with 200', async ({
    request,
  }) => {
    const emulator = emulatorControl(request);
    // First request compiles the route under next dev; the emulator's delivery gives up after 10 s.
    expect((await request.post('/api/b24/events', { data: '' })).status()).toBe(401);
    const [install] = await emulator.fireEvent(
      'ONAPPINSTALL',
      { VERSION: '1', LANGUAGE_ID: 'ru' },
      { handler: `${APP_URL}/api/b24/events` },
    );
    expect(install?.status).toBe(200);

    // An employee (user 2, not an admin) installs over the portal with their own refresh token.
    const employee = await emulator.issueTokens(2);
    const takeover = { member_id: DEMO_MEMBER_ID, application_token: 'chosen', refresh_token: employee.refreshToken };
    const forged = [
      encodeBracketParams({ event: 'ONAPPINSTALL', data: { LANGUAGE_ID: 'ru' }, auth: takeover }),
      encodeBracketParams({
        event: 'ONAPPUNINSTALL',
        data: { CLEAN: '1' },
        auth: { member_id: DEMO_MEMBER_ID, application_token: 'chosen' },
      }),
      encodeBracketParams({ event: 'ONAPPUNINSTALL', data: { CLEAN: '1' }, auth: { member_id: DEMO_MEMBER_ID } }),
      encodeBracketParams({
        event: 'ONAPPUNINSTALL',
        data: { CLEAN: '1' },
        auth: { member_id: DEMO_MEMBER_ID, application_token: 'f'.repeat(32) },
      }),
      encodeBracketParams({
        event: 'ONEXTERNALCALLSTART',
        data: { CALL_ID: 'x', USER_ID: '1', PHONE_NUMBER: '+79161234567' },
        auth: { member_id: 'other', application_token: 'x' },
      }),
      encodeBracketParams({
        event: 'ONAPPINSTALL',
        auth: { member_id: DEMO_MEMBER_ID, application_token: 'evil', refresh_token: 'r'.repeat(64) },
      }),
      '',
    ];
    for (const body of forged) {
      const response = await request.post('/api/b24/events', {
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        data: body,
      });
      expect(response.status(), body).toBe(401);
    }
    // The portal survived the forged uninstalls: a genuine event outside the allowlist is still recognised.
    const [ignored] = await emulator.fireEvent(
      'ONCRMLEADADD',
      { FIELDS: { ID: '7' } },
      { handler: `${APP_URL}/api/b24/events` },
    );
    expect(ignored?.status).toBe(200);
  });
});
