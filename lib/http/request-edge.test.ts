import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { GET as dialplanRoute } from '../../app/api/asterisk/route/route';
import { POST as b24Events } from '../../app/api/b24/events/route';
import { POST as redial } from '../../app/api/call-card/redial/route';
import { GET as journalCsv } from '../../app/api/journal.csv/route';
import { GET as journal } from '../../app/api/journal/route';
import { POST as numberingImport } from '../../app/api/numbering/import/route';
import { GET as overrides } from '../../app/api/numbering/overrides/route';
import { POST as routeTest } from '../../app/api/route-test/route';
import { GET as savings } from '../../app/api/savings/route';
import { GET as lists } from '../../app/api/settings/lists/route';
import { GET as routingSettings } from '../../app/api/settings/routing/route';
import { GET as simsOut, POST as enableSim } from '../../app/api/settings/sims/route';
import { POST as installFrame } from '../../app/b24/install/route';
import { createDemoPortal } from '../../e2e/bitrix24-emulator/demo-portal';
import { startEmulator, type EmulatorHandle } from '../../e2e/bitrix24-emulator/start-emulator';
import { forgetPortalTokenChecks } from '../portals/verify-portal-admin';
import type { Db } from '../db/client';
import { createTestDatabase, type TestDatabase } from '../db/testing/create-test-database';

// The app as a marketplace app (keys set) at its public address; read once, on the routes' first getConfig().
const APP = 'https://calls.example.com';
const DIALPLAN_SECRET = 'dialplan-secret-0123456789';
const OPERATOR_TOKEN = 'operator-token-0123456789';
Object.assign(process.env, {
  B24_CLIENT_ID: 'app.edge',
  B24_CLIENT_SECRET: 'edge-secret',
  PUBLIC_URL: APP,
  DIALPLAN_SECRET,
  OPERATOR_TOKEN,
});
process.env.LOG_LEVEL = 'error';

const MEMBER = 'member-edge';
const KB = 1024;
let emulator: EmulatorHandle;
let testDb: TestDatabase;
let db: Db;

type Init = { method?: string; headers?: Record<string, string>; body?: BodyInit | null };
function request(path: string, { method = 'GET', headers = {}, body }: Init = {}): Request {
  return new Request(`${APP}${path}`, {
    method,
    headers: { host: 'calls.example.com', ...headers },
    body,
    duplex: 'half',
  } as RequestInit);
}
function session(userId: number): Record<string, string> {
  return { 'X-B24-Member-Id': MEMBER, 'X-B24-Auth': emulator.issueTokens(MEMBER, userId).accessToken };
}

/** A chunked body of `totalBytes` that counts how much of it the server pulled. */
function countingStream(
  totalBytes: number,
  chunkBytes = 64 * KB,
): { stream: ReadableStream<Uint8Array>; pulled: () => number } {
  let sent = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent >= totalBytes) return controller.close();
      sent += chunkBytes;
      controller.enqueue(new Uint8Array(chunkBytes).fill(0x61));
    },
  });
  return { stream, pulled: () => sent };
}

beforeAll(async () => {
  emulator = await startEmulator({ portals: [createDemoPortal(MEMBER)], appUrl: 'http://127.0.0.1:1' });
  testDb = await createTestDatabase({ kind: 'sqlite' });
  db = testDb.db();
  (globalThis as { __appDb?: Db }).__appDb = db;
  const portal = await db.portal.create({
    data: {
      memberId: MEMBER,
      domain: emulator.host,
      clientEndpoint: `${emulator.url}/rest/`,
      accessToken: 'i',
      refreshToken: 'r',
      expiresAt: new Date(0),
    },
  });
  for (const b24UserId of [1, 2, 3]) {
    const user = await db.user.create({
      data: { portalId: portal.id, b24UserId, name: `user ${b24UserId}`, extension: `10${b24UserId}` },
    });
    await db.call.create({
      data: {
        portalId: portal.id,
        linkedId: `edge-${b24UserId}`,
        direction: 'outbound',
        origin: 'click_to_call',
        userId: user.id,
        number: `7916000000${b24UserId}`,
      },
    });
  }
});
afterAll(async () => {
  delete (globalThis as { __appDb?: Db }).__appDb;
  await Promise.all([emulator.close(), testDb.dispose()]);
});
beforeEach(() => forgetPortalTokenChecks());

describe('bodies stop at the limit', () => {
  it('a 10 MB chunked event body is refused after reading about the 256 KB limit', async () => {
    const body = countingStream(10 * KB * KB);
    const response = await b24Events(request('/api/b24/events', { method: 'POST', body: body.stream }));
    expect(response.status).toBe(413);
    expect(body.pulled()).toBeLessThanOrEqual(256 * KB + 3 * 64 * KB);
  });

  it('the install frame reads no more than its 64 KB either', async () => {
    const body = countingStream(10 * KB * KB, 16 * KB);
    const response = await installFrame(request('/b24/install', { method: 'POST', body: body.stream }));
    expect(response.status).toBe(413);
    expect(body.pulled()).toBeLessThanOrEqual(64 * KB + 3 * 16 * KB);
  });

  it('a declared Content-Length over the limit is refused without reading the body', async () => {
    const body = countingStream(10 * KB * KB);
    const headers = { 'content-length': String(10 * KB * KB), 'content-type': 'application/json', ...session(1) };
    const response = await routeTest(request('/api/route-test', { method: 'POST', headers, body: body.stream }));
    expect(response.status).toBe(413);
    expect(body.pulled()).toBeLessThanOrEqual(2 * 64 * KB);
  });
});

