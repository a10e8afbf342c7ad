import type { Db } from '../../db/client';
import { demoRoutingSettings } from '../../routing/demo-routing-settings';
import { seedDemoPortal } from '../../routing/settings/seed-demo-portal';

/** The FreePBX-shaped profile's dial template for each demo line: hyphenated PJSIP trunks, MegaFon over IAX2. */
const FREEPBX_TRUNKS: Record<string, string> = {
  beeline: 'PJSIP/{number}@Beeline-GoIP',
  megafon: 'IAX2/MegaFon-IAX/{number}',
  mts: 'PJSIP/{number}@MTS-GoIP',
  hr1: 'PJSIP/{number}@HR1-GoIP',
  hr2: 'PJSIP/{number}@HR2-GoIP',
};

export type SeedFreepbxPortalOptions = { db: Db; portalId?: number };

/** The demo portal (Sales 101–103, HR 201–202 on HR-1/HR-2) with the FreePBX-shaped profile's hyphenated trunks. */
export async function seedFreepbxPortal({ db, portalId }: SeedFreepbxPortalOptions): Promise<{ portalId: number }> {
  const settings = {
    ...demoRoutingSettings,
    trunks: demoRoutingSettings.trunks.map((trunk) => ({
      ...trunk,
      dial: FREEPBX_TRUNKS[trunk.id]!,
    })),
  };
  return seedDemoPortal({ db, portalId, settings });
}
