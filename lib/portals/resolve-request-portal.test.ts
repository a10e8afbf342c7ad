import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createDemoPortal } from '../../e2e/bitrix24-emulator/demo-portal';
import { startEmulator, type EmulatorHandle } from '../../e2e/bitrix24-emulator/start-emulator';
import { forgetPortalTokenChecks } from './verify-portal-admin';
import type { Db } from '../db/client';
import { createTestDatabase, type TestDatabase } from '../db/testing/create-test-database';
import { AppError } from '../errors/app-error';
import { LOCAL_MEMBER_ID } from './ensure-local-portal';
import { resolveRequestPortal } from './resolve-request-portal';

const MEMBER = 'member-resolve';
let emulator: EmulatorHandle;
let testDb: TestDatabase;
let db: Db;
let portalId: number;

function request(headers: Record<string, string> = {}): Request {
  return new Request('http://127.0.0.1/api/settings/routing', { headers });
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(AppError.is(error)).toBe(true);
  return (error as AppError).code;
}

beforeAll(async () => {
  emulator = await startEmulator({ portals: [createDemoPortal(MEMBER)], appUrl: 'http://127.0.0.1:1' });
  testDb = await createTestDatabase({ kind: 'sqlite' });
  db = testDb.db();
  const row = await db.portal.create({
    data: {
      memberId: MEMBER,
      domain: emulator.host,
      clientEndpoint: `${emulator.url}/rest/`,
      accessToken: 'i',
      refreshToken: 'r',
      expiresAt: new Date(0),
    },
  });
  portalId = row.id;
});
afterAll(async () => {
  await Promise.all([emulator.close(), testDb.dispose()]);
});
beforeEach(() => forgetPortalTokenChecks());

describe('resolveRequestPortal', () => {
  it('inside a portal: an admin may read and write', async () => {
    const { accessToken } = emulator.issueTokens(MEMBER, 1);
    const headers = { 'X-B24-Member-Id': MEMBER, 'X-B24-Auth': accessToken };
    const expected = { portalId, memberId: MEMBER, mode: 'portal', isAdmin: true };
    await expect(resolveRequestPortal(request(headers), { access: 'read', db })).resolves.toEqual(expected);
    await expect(resolveRequestPortal(request(headers), { access: 'admin-read', db })).resolves.toEqual(expected);
    await expect(resolveRequestPortal(request(headers), { access: 'write', db })).resolves.toEqual(expected);
  });

  it('inside a portal: a non-admin may read, but not read admin data nor write', async () => {
    const { accessToken } = emulator.issueTokens(MEMBER, 2);
    const headers = { 'X-B24-Member-Id': MEMBER, 'X-B24-Auth': accessToken };
    await expect(resolveRequestPortal(request(headers), { access: 'read', db })).resolves.toMatchObject({
      portalId,
      isAdmin: false,
    });
    expect(await codeOf(resolveRequestPortal(request(headers), { access: 'admin-read', db }))).toBe('FORBIDDEN');
    expect(await codeOf(resolveRequestPortal(request(headers), { access: 'write', db }))).toBe('FORBIDDEN');
  });

  it('a forged token may not even read', async () => {
    const headers = { 'X-B24-Member-Id': MEMBER, 'X-B24-Auth': 'a'.repeat(64) };
    expect(await codeOf(resolveRequestPortal(request(headers), { access: 'read', db }))).toBe('UNAUTHORIZED');
  });

  it('half a session, or a claim to be the local portal, is refused', async () => {
    const { accessToken } = emulator.issueTokens(MEMBER, 1);
    expect(await codeOf(resolveRequestPortal(request({ 'X-B24-Member-Id': MEMBER }), { access: 'read', db }))).toBe(
      'UNAUTHORIZED',
    );
    expect(await codeOf(resolveRequestPortal(request({ 'X-B24-Auth': accessToken }), { access: 'read', db }))).toBe(
      'UNAUTHORIZED',
    );
    const local = { 'X-B24-Member-Id': LOCAL_MEMBER_ID, 'X-B24-Auth': accessToken };
    expect(await codeOf(resolveRequestPortal(request(local), { access: 'write', db, bitrix24Configured: false }))).toBe(
      'UNAUTHORIZED',
    );
  });

  it('standalone: the local portal only in an installation without app keys', async () => {
    const local = await resolveRequestPortal(request(), { access: 'read', db, bitrix24Configured: false });
    expect(local).toMatchObject({ memberId: LOCAL_MEMBER_ID, mode: 'local', isAdmin: true });
    expect(local.portalId).not.toBe(portalId);
    await expect(resolveRequestPortal(request(), { access: 'write', db, bitrix24Configured: false })).resolves.toEqual(
      local,
    );
    expect(await codeOf(resolveRequestPortal(request(), { access: 'read', db, bitrix24Configured: true }))).toBe(
      'UNAUTHORIZED',
    );
    expect(await codeOf(resolveRequestPortal(request(), { access: 'write', db, bitrix24Configured: true }))).toBe(
      'FORBIDDEN',
    );
  });
});
