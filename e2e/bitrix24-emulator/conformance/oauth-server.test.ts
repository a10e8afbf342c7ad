/**
 * The OAuth server as settings/oauth/auto-renewal.md shows it: a GET to /oauth/token/, answered with the server's
 * own domain (oauth.bitrix24.tech), never the portal's — and the app's install path still stores the portal's domain.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../../lib/db/client';
import { createTestDatabase, type TestDatabase } from '../../../lib/db/testing/create-test-database';
import { storeInstall } from '../../../lib/bitrix24/events/handle-app-install';
import { forgetPortalClient } from '../../../lib/bitrix24/rest/get-portal-client';
import { createDemoPortal } from '../demo-portal';
import { OAUTH_SERVER_DOMAIN } from '../oauth-token';
import { startEmulator, type EmulatorHandle } from '../start-emulator';
import { compareShape } from './compare-shape';
import { loadDocFixture } from './load-doc-fixture';

const MEMBER = 'oauth-member';
let emulator: EmulatorHandle;
let testDb: TestDatabase;
let db: Db;

beforeAll(async () => {
  emulator = await startEmulator({
    portals: [createDemoPortal(MEMBER)],
    appUrl: 'http://127.0.0.1:1',
    clientId: 'app.oauth',
    clientSecret: 'oauth-secret',
  });
  Object.assign(process.env, {
    B24_CLIENT_ID: 'app.oauth',
    B24_CLIENT_SECRET: 'oauth-secret',
    B24_OAUTH_URL: emulator.url,
  });
  testDb = await createTestDatabase({ kind: 'sqlite' });
  db = testDb.db();
}, 60_000);
afterAll(async () => {
  forgetPortalClient();
  await emulator?.close();
  await testDb?.dispose();
});

describe('the OAuth server (settings/oauth/auto-renewal.md)', () => {
  it('answers a GET refresh in the documented shape, naming itself as domain', async () => {
    const { doc, sample } = loadDocFixture('oauth.token.response.json');
    const query = new URLSearchParams({
      grant_type: 'refresh_token',
      client_id: 'app.oauth',
      client_secret: 'oauth-secret',
      refresh_token: emulator.issueTokens(MEMBER, 1).refreshToken,
    });
    const body = (await (await fetch(`${emulator.url}/oauth/token/?${query.toString()}`)).json()) as Record<
      string,
      unknown
    >;
    expect(compareShape(sample, body), doc).toEqual([]);
    expect(body.domain).toBe(OAUTH_SERVER_DOMAIN);
    expect(new URL(String(body.client_endpoint)).host).toBe(emulator.host);
  });

  it("storeInstall refreshes with a GET and stores the portal's domain, not the OAuth server's", async () => {
    const auth = emulator.installAuth(MEMBER, 1);
    const before = emulator.state.oauthRequests.length;
    const portalId = await storeInstall({
      db,
      memberId: MEMBER,
      refreshToken: auth.refresh_token!,
      applicationToken: auth.application_token!,
    });
    expect(portalId).not.toBeNull();
    expect(emulator.state.oauthRequests.slice(before).map((request) => request.method)).toEqual(['GET']);
    const portal = await db.portal.findUniqueOrThrow({ where: { id: portalId! } });
    expect(portal.domain).toBe(emulator.portal(MEMBER).domain);
    expect(portal.domain).not.toBe(OAUTH_SERVER_DOMAIN);
  });
});
