import { expect, test, type APIRequestContext } from '@playwright/test';
import type { RoutingSettings } from '../../lib/routing/types';
import { DEMO_MEMBER_ID } from '../support/e2e-env';
import { emulatorControl } from '../support/emulator-control';
import { installDemoPortal } from '../support/install-demo-portal';

/** The settings API as a portal page calls it: the frame's member id and token in headers, proven on the server. */
const portalHeaders = async (request: APIRequestContext, userId: number) => {
  const { accessToken } = await emulatorControl(request).issueTokens(userId, DEMO_MEMBER_ID);
  return { 'X-B24-Member-Id': DEMO_MEMBER_ID, 'X-B24-Auth': accessToken };
};

test.beforeAll(async ({ request }) => {
  await installDemoPortal(request);
});

test('an admin reads the whole document and a valid save round-trips', async ({ request }) => {
  const headers = await portalHeaders(request, 1);
  const loaded = await request.get('/api/settings/routing', { headers });
  expect(loaded.status()).toBe(200);
  const settings = (await loaded.json()) as RoutingSettings;
  expect(settings.trunks.map((t) => t.name)).toEqual(['Билайн', 'МегаФон', 'МТС', 'HR-1', 'HR-2']);
  expect(settings.profiles.find((p) => p.kind === 'hr')?.allowedTrunkIds).toHaveLength(2);

  const edited = structuredClone(settings);
  edited.trunks[2]!.caps.callsPerDay = 123;
  edited.trunks[2]!.tariff.onNetKopecks = 75;
  edited.carrierGroups.push({ id: 'new-1', name: 'Т2 и MVNO', inns: ['7743895280'] });
  edited.carrierGroups.find((g) => g.name === 'T2')!.inns = [];
  const saved = await request.put('/api/settings/routing', { headers, data: edited });
  expect(saved.status()).toBe(200);
  const body = (await saved.json()) as RoutingSettings;
  expect(body.trunks[2]!.caps.callsPerDay).toBe(123);
  expect(body.carrierGroups.at(-1)).toMatchObject({ name: 'Т2 и MVNO', inns: ['7743895280'] });
  expect(body.carrierGroups.at(-1)!.id).toMatch(/^\d+$/);
  const reread = (await (await request.get('/api/settings/routing', { headers })).json()) as RoutingSettings;
  expect(reread).toEqual(body);

  expect((await request.put('/api/settings/routing', { headers, data: settings })).status()).toBe(200);
});

test('invalid settings are refused with field-level messages', async ({ request }) => {
  const headers = await portalHeaders(request, 1);
  const settings = (await (await request.get('/api/settings/routing', { headers })).json()) as RoutingSettings;
  const invalid = structuredClone(settings);
  const hrIndex = invalid.profiles.findIndex((p) => p.kind === 'hr');
  invalid.profiles[hrIndex]!.allowedTrunkIds.push(invalid.trunks[0]!.id);
  invalid.trunks[1]!.carrierGroupId = 'no-such-group';
  invalid.trunks[2]!.caps.minutesPerDay = -5;
  const response = await request.put('/api/settings/routing', { headers, data: invalid });
  expect(response.status()).toBe(400);
  const body = (await response.json()) as { message: string; fields: Record<string, string> };
  expect(body.message).toContain('Настройки не сохранены');
  expect(body.fields[`profiles.${hrIndex}.allowedTrunkIds`]).toContain('У HR ровно два номера');
  expect(body.fields['trunks.1.carrierGroupId']).toContain('Выберите группу операторов');
  expect(body.fields['trunks.2.caps.minutesPerDay']).toContain('Не может быть отрицательным / Cannot be negative');
  // Nothing of the refused document was stored.
  expect(await (await request.get('/api/settings/routing', { headers })).json()).toEqual(settings);
});

test('a non-admin may neither read nor save the routing settings; a forged token may not read', async ({ request }) => {
  const headers = await portalHeaders(request, 2);
  const document = await (
    await request.get('/api/settings/routing', { headers: await portalHeaders(request, 1) })
  ).json();
  const loaded = await request.get('/api/settings/routing', { headers });
  expect(loaded.status()).toBe(403);
  expect(await loaded.json()).toMatchObject({
    code: 'FORBIDDEN',
    message: 'Только администратор портала может смотреть эти данные',
  });
  const refused = await request.put('/api/settings/routing', { headers, data: document });
  expect(refused.status()).toBe(403);
  const english = await request.put('/api/settings/routing', {
    headers: { ...headers, 'Accept-Language': 'en' },
    data: document,
  });
  expect((await english.json()).message).toBe('Only a portal admin can change settings');

  const forged = { 'X-B24-Member-Id': DEMO_MEMBER_ID, 'X-B24-Auth': 'f'.repeat(64) };
  expect((await request.get('/api/settings/routing', { headers: forged })).status()).toBe(401);
  const unknown = { ...headers, 'X-B24-Member-Id': 'no-such-member' };
  expect((await request.get('/api/settings/routing', { headers: unknown })).status()).toBe(404);
});

test('standalone (app configured for Bitrix24): the local portal can be neither read nor changed', async ({
  request,
}) => {
  const loaded = await request.get('/api/settings/routing');
  expect(loaded.status()).toBe(401);
  const refused = await request.put('/api/settings/routing', { data: { trunks: [] } });
  expect(refused.status()).toBe(403);
  expect((await refused.json()).message).toContain('Вне Битрикс24');
});

test('the departments cache and the route tester answer in the request language', async ({ request }) => {
  const headers = await portalHeaders(request, 2);
  const directory = await (await request.get('/api/settings/departments', { headers })).json();
  expect(directory.departments).toEqual(
    expect.arrayContaining([expect.objectContaining({ id: '1', name: 'Отдел продаж' })]),
  );
  expect(directory.users).toEqual(
    expect.arrayContaining([expect.objectContaining({ extension: '201', departmentIds: ['2'] })]),
  );
  expect(JSON.stringify(directory)).not.toContain('accessToken');

  const ru = await (
    await request.post('/api/route-test', { headers, data: { number: '79151234567', extension: '101', lang: 'ru' } })
  ).json();
  expect(ru.trunk.name).toBe('МТС');
  expect(ru.carrier).toMatchObject({ inn: '7740000076', source: 'registry', groupName: 'МТС' });
  expect(ru.reasonsText).toContain('МТС по реестру (диапазон 915…)');
  const en = await (
    await request.post('/api/route-test', { headers, data: { number: '79151234567', extension: '201', lang: 'en' } })
  ).json();
  expect(en.trunk.name).toBe('HR-2');
  expect(en.reasonsText.join('; ')).toContain('by the registry');
  const bad = await request.post('/api/route-test', { headers, data: { number: 'abc' } });
  expect(bad.status()).toBe(400);
});
