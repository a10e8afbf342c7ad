import type { Db } from '../../db/client';
import { demoRoutingSettings } from '../../routing/demo-routing-settings';
import { seedDemoPortal } from '../../routing/settings/seed-demo-portal';

/** The FreePBX-shaped profile's trunk for each demo line; MegaFon is IAX2 there, which a line cannot name yet. */
const FREEPBX_TRUNKS: Record<string, string> = {
  beeline: 'Beeline-GoIP',
  megafon: 'MegaFon-IAX',
  mts: 'MTS-GoIP',
  hr1: 'HR1-GoIP',
  hr2: 'HR2-GoIP',
};

export type SeedFreepbxPortalOptions = { db: Db };

/** The demo portal (Sales 101–103, HR 201–202 on HR-1/HR-2) with the FreePBX-shaped profile's hyphenated trunks. */
export async function seedFreepbxPortal({ db }: SeedFreepbxPortalOptions): Promise<{ portalId: number }> {
  const settings = {
    ...demoRoutingSettings,
    trunks: demoRoutingSettings.trunks.map((trunk) => ({
      ...trunk,
      dialTarget: FREEPBX_TRUNKS[trunk.id]!,
      enabled: trunk.id !== 'megafon',
    })),
  };
  return seedDemoPortal({ db, settings });
}
