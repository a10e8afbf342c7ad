/** The demo routing settings with the dial templates of the profile's PBX (FreePBX: its hyphenated and IAX2 trunks). */
import { seedFreepbxPortal } from '../../lib/asterisk/testing/seed-freepbx-portal';
import type { Db } from '../../lib/db/client';
import { seedDemoPortal } from '../../lib/routing/settings/seed-demo-portal';
import type { PbxProfileName } from './pbx-profiles';

export type SeedProfilePortalOptions = { db: Db; profile: PbxProfileName; portalId?: number };

export function seedProfilePortal({ db, profile, portalId }: SeedProfilePortalOptions): Promise<{ portalId: number }> {
  return profile === 'freepbx' ? seedFreepbxPortal({ db, portalId }) : seedDemoPortal({ db, portalId });
}
