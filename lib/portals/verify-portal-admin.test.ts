import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createDemoPortal } from '../../e2e/bitrix24-emulator/demo-portal';
import { startEmulator, type EmulatorHandle } from '../../e2e/bitrix24-emulator/start-emulator';
import type { Db } from '../db/client';
import { createTestDatabase, type TestDatabase } from '../db/testing/create-test-database';
import { AppError } from '../errors/app-error';
import { forgetPortalTokenChecks, NOT_ADMIN_MESSAGE, verifyPortalAdmin } from './verify-portal-admin';

/**
 * Against the real emulator. Each emulator stands for one Bitrix24 cloud domain; portal B lives on its own emulator
 * because real portals each have their own REST domain (a token is only valid on its portal's endpoint).
 */
const A = 'member-a';
const B = 'member-b';
let home: EmulatorHandle;
let other: EmulatorHandle;
let testDb: TestDatabase;
let db: Db;

async function addPortal(memberId: string, clientEndpoint: string, status = 'active'): Promise<void> {
  await db.portal.create({
    data: {
      memberId,
      domain: memberId,
      clientEndpoint,
      accessToken: 'install-token',
      refreshToken: 'r',
      expiresAt: new Date(0),
      status,
    },
  });
}

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(AppError.is(error)).toBe(true);
  return error as AppError;
}

beforeAll(async () => {
  home = await startEmulator({ portals: [createDemoPortal(A)], appUrl: 'http://127.0.0.1:1' });
  other = await startEmulator({ portals: [createDemoPortal(B)], appUrl: 'http://127.0.0.1:1' });
  testDb = await createTestDatabase({ kind: 'sqlite' });
  db = testDb.db();
  await addPortal(A, `${home.url}/rest/`);
  await addPortal(B, `${other.url}/rest/`);
  await addPortal('member-gone', `${home.url}/rest/`, 'uninstalled');
  await addPortal('member-down', 'http://127.0.0.1:9/rest/');
});
afterAll(async () => {
  await Promise.all([home.close(), other.close(), testDb.dispose()]);
});
beforeEach(() => forgetPortalTokenChecks());

describe('verifyPortalAdmin', () => {
  it("accepts a portal admin's token and names the portal row", async () => {
    const { accessToken } = home.issueTokens(A, 1);
    const portal = await db.portal.findUniqueOrThrow({ where: { memberId: A } });
    await expect(verifyPortalAdmin({ memberId: A, accessToken, db })).resolves.toEqual({
      portalId: portal.id,
      memberId: A,
      isAdmin: true,
    });
    expect(home.callsTo('user.admin').at(-1)).toMatchObject({
      auth: accessToken,
      status: 200,
      response: { result: true },
    });
  });

  it('refuses a non-admin with the user-facing message, but lets them read', async () => {
    const { accessToken } = home.issueTokens(A, 2);
    const error = await refusal(verifyPortalAdmin({ memberId: A, accessToken, db }));
    expect(error.code).toBe('FORBIDDEN');
    expect(error.message).toBe(NOT_ADMIN_MESSAGE);
    await expect(verifyPortalAdmin({ memberId: A, accessToken, requireAdmin: false, db })).resolves.toMatchObject({
      isAdmin: false,
    });
  });

  it('refuses a forged token', async () => {
    const error = await refusal(verifyPortalAdmin({ memberId: A, accessToken: 'f'.repeat(64), db }));
    expect(error.code).toBe('UNAUTHORIZED');
  });

  it('refuses an unknown or uninstalled portal without calling anyone', async () => {
    const before = home.callsTo('user.admin').length;
    const { accessToken } = home.issueTokens(A, 1);
    expect((await refusal(verifyPortalAdmin({ memberId: 'member-unknown', accessToken, db }))).code).toBe('NOT_FOUND');
    expect((await refusal(verifyPortalAdmin({ memberId: 'member-gone', accessToken, db }))).code).toBe('NOT_FOUND');
    expect(home.callsTo('user.admin').length).toBe(before);
  });

  it("refuses another portal's admin token presented as this portal's", async () => {
    const { accessToken } = other.issueTokens(B, 1);
    await expect(verifyPortalAdmin({ memberId: B, accessToken, db })).resolves.toMatchObject({ isAdmin: true });
    const error = await refusal(verifyPortalAdmin({ memberId: A, accessToken, db }));
    expect(error.code).toBe('UNAUTHORIZED');
    expect(home.callsTo('user.admin').at(-1)).toMatchObject({ auth: accessToken, status: 401 });
  });

  it('answers UNAVAILABLE when the portal cannot be reached', async () => {
    const error = await refusal(verifyPortalAdmin({ memberId: 'member-down', accessToken: 'x'.repeat(64), db }));
    expect(error.code).toBe('UNAVAILABLE');
  });

  it('caches a valid answer per member and token, and never a refusal', async () => {
    const admin = home.issueTokens(A, 1).accessToken;
    const forged = 'e'.repeat(64);
    const count = () => home.callsTo('user.admin').filter((call) => call.auth === admin || call.auth === forged).length;
    await verifyPortalAdmin({ memberId: A, accessToken: admin, db });
    await verifyPortalAdmin({ memberId: A, accessToken: admin, db });
    expect(count()).toBe(1);
    await refusal(verifyPortalAdmin({ memberId: A, accessToken: forged, db }));
    await refusal(verifyPortalAdmin({ memberId: A, accessToken: forged, db }));
    expect(count()).toBe(3);
    // Past the cache's lifetime the portal is asked again.
    await verifyPortalAdmin({ memberId: A, accessToken: admin, db, now: Date.now() + 61_000 });
    expect(count()).toBe(4);
  });
});
