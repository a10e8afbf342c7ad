/**
 * Before the whole run, for each PBX profile served (pbx-profiles.ts): a fresh, migrated, demo-seeded app database (so
 * every run starts from the same state) and a Bitrix24 emulator with the demo portal; the FreePBX-shaped PBX also gets
 * the install kit of its app, and our PBX uploads its recordings to our app (the kit's RECORDING_URL, set by hand).
 * The returned function stops the emulators, takes the kit off that PBX and gives ours back its RECORDING_URL.
 */
import { removeKitFromFreepbx } from '../../lib/asterisk/testing/freepbx-profile';
import { createDb } from '../../lib/db/client';
import { applyMigrations } from '../../lib/db/migrate/apply-migrations';
import { loadConfig } from '../../lib/config/load-config';
import { createDemoPortal } from '../bitrix24-emulator/demo-portal';
import { startEmulator } from '../bitrix24-emulator/start-emulator';
import { emptyAppDatabase } from './empty-app-database';
import { DEMO_MEMBER_ID, E2E_CLIENT_ID, E2E_CLIENT_SECRET, E2E_DIALPLAN_SECRET, emulatorPort } from './e2e-env';
import { amiFrom } from './incoming-call-profile';
import { installFreepbxKit } from './install-freepbx-kit';
import { AmiConnection } from '../../lib/asterisk/ami/ami-connection';
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
  const restoreRecordingUrl = profile.name === 'asterisk' ? await uploadRecordingsTo(profile.appUrl) : null;
  return async () => {
    await emulator.close();
    if (profile.name === 'freepbx') await removeKitFromFreepbx();
    await restoreRecordingUrl?.();
  };
}

/** Our PBX uploads recordings to the app under test; resolves with the way back. Without its peers: nothing. */
async function uploadRecordingsTo(appUrl: string): Promise<(() => Promise<void>) | null> {
  const options = amiFrom('AMI');
  if (!options) return null;
  const setRecordingUrl = async (value: string) => {
    const pbx = await AmiConnection.open(options);
    try {
      const before = await pbx.action({ Action: 'Getvar', Variable: 'RECORDING_URL' });
      await pbx.action({ Action: 'Setvar', Variable: 'RECORDING_URL', Value: value });
      return typeof before.Value === 'string' ? before.Value : '';
    } finally {
      pbx.close();
    }
  };
  const before = await setRecordingUrl(`${appUrl}/api/asterisk/recording`);
  return async () => void (await setRecordingUrl(before));
}

export default async function globalSetup(): Promise<() => Promise<void>> {
  const teardowns: Array<() => Promise<void>> = [];
  for (const profile of enabledProfiles()) teardowns.push(await prepareProfile(profile));
  return async () => {
    for (const teardown of teardowns) await teardown();
  };
}
