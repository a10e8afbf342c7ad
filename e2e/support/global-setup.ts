/**
 * Before the whole run, for each PBX profile served (pbx-profiles.ts): a fresh, migrated, demo-seeded app database (so
 * every run starts from the same state) and a Bitrix24 emulator with the demo portal; the FreePBX-shaped PBX also gets
 * the install kit of its app. The returned function stops the emulators and takes the kit off that PBX.
 */
import { removeKitFromFreepbx } from '../../lib/asterisk/testing/freepbx-profile';
import { createDb } from '../../lib/db/client';
import { applyMigrations } from '../../lib/db/migrate/apply-migrations';
import { loadConfig } from '../../lib/config/load-config';
import { createDemoPortal } from '../bitrix24-emulator/demo-portal';
import { startEmulator } from '../bitrix24-emulator/start-emulator';
import { emptyAppDatabase } from './empty-app-database';
import { DEMO_MEMBER_ID, E2E_CLIENT_ID, E2E_CLIENT_SECRET, E2E_DIALPLAN_SECRET, emulatorPort } from './e2e-env';
import { installFreepbxKit } from './install-freepbx-kit';
import { enabledProfiles, type PbxProfile } from './pbx-profiles';
import { seedProfilePortal } from './seed-profile-portal';

async function prepareProfile(profile: PbxProfile): Promise<() => Promise<void>> {
  const { database } = loadConfig({ env: { DATABASE_URL: profile.databaseUrl } });
  // Emptied in place, not deleted: the app server (started before this setup) already holds the file open, and a
  // deleted file would stay its database while the tests write to the new one.
  await emptyAppDatabase(database);
  await applyMigrations({ database });
  const db = createDb({ database });
  try {
    const { portalId } = await seedProfilePortal({ db, profile: profile.name });
    if (profile.name === 'freepbx')
      await installFreepbxKit({ db, portalId, profile, dialplanSecret: E2E_DIALPLAN_SECRET });
  } finally {
    await db.$disconnect();
  }
  const emulator = await startEmulator({
    port: emulatorPort(profile.emulatorPortVar),
    appUrl: profile.appUrl,
    clientId: E2E_CLIENT_ID,
    clientSecret: E2E_CLIENT_SECRET,
    portals: [createDemoPortal(DEMO_MEMBER_ID)],
  });
  return async () => {
    await emulator.close();
    if (profile.name === 'freepbx') await removeKitFromFreepbx();
  };
}

export default async function globalSetup(): Promise<() => Promise<void>> {
  const teardowns: Array<() => Promise<void>> = [];
  for (const profile of enabledProfiles()) teardowns.push(await prepareProfile(profile));
  return async () => {
    for (const teardown of teardowns) await teardown();
  };
}
