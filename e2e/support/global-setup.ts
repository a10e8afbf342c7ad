/**
 * Before the whole run: a fresh, migrated, demo-seeded app database (so every run starts from the same state), and the
 * Bitrix24 emulator with the demo portal. The returned function stops the emulator.
 */
import { createDb } from '../../lib/db/client';
import { applyMigrations } from '../../lib/db/migrate/apply-migrations';
import { loadConfig } from '../../lib/config/load-config';
import { seedDemoPortal } from '../../lib/routing/settings/seed-demo-portal';
import { createDemoPortal } from '../bitrix24-emulator/demo-portal';
import { startEmulator } from '../bitrix24-emulator/start-emulator';
import { emptyAppDatabase } from './empty-app-database';
import { APP_URL, DEMO_MEMBER_ID, E2E_CLIENT_ID, E2E_CLIENT_SECRET, E2E_DATABASE_URL, emulatorPort } from './e2e-env';

export default async function globalSetup(): Promise<() => Promise<void>> {
  const { database } = loadConfig({ env: { DATABASE_URL: E2E_DATABASE_URL } });
  // Emptied in place, not deleted: the app server (started before this setup) already holds the file open, and a
  // deleted file would stay its database while the tests write to the new one.
  await emptyAppDatabase(database);
  await applyMigrations({ database });
  const db = createDb({ database });
  await seedDemoPortal({ db });
  await db.$disconnect();

  const emulator = await startEmulator({
    port: emulatorPort(),
    appUrl: APP_URL,
    clientId: E2E_CLIENT_ID,
    clientSecret: E2E_CLIENT_SECRET,
    portals: [createDemoPortal(DEMO_MEMBER_ID)],
  });
  process.env.E2E_EMULATOR_URL = emulator.url;
  return () => emulator.close();
}
