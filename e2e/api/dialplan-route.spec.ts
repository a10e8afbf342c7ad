import { expect, test } from '@playwright/test';
import { E2E_DIALPLAN_SECRET } from '../support/e2e-env';

// The app's database is seeded with the demo configuration by the global setup (Sales 101–103, HR 201–202).
const headers = { 'X-Dialplan-Secret': E2E_DIALPLAN_SECRET };

test.describe('GET /api/asterisk/route (what the PBX dialplan asks)', () => {
  test('answers the dial target as plain text for CURL()', async ({ request }) => {
    const response = await request.get('/api/asterisk/route?number=79151234567&ext=101', { headers });
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toContain('text/plain');
    expect(await response.text()).toBe('gw_mts');
  });

  test("answers the line's whole dial string with format=dial", async ({ request }) => {
    const response = await request.get('/api/asterisk/route?number=89151234567&ext=101&format=dial', { headers });
    expect(response.status()).toBe(200);
    expect(await response.text()).toBe('PJSIP/79151234567@gw_mts');
  });

  for (const [number, ext, target] of [
    ['79261234567', '101', 'gw_megafon'],
    ['+7 (903) 123-45-67', '102', 'gw_beeline'],
    ['74951234567', '103', 'gw_beeline'],
    ['79151234567', '201', 'gw_hr2'],
    ['79261234567', '202', 'gw_hr1'],
  ] as const) {
    test(`${number} from ${ext} → ${target}`, async ({ request }) => {
      const response = await request.get(`/api/asterisk/route?number=${encodeURIComponent(number)}&ext=${ext}`, {
        headers,
      });
      expect(await response.text()).toBe(target);
    });
  }

  test('explains itself as JSON when asked', async ({ request }) => {
    const response = await request.get('/api/asterisk/route?number=79151234567&ext=101&format=json&lang=en', {
      headers,
    });
    const body = await response.json();
    expect(body.target).toBe('gw_mts');
    expect(body.dial).toBe('PJSIP/79151234567@gw_mts');
    expect(body.carrier).toMatchObject({ inn: '7740000076', source: 'registry' });
    expect(body.reasonsText).toContain('МТС by the registry (range 915…)');
  });

  test('refuses a missing or wrong secret, with no answer the dialplan could dial', async ({ request }) => {
    for (const h of [{}, { 'X-Dialplan-Secret': 'wrong-secret-0123456789-xx' }] as Array<Record<string, string>>) {
      const response = await request.get('/api/asterisk/route?number=79151234567&ext=101', { headers: h });
      expect(response.status()).toBe(401);
      expect(await response.text()).toBe('ERROR UNAUTHORIZED');
    }
  });

  test('a bad number is a clear error, not a trunk', async ({ request }) => {
    const response = await request.get('/api/asterisk/route?number=abc&ext=101&format=json', { headers });
    expect(response.status()).toBe(400);
    expect((await response.json()).fields).toEqual({ number: 'invalid_characters' });
  });
});
