import { expect, test } from '@playwright/test';
import { DEMO_MEMBER_ID } from '../support/e2e-env';
import { emulatorControl } from '../support/emulator-control';
import { installDemoPortal } from '../support/install-demo-portal';

test('GET /api/health reports the database, PBXes, registry and portals to an admin', async ({ request }) => {
  await installDemoPortal(request);
  const { accessToken } = await emulatorControl(request).issueTokens(1, DEMO_MEMBER_ID);
  const headers = { 'X-B24-Member-Id': DEMO_MEMBER_ID, 'X-B24-Auth': accessToken };
  const response = await request.get('/api/health', { headers });
  expect(response.status()).toBe(200);
  const body = await response.json();
  expect(body.database).toMatchObject({ ok: true, migrations: { pending: 0 } });
  expect(body.registry).toMatchObject({
    ok: true,
    fileName: 'DEF-9xx.csv',
    rows: 16629,
    portedNumbers: expect.any(Number),
  });
  expect(body.portals.ok).toBe(true);
  // With the real PBX exported by `npm run peers -- up` the AMI entry must be up; without it, none is configured.
  if (process.env.AMI_HOST) expect(body.ami).toEqual([expect.objectContaining({ ok: true })]);
  else expect(body.ami).toEqual([]);
  expect(['ok', 'degraded']).toContain(body.status);
});

test('GET /api/health without an admin session: each verdict, no addresses or file names', async ({ request }) => {
  const response = await request.get('/api/health');
  expect(response.status()).toBe(200);
  const body = await response.json();
  expect(body.database).toEqual({ ok: true });
  expect(body.registry).toEqual({ ok: true });
  for (const pbx of body.ami) expect(pbx).not.toHaveProperty('banner');
});

test('Bitrix24 loads frames with POST: answered with 303 to the page, query kept', async ({ request }) => {
  const response = await request.post('/b24/admin?DOMAIN=portal.example&PROTOCOL=1&LANG=en&APP_SID=x', {
    form: { AUTH_ID: 'token', member_id: 'm' },
    maxRedirects: 0,
  });
  expect(response.status()).toBe(303);
  expect(response.headers().location).toBe('/admin?DOMAIN=portal.example&PROTOCOL=1&LANG=en&APP_SID=x');
});