describe('cross-site requests', () => {
  const json = JSON.stringify({ number: '+79161234567' });

  it('a text/plain JSON body to the redial is refused', async () => {
    const response = await redial(
      request('/api/call-card/redial', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: json }),
    );
    expect(response.status).toBe(415);
    expect(await response.json()).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE' });
  });

  it('a foreign Origin is refused; the portal frame and the app itself are not', async () => {
    const post = (origin: string) =>
      routeTest(
        request('/api/route-test', {
          method: 'POST',
          headers: { origin, 'content-type': 'application/json', ...session(1) },
          body: json,
        }),
      );
    expect((await post('https://evil.example')).status).toBe(403);
    expect((await post(emulator.url)).status).toBe(200);
    expect((await post(APP)).status).toBe(200);
    const form = 'event=ONAPPUNINSTALL&auth[member_id]=x';
    const event = request('/api/b24/events', {
      method: 'POST',
      headers: { origin: 'https://evil.example' },
      body: form,
    });
    expect((await b24Events(event)).status).toBe(403);
  });

  it('the registry upload takes any body type but checks its Origin', async () => {
    const upload = (origin: string) =>
      numberingImport(
        request('/api/numbering/import?fileName=x.csv', {
          method: 'POST',
          headers: { origin, 'content-type': 'text/plain', 'x-operator-token': OPERATOR_TOKEN },
          body: 'junk',
        }),
      );
    const foreign = await upload('https://evil.example');
    expect(foreign.status).toBe(403);
    expect(await foreign.json()).toEqual({ code: 'FORBIDDEN', message: 'Запрос с чужой страницы отклонён' });
    const own = await upload(APP);
    expect(own.status).toBe(200);
    await own.text();
  });

  it('a Host other than PUBLIC_URL or loopback (DNS rebinding) is refused', async () => {
    expect(
      (await journal(request('/api/journal', { headers: { host: 'rebind.evil.example', ...session(1) } }))).status,
    ).toBe(403);
    expect(
      (await journal(request('/api/journal', { headers: { host: '127.0.0.1:3000', ...session(1) } }))).status,
    ).toBe(200);
  });

  it("errors speak the reader's language and keep a stable code", async () => {
    const headers = { 'content-type': 'text/plain', 'accept-language': 'en' };
    const body = await (await redial(request('/api/call-card/redial', { method: 'POST', headers, body: json }))).json();
    expect(body).toEqual({
      code: 'UNSUPPORTED_MEDIA_TYPE',
      message: 'The request must be JSON (Content-Type: application/json)',
    });
    const ru = await (
      await redial(
        request('/api/call-card/redial', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: json }),
      )
    ).json();
    expect(ru.message).toBe('Запрос должен быть в формате JSON (Content-Type: application/json)');
  });
});

describe('reads need a verified portal user when the app has keys', () => {
  it('journal, routing settings, overrides and the route tester refuse a page outside a portal', async () => {
    for (const route of [journal, routingSettings, overrides])
      expect((await route(request('/api/x'))).status).toBe(401);
    const body = JSON.stringify({ number: '+79161234567' });
    const response = await routeTest(
      request('/api/route-test', { method: 'POST', headers: { 'content-type': 'application/json' }, body }),
    );
    expect(response.status).toBe(401);
  });

  it('the dialplan secret counts in the X-Dialplan-Secret header only', async () => {
    const inQuery = await dialplanRoute(request(`/api/asterisk/route?number=79161234567&secret=${DIALPLAN_SECRET}`));
    expect(inQuery.status).toBe(401);
    expect(await inQuery.text()).toBe('ERROR UNAUTHORIZED');
    const inHeader = await dialplanRoute(
      request('/api/asterisk/route?number=79161234567', { headers: { 'x-dialplan-secret': DIALPLAN_SECRET } }),
    );
    expect(inHeader.status).not.toBe(401);
  });
});

describe('what an employee may read', () => {
  it('a non-admin sees only their own calls in the journal and its CSV', async () => {
    const mine = await (await journal(request('/api/journal', { headers: session(2) }))).json();
    expect(mine.entries.map((row: { number: string }) => row.number)).toEqual(['79160000002']);
    const all = await (await journal(request('/api/journal', { headers: session(1) }))).json();
    expect(all.entries).toHaveLength(3);
    const csv = await (await journalCsv(request('/api/journal.csv?user=3', { headers: session(2) }))).text();
    expect(csv).not.toContain('79160000003');
    expect(csv).not.toContain('79160000001');
  });

  it('savings, routing settings, lists and SIMs out of rotation are for admins', async () => {
    for (const route of [savings, routingSettings, lists, simsOut]) {
      expect((await route(request('/api/x', { headers: session(2) }))).status).toBe(403);
      expect((await route(request('/api/x', { headers: session(1) }))).status).toBe(200);
    }
  });

  it("a SIM is brought back only by an admin, from the portal's own page", async () => {
    const body = JSON.stringify({ trunkId: 1, sim: 0 });
    const post = (userId: number, origin: string) =>
      enableSim(
        request('/api/settings/sims', {
          method: 'POST',
          headers: { origin, 'content-type': 'application/json', ...session(userId) },
          body,
        }),
      );
    expect((await post(2, emulator.url)).status).toBe(403);
    expect((await post(1, 'https://evil.example')).status).toBe(403);
    // The admin passes every check; this SIM is simply not out of rotation.
    expect((await post(1, emulator.url)).status).toBe(404);
  });
});
