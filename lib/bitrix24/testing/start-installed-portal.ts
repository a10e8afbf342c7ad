import { createDemoPortal } from '../../../e2e/bitrix24-emulator/demo-portal';
import { startEmulator, type EmulatorHandle } from '../../../e2e/bitrix24-emulator/start-emulator';
import type { Db } from '../../db/client';
import { createTestDatabase, type TestDatabase } from '../../db/testing/create-test-database';
import { forgetPortalClient } from '../rest/get-portal-client';
import { storeInstalledPortal } from './store-installed-portal';

export type InstalledPortal = {
  emulator: EmulatorHandle;
  testDb: TestDatabase;
  db: Db;
  portalId: number;
  close(): Promise<void>;
};

export type StartInstalledPortalOptions = {
  memberId: string;
  /** The app's client id at the emulator (its secret is derived): one per test file, so clients never mix. */
  clientId: string;
  kind?: 'sqlite' | 'postgresql';
};

/**
 * Tests: the emulated Bitrix24 with one demo portal that has installed the app, and a fresh database holding that
 * installation, with the app's OAuth settings pointing at the emulator; close() undoes all three.
 */
export async function startInstalledPortal(options: StartInstalledPortalOptions): Promise<InstalledPortal> {
  const { memberId, clientId, kind = 'sqlite' } = options;
  const clientSecret = `${clientId}-secret`;
  const emulator = await startEmulator({
    portals: [createDemoPortal(memberId)],
    appUrl: 'http://127.0.0.1:1',
    clientId,
    clientSecret,
  });
  Object.assign(process.env, { B24_CLIENT_ID: clientId, B24_CLIENT_SECRET: clientSecret, B24_OAUTH_URL: emulator.url });
  const testDb = await createTestDatabase({ kind });
  const db = testDb.db();
  const portalId = await storeInstalledPortal({ db, emulator, memberId });
  return {
    emulator,
    testDb,
    db,
    portalId,
    async close() {
      forgetPortalClient();
      await emulator.close();
      await testDb.dispose();
    },
  };
}
