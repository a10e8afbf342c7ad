import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { POST as numberingImport } from '../../app/api/numbering/import/route';
import { POST as lookup } from '../../app/api/numbering/lookup/route';
import {
  DELETE as removeOverride,
  GET as listOverrides,
  PUT as setOverride,
} from '../../app/api/numbering/overrides/route';
import { createDemoPortal } from '../../e2e/bitrix24-emulator/demo-portal';
import { startEmulator, type EmulatorHandle } from '../../e2e/bitrix24-emulator/start-emulator';
import type { Db } from '../db/client';
import { createTestDatabase, type TestDatabase } from '../db/testing/create-test-database';
import { forgetPortalTokenChecks } from '../portals/verify-portal-admin';
import { routeCall } from '../routing/route-call';
import { seedDemoPortal } from '../routing/settings/seed-demo-portal';

// A marketplace installation (keys set) with an operator token; read once, on the routes' first getConfig().
const APP = 'https://calls.example.com';
const OPERATOR_TOKEN = 'operator-token-0123456789';
Object.assign(process.env, {
  B24_CLIENT_ID: 'app.numbering',
  B24_CLIENT_SECRET: 'numbering-secret',
  PUBLIC_URL: APP,
  OPERATOR_TOKEN,
  REGISTRY_DOWNLOAD_URLS: 'off',
});
process.env.LOG_LEVEL = 'error';

const A = 'member-a';
const B = 'member-b';
const MTS = '7740000076';
const MEGAFON = '7812014560';
const BEELINE = '7713076301';
/** The first 915 range of the bundled registry (МТС); the accepted upload moves it to Билайн. */
const NUMBER = '79150000007';
const bundled = readFileSync('data/registry/DEF-9xx.csv', 'utf8');
const movedToBeeline = bundled
  .split('\n')
  .map((line) =>
    line.startsWith('915;0000000;')
      ? line.replace(/;[^;]*;([^;]*;[^;]*);7740000076/, ';ПАО "ВЫМПЕЛКОМ";$1;7713076301')
      : line,
  )
  .join('\n');

let emulator: EmulatorHandle;
let testDb: TestDatabase;
let db: Db;
const portalIds = new Map<string, number>();

type Init = { method?: string; headers?: Record<string, string>; body?: BodyInit | null };
function request(path: string, { method = 'GET', headers = {}, body }: Init = {}): Request {
  return new Request(`${APP}${path}`, {
    method,
    headers: { host: 'calls.example.com', origin: APP, ...headers },
    body,
    duplex: 'half',
  } as RequestInit);
}
/** User 1 is the demo portal's admin. */
const adminOf = (memberId: string) => ({
  'X-B24-Member-Id': memberId,
  'X-B24-Auth': emulator.issueTokens(memberId, 1).accessToken,
});
const json = { 'content-type': 'application/json' };
const carrierFor = async (memberId: string) =>
  (await routeCall({ portalId: portalIds.get(memberId)!, number: NUMBER, extension: '101', db })).carrier;

beforeAll(async () => {
  emulator = await startEmulator({ portals: [createDemoPortal(A), createDemoPortal(B)], appUrl: 'http://127.0.0.1:1' });
  testDb = await createTestDatabase({ kind: 'sqlite' });
  db = testDb.db();
  (globalThis as { __appDb?: Db }).__appDb = db;
  for (const memberId of [A, B]) {
    const portal = await db.portal.create({
      data: {
        memberId,
        domain: emulator.host,
        clientEndpoint: `${emulator.url}/rest/`,
        accessToken: 'i',
        refreshToken: 'r',
        expiresAt: new Date(0),
      },
    });
    portalIds.set(memberId, (await seedDemoPortal({ db, portalId: portal.id })).portalId);
  }
});
afterAll(async () => {
  delete (globalThis as { __appDb?: Db }).__appDb;
  await Promise.all([emulator.close(), testDb.dispose()]);
});
beforeEach(() => forgetPortalTokenChecks());

