import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeBracketParams } from '../../../e2e/bitrix24-emulator/bracket-params';
import { createDemoPortal } from '../../../e2e/bitrix24-emulator/demo-portal';
import { startEmulator, type EmulatorHandle } from '../../../e2e/bitrix24-emulator/start-emulator';
import type { Db } from '../../db/client';
import { createTestDatabase, type TestDatabase } from '../../db/testing/create-test-database';
import { seedDemoPortal } from '../../routing/settings/seed-demo-portal';
import { parseBracketBody } from '../parse-bracket-body';
import type { PlaceCall } from '../../calls/place-call-on-connected-pbx';
import type { RouteDecision } from '../../routing/decide-route';
import { receiveB24Event } from './receive-b24-event';
import { storeInstalledPortal } from '../testing/store-installed-portal';

/**
 * Event verification over real HTTP: the emulator delivers events (its real bodies) to a tiny server running
 * receiveB24Event, and forged variants are posted to the same server. Every refusal must leave the database as it was.
 */
const A = 'member-a';
const B = 'member-b';
const GONE = 'member-gone';
let emulator: EmulatorHandle;
let testDb: TestDatabase;
let db: Db;
let server: Server;
let handlerUrl: string;
const placed: Array<Parameters<PlaceCall>[0]> = [];
/** Stands in for the PBX side: remembers what the handler asked for (the use case itself is tested on the real PBX). */
const placeCall: PlaceCall = async (request) => {
  placed.push(request);
  return { outcome: 'placed', linkedId: `linked-${placed.length}`, decision: {} as RouteDecision };
};

async function snapshot(): Promise<string> {
  const tables = await Promise.all([
    db.portal.findMany({ orderBy: { id: 'asc' } }),
    db.user.findMany({ orderBy: { id: 'asc' } }),
    db.call.findMany({ orderBy: { id: 'asc' } }),
    db.outboxMessage.findMany({ orderBy: { id: 'asc' } }),
    db.listEntry.findMany({ orderBy: { id: 'asc' } }),
    db.trunk.findMany({ orderBy: { id: 'asc' } }),
  ]);
  return JSON.stringify(tables);
}

async function post(body: string): Promise<{ status: number; json: Record<string, unknown> }> {
  const response = await fetch(handlerUrl, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body,
  });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

async function storePortal(memberId: string, status = 'active'): Promise<number> {
  return storeInstalledPortal({ db, emulator, memberId, status });
}

/** A genuine event body as the emulator would send it (captured by firing at the test server). */
async function genuine(portal: string, event: string, data: Record<string, unknown>): Promise<string> {
  const [delivery] = await emulator.fireEvent(portal, event, data, { handler: `${handlerUrl}?capture=1`, userId: 1 });
  return delivery!.body;
}

