/**
 * Puts the emulator's demo portal into the app database as an installed portal (what the install handler stores):
 * its client endpoint on the emulator, a token the emulator issued, and the demo routing settings with the current
 * PBX profile's trunks. Idempotent.
 */
import type { APIRequestContext } from '@playwright/test';
import { currentProfile } from './current-profile';
import { DEMO_MEMBER_ID } from './e2e-env';
import { emulatorControl } from './emulator-control';
import { seedProfilePortal } from './seed-profile-portal';
import { withAppDb } from './with-app-db';

export async function installDemoPortal(request: APIRequestContext): Promise<{ portalId: number }> {
  const emulator = emulatorControl(request);
  const install = await emulator.issueTokens(1, DEMO_MEMBER_ID);
  return withAppDb(async (db) => {
    const data = {
      domain: new URL(emulator.url).host,
      clientEndpoint: `${emulator.url}/rest/`,
      serverEndpoint: `${emulator.url}/rest/`,
      accessToken: install.accessToken,
      refreshToken: install.refreshToken,
      expiresAt: new Date(Date.now() + 3_600_000),
      status: 'active',
    };
    const portal = await db.portal.upsert({
      where: { memberId: DEMO_MEMBER_ID },
      create: { memberId: DEMO_MEMBER_ID, ...data },
      update: data,
    });
    await seedProfilePortal({ db, portalId: portal.id, profile: currentProfile().name });
    return { portalId: portal.id };
  });
}