describe('number overrides are per portal over the API', () => {
  it("B's admin pins a number: B's routing, list and lookup change, A's do not", async () => {
    expect(await carrierFor(A)).toMatchObject({ inn: MTS, source: 'registry' });
    const body = JSON.stringify({ number: '+7 915 000-00-07', inn: MEGAFON, note: 'проверено' });
    const set = await setOverride(
      request('/api/numbering/overrides', { method: 'PUT', headers: { ...json, ...adminOf(B) }, body }),
    );
    expect(set.status).toBe(200);
    expect(await carrierFor(B)).toMatchObject({ inn: MEGAFON, source: 'override' });
    expect(await carrierFor(A)).toMatchObject({ inn: MTS, source: 'registry' });

    const listFor = async (memberId: string) =>
      (await (await listOverrides(request('/api/numbering/overrides', { headers: adminOf(memberId) }))).json()).rows;
    expect(await listFor(A)).toEqual([]);
    expect(await listFor(B)).toEqual([expect.objectContaining({ number: NUMBER, inn: MEGAFON, source: 'admin' })]);

    const lookupFor = async (memberId: string) => {
      const headers = { ...json, ...adminOf(memberId) };
      const response = await lookup(
        request('/api/numbering/lookup', { method: 'POST', headers, body: JSON.stringify({ numbers: NUMBER }) }),
      );
      return (await response.json()).results[0].carrier.inn;
    };
    expect(await lookupFor(A)).toBe(MTS);
    expect(await lookupFor(B)).toBe(MEGAFON);
  });

  it("A's admin cannot remove B's override", async () => {
    const remove = (memberId: string) =>
      removeOverride(
        request(`/api/numbering/overrides?number=${NUMBER}`, {
          method: 'DELETE',
          headers: { ...json, ...adminOf(memberId) },
        }),
      );
    expect(await (await remove(A)).json()).toEqual({ removed: false });
    expect(await carrierFor(B)).toMatchObject({ inn: MEGAFON });
    expect(await (await remove(B)).json()).toEqual({ removed: true });
    expect(await carrierFor(B)).toMatchObject({ inn: MTS, source: 'registry' });
  });
});

describe('registry and MNP uploads are for the installation operator', () => {
  const upload = (headers: Record<string, string>) =>
    numberingImport(
      request('/api/numbering/import?fileName=DEF-9xx.csv&acceptShrink=1', {
        method: 'POST',
        headers: { 'content-type': 'text/csv', ...headers },
        body: movedToBeeline,
      }),
    );

  it("a portal admin's upload is refused, naming both ways, and the registry stays", async () => {
    const response = await upload(adminOf(A));
    expect(response.status).toBe(403);
    const { message } = await response.json();
    expect(message).toMatch(/npm run numbering -- import/);
    expect(message).toMatch(/OPERATOR_TOKEN/);
    const english = await upload({ ...adminOf(A), 'accept-language': 'en' });
    expect((await english.json()).message).toMatch(/only the installation operator/);
    expect((await upload({ ...adminOf(A), 'X-Operator-Token': 'a-wrong-token-0123456789' })).status).toBe(403);
    expect(await db.registryVersion.count()).toBe(0);
    expect(await carrierFor(A)).toMatchObject({ inn: MTS, source: 'registry' });
  });

  it('with the operator token the upload is accepted, for every portal', async () => {
    const response = await upload({ 'X-Operator-Token': OPERATOR_TOKEN });
    expect(response.status).toBe(200);
    const lines = (await response.text()).trim().split('\n');
    expect(JSON.parse(lines.at(-1)!)).toMatchObject({ done: { outcome: 'activated' } });
    expect(await carrierFor(A)).toMatchObject({ inn: BEELINE, source: 'registry' });
    expect(await carrierFor(B)).toMatchObject({ inn: BEELINE, source: 'registry' });
  });
});