beforeAll(async () => {
  emulator = await startEmulator({
    portals: [createDemoPortal(A), createDemoPortal(B), createDemoPortal(GONE)],
    appUrl: 'http://127.0.0.1:1',
    clientId: 'app.events',
    clientSecret: 'events-secret',
  });
  Object.assign(process.env, {
    B24_CLIENT_ID: 'app.events',
    B24_CLIENT_SECRET: 'events-secret',
    B24_OAUTH_URL: emulator.url,
  });
  testDb = await createTestDatabase({ kind: 'sqlite' });
  db = testDb.db();
  const portalA = await storePortal(A);
  await storePortal(B);
  await storePortal(GONE, 'uninstalled');
  await seedDemoPortal({ db, portalId: portalA });
  server = createServer((request, response) => {
    let text = '';
    request.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
    request.on('end', () => {
      if (request.url?.includes('capture=1')) return void response.end('{}');
      void receiveB24Event({ body: parseBracketBody(text), db, log: () => undefined, placeCall }).then(
        async (outcome) => {
          await outcome.background?.();
          response.writeHead(outcome.status, { 'Content-Type': 'application/json' }).end(JSON.stringify(outcome.body));
        },
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  handlerUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/b24/events`;
}, 60_000);
afterAll(async () => {
  server?.close();
  await emulator?.close();
  await testDb?.dispose();
});

const callData = {
  CALL_ID: 'externalCall.forged.1',
  USER_ID: '1',
  PHONE_NUMBER: '+79161234567',
  PHONE_NUMBER_INTERNATIONAL: '+79161234567',
  LINE_NUMBER: '',
};

describe('event verification', () => {
  it('rejects a dozen forged variants with 401 and leaves the database unchanged', async () => {
    const realA = parseBracketBody(await genuine(A, 'ONAPPUNINSTALL', { CLEAN: '1' }));
    const tokenA = (realA.auth as Record<string, string>).application_token!;
    const replayB = await genuine(B, 'ONAPPUNINSTALL', { CLEAN: '1' });
    const tokenB = (parseBracketBody(replayB).auth as Record<string, string>).application_token!;
    const installB = emulator.installAuth(B, 1);
    const forged = (event: string, auth: Record<string, unknown>, data: Record<string, unknown> = { CLEAN: '1' }) =>
      encodeBracketParams({ event, data, auth });
    const variants: Array<[string, string]> = [
      ['no auth at all', encodeBracketParams({ event: 'ONAPPUNINSTALL', data: { CLEAN: '1' } })],
      ['missing application_token', forged('ONAPPUNINSTALL', { member_id: A })],
      ['empty application_token', forged('ONAPPUNINSTALL', { member_id: A, application_token: '' })],
      ['random token', forged('ONAPPUNINSTALL', { member_id: A, application_token: 'f'.repeat(32) })],
      [
        "replay of portal B's genuine event against A",
        replayB.replace(`member_id%5D=${B}`, `member_id%5D=${A}`).replace(`member_id]=${B}`, `member_id]=${A}`),
      ],
      [
        "portal B's token on a click-to-call for A",
        forged('ONEXTERNALCALLSTART', { member_id: A, application_token: tokenB }, callData),
      ],
      ['token prefix', forged('ONAPPUNINSTALL', { member_id: A, application_token: tokenA.slice(0, -1) })],
      ['token plus a character', forged('ONAPPUNINSTALL', { member_id: A, application_token: `${tokenA}0` })],
      ['token in upper case', forged('ONAPPUNINSTALL', { member_id: A, application_token: tokenA.toUpperCase() })],
      [
        "A's token under an unknown member_id",
        forged('ONAPPUNINSTALL', { member_id: 'member-unknown', application_token: tokenA }),
      ],
      [
        'token sent as an array',
        `event=ONAPPUNINSTALL&data[CLEAN]=1&auth[member_id]=${A}&auth[application_token][]=${tokenA}`,
      ],
      ['missing member_id', forged('ONAPPUNINSTALL', { application_token: tokenA })],
      ['uninstalled portal with its own token', await genuine(GONE, 'ONAPPUNINSTALL', { CLEAN: '1' })],
      [
        'prototype keys',
        `event=ONAPPUNINSTALL&auth[__proto__][application_token]=x&auth[member_id]=${A}&constructor[prototype][x]=1`,
      ],
      [
        'install with a made-up refresh token',
        forged('ONAPPINSTALL', { member_id: A, application_token: 'x'.repeat(32), refresh_token: 'r'.repeat(64) }, {}),
      ],
      [
        "install with portal B's real refresh token claiming A",
        forged('ONAPPINSTALL', { ...installB, member_id: A, application_token: 'evil' }, {}),
      ],
      [
        "a non-admin employee's own refresh token",
        forged('ONAPPINSTALL', { ...emulator.installAuth(A, 2), application_token: 'chosen' }, {}),
      ],
      ['empty body', ''],
    ];
    const before = await snapshot();
    const results: string[] = [];
    for (const [name, body] of variants) {
      const { status } = await post(body);
      if (status !== 401) results.push(`${name}: ${status}`);
    }
    expect(results).toEqual([]);
    expect(await snapshot()).toBe(before);
    expect(placed).toHaveLength(0);
    console.info(`[events] ${variants.length}/${variants.length} forged variants rejected, database unchanged`);
  });

  it("refuses an employee's install over an active portal; the token they chose opens nothing", async () => {
    const employee = emulator.installAuth(A, 2);
    const chosen = 'c'.repeat(32);
    const before = await snapshot();
    const install = encodeBracketParams({
      event: 'ONAPPINSTALL',
      data: { LANGUAGE_ID: 'ru' },
      auth: { ...employee, application_token: chosen },
    });
    expect((await post(install)).status).toBe(401);
    const asEmployee = { member_id: A, application_token: chosen };
    const call = encodeBracketParams({ event: 'ONEXTERNALCALLSTART', data: callData, auth: asEmployee });
    expect((await post(call)).status).toBe(401);
    const wipe = encodeBracketParams({ event: 'ONAPPUNINSTALL', data: { CLEAN: '1' }, auth: asEmployee });
    expect((await post(wipe)).status).toBe(401);
    expect(await snapshot()).toBe(before);
    expect(placed).toHaveLength(0);
    expect((await post(await genuine(A, 'ONCRMLEADADD', { FIELDS: { ID: '6' } }))).status).toBe(200);
  });

  it('accepts a genuine event outside the allowlist with 200 and does nothing', async () => {
    const before = await snapshot();
    const response = await post(await genuine(A, 'ONCRMLEADADD', { FIELDS: { ID: '5' } }));
    expect(response).toEqual({ status: 200, json: { ignored: 'ONCRMLEADADD' } });
    expect(await snapshot()).toBe(before);
  });

  it("hands a genuine click-to-call to the use case with its CALL_ID, the manager's extension and user", async () => {
    const response = await post(
      await genuine(A, 'ONEXTERNALCALLSTART', { ...callData, CALL_ID: 'externalCall.real.1' }),
    );
    expect(response.status).toBe(200);
    expect(placed).toHaveLength(1);
    expect(placed[0]).toMatchObject({
      b24CallId: 'externalCall.real.1',
      origin: 'click_to_call',
      extension: '101',
      number: '+79161234567',
      b24UserId: 1,
      requestedLine: null,
    });
    expect(await db.outboxMessage.count({ where: { dedupeKey: 'finish:externalCall.real.1' } })).toBe(0);
  });

  it('an app update: the new token stored (admin proven), handlers bound again, the old token refused', async () => {
    const before = await db.portal.findUniqueOrThrow({ where: { memberId: A } });
    const employee = emulator.installAuth(A, 2);
    const forged = encodeBracketParams({
      event: 'ONAPPUPDATE',
      data: { VERSION: '2.1.0', PREVIOUS_VERSION: '2.0.3', LANGUAGE_ID: 'ru' },
      auth: { ...employee, application_token: 'chosen-by-an-employee' },
    });
    expect((await post(forged)).status).toBe(401);
    expect((await db.portal.findUniqueOrThrow({ where: { memberId: A } })).applicationToken).toBe(
      before.applicationToken,
    );

    const [update] = await emulator.updateApp(A, { handler: handlerUrl, version: '2.1.0', previousVersion: '2.0.3' });
    expect(update?.status).toBe(200);
    const after = await db.portal.findUniqueOrThrow({ where: { memberId: A } });
    expect(after.applicationToken).toBe(emulator.portal(A).applicationToken);
    expect(after.applicationToken).not.toBe(before.applicationToken);
    expect(emulator.portal(A).events.map((item) => item.event)).toContain('ONEXTERNALCALLSTART');
    const stale = encodeBracketParams({
      event: 'ONEXTERNALCALLSTART',
      data: { ...callData, CALL_ID: 'externalCall.after-update.0' },
      auth: { member_id: A, application_token: before.applicationToken },
    });
    expect((await post(stale)).status).toBe(401);
    const placedBefore = placed.length;
    const call = await genuine(A, 'ONEXTERNALCALLSTART', { ...callData, CALL_ID: 'externalCall.after-update.1' });
    expect((await post(call)).status).toBe(200);
    expect(placed).toHaveLength(placedBefore + 1);
  });

  it('uninstalls a verified portal; CLEAN=1 deletes its data', async () => {
    expect((await post(await genuine(B, 'ONAPPUNINSTALL', { CLEAN: '0' }))).status).toBe(200);
    expect(await db.portal.findUnique({ where: { memberId: B } })).toMatchObject({
      status: 'uninstalled',
      accessToken: '',
    });
    // Re-install through ONAPPINSTALL: the OAuth server vouches for the refresh token, the row is reused.
    const install = emulator.installAuth(B, 1);
    expect(
      (await post(encodeBracketParams({ event: 'ONAPPINSTALL', data: { LANGUAGE_ID: 'ru' }, auth: install }))).status,
    ).toBe(200);
    const again = await db.portal.findUniqueOrThrow({ where: { memberId: B } });
    expect(again).toMatchObject({ status: 'active', applicationToken: install.application_token });
    expect(emulator.state.tokens.get(again.accessToken)).toBeDefined();
    expect((await post(await genuine(B, 'ONAPPUNINSTALL', { CLEAN: '1' }))).status).toBe(200);
    expect(await db.portal.findUnique({ where: { memberId: B } })).toBeNull();
  });
});
