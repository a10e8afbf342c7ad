import type { Db } from '../../db/client';
import { demoRoutingSettings } from '../../routing/demo-routing-settings';
import { seedDemoPortal } from '../../routing/settings/seed-demo-portal';
import { FREEPBX_TRUNK_DIALS } from './freepbx-trunk-dials';

export type SeedFreepbxPortalOptions = { db: Db; portalId?: number };

/** The demo portal (Sales 101–103, HR 201–202 on HR-1/HR-2) with the FreePBX-shaped profile's hyphenated trunks. */
export async function seedFreepbxPortal({ db, portalId }: SeedFreepbxPortalOptions): Promise<{ portalId: number }> {
  const settings = {
    ...demoRoutingSettings,
    trunks: demoRoutingSettings.trunks.map((trunk) => ({
      ...trunk,
      dial: FREEPBX_TRUNK_DIALS[trunk.id]!,
    })),
  };
  return seedDemoPortal({ db, portalId, settings });
}
