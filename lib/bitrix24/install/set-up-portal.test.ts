import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoPortal } from '../../../e2e/bitrix24-emulator/demo-portal';
import { startEmulator, type EmulatorHandle } from '../../../e2e/bitrix24-emulator/start-emulator';
import type { Db } from '../../db/client';
import { createTestDatabase, type TestDatabase } from '../../db/testing/create-test-database';
import { seedDemoPortal } from '../../routing/settings/seed-demo-portal';
import { forgetPortalClient } from '../rest/get-portal-client';
import { AUTO_LINE } from '../lines/sync-external-lines';
import { setUpPortal } from './set-up-portal';
import { answerInstallFrame } from './answer-install-frame';
import { storeInstalledPortal } from '../testing/store-installed-portal';

const MEMBER = 'setup-member';
const PUBLIC_URL = 'https://calls.example.test';
let emulator: EmulatorHandle;
let testDb: TestDatabase;
let db: Db;
let portalId: number;

beforeAll(async () => {
  emulator = await startEmulator({
    portals: [createDemoPortal(MEMBER), createDemoPortal('frame-member')],
    appUrl: 'http://127.0.0.1:1',
    clientId: 'app.setup',
    clientSecret: 'setup-secret',
  });
  Object.assign(process.env, {
    B24_CLIENT_ID: 'app.setup',
    B24_CLIENT_SECRET: 'setup-secret',
    B24_OAUTH_URL: emulator.url,
  });
  testDb = await createTestDatabase({ kind: 'sqlite' });
  db = testDb.db();
  portalId = await storeInstalledPortal({ db, emulator, memberId: MEMBER });
  await seedDemoPortal({ db, portalId });
}, 60_000);
afterAll(async () => {
  forgetPortalClient();
  await emulator?.close();
  await testDb?.dispose();
});

describe('setUpPortal (installer)', () => {
  it('binds events before adding lines, binds placements, mirrors the trunks as lines, and is idempotent', async () => {
    await setUpPortal({ portalId, publicUrl: PUBLIC_URL, db });
    const portal = emulator.portal(MEMBER);
    expect(portal.events.map((item) => item.event).sort()).toEqual([
      'ONAPPUNINSTALL',
      'ONAPPUPDATE',
      'ONEXTERNALCALLBACKSTART',
      'ONEXTERNALCALLSTART',
    ]);
    expect(portal.events.every((item) => item.handler === `${PUBLIC_URL}/api/b24/events`)).toBe(true);
    expect(portal.placements.map((item) => item.placement).sort()).toEqual(['CALL_CARD', 'TELEPHONY_ANALYTICS_MENU']);
    const trunks = await db.trunk.findMany({ where: { portalId, enabled: true } });
    expect(portal.lines.map((line) => line.NUMBER).sort()).toEqual(
      [AUTO_LINE.NUMBER, ...trunks.map((trunk) => trunk.lineNumber)].sort(),
    );
    const hr = trunks.filter((trunk) => trunk.hrNumber);
    for (const trunk of hr)
      expect(portal.lines.find((line) => line.NUMBER === trunk.lineNumber)?.NAME).toContain(trunk.hrNumber!);
    const order = emulator.calls.map((call) => call.method.toLowerCase());
    expect(order.lastIndexOf('event.bind')).toBeLessThan(order.indexOf('telephony.externalline.add'));

    const writesBefore = emulator.calls.filter((call) =>
      /bind|externalline\.(add|update|delete)/i.test(call.method),
    ).length;
    await setUpPortal({ portalId, publicUrl: PUBLIC_URL, db });
    expect(emulator.calls.filter((call) => /bind|externalline\.(add|update|delete)/i.test(call.method)).length).toBe(
      writesBefore,
    );

    // A trunk renamed and one disabled: the next sync updates and deletes exactly those lines.
    const [first, second] = trunks;
    await db.trunk.update({ where: { id: first!.id }, data: { name: `${first!.name} (новый)` } });
    await db.trunk.update({ where: { id: second!.id }, data: { enabled: false } });
    await setUpPortal({ portalId, publicUrl: PUBLIC_URL, db });
    expect(portal.lines.find((line) => line.NUMBER === first!.lineNumber)?.NAME).toContain('(новый)');
    expect(portal.lines.some((line) => line.NUMBER === second!.lineNumber)).toBe(false);
  });
});

describe('answerInstallFrame (installer POST)', () => {
  const form = (userId: number) => {
    const auth = emulator.installAuth('frame-member', userId);
    return new URLSearchParams({
      AUTH_ID: auth.access_token!,
      REFRESH_ID: auth.refresh_token!,
      member_id: 'frame-member',
      APPLICATION_TOKEN: auth.application_token!,
    });
  };

  it('refuses a non-admin without storing anything', async () => {
    const response = await answerInstallFrame({ form: form(2), publicUrl: PUBLIC_URL, db });
    expect(response.status).toBe(401);
    expect(await db.portal.findUnique({ where: { memberId: 'frame-member' } })).toBeNull();
  });

  it(
    "stores an admin's install, sets the portal up and finishes the install from the frame, tokens not in the " +
      'page',
    async () => {
      const sent = form(1);
      const response = await answerInstallFrame({ form: sent, publicUrl: PUBLIC_URL, db });
      const html = await response.text();
      expect(response.status).toBe(200);
      expect(html).toContain('setInstallFinish');
      const stored = await db.portal.findUniqueOrThrow({ where: { memberId: 'frame-member' } });
      expect(stored.applicationToken).toBe(sent.get('APPLICATION_TOKEN'));
      for (const secret of [
        stored.accessToken,
        stored.refreshToken,
        sent.get('REFRESH_ID')!,
        sent.get('APPLICATION_TOKEN')!,
      ])
        expect(html).not.toContain(secret);
      const portal = emulator.portal('frame-member');
      expect(portal.events.map((item) => item.event)).toContain('ONEXTERNALCALLSTART');
      expect(portal.lines.map((line) => line.NUMBER)).toEqual([AUTO_LINE.NUMBER]);
    },
  );
});
