import type { AppConfig } from '../../config/load-config';
import type { Db } from '../../db/client';
import type { KitFlavour } from './kit-input';
import { loadKitInput } from './load-kit-input';
import { renderInstallKit } from './render-install-kit';

export type RenderPortalKitsOptions = {
  db: Db;
  portalId: number;
  /** The portal's member_id as the kit sends it to the route (empty for the only portal). */
  portal: string;
  flavour: KitFlavour;
  config: Pick<AppConfig, 'PUBLIC_URL' | 'DIALPLAN_LISTEN' | 'DIALPLAN_SECRET' | 'pbxes'>;
};

/** `npm run pbx -- config <flavour>` for each configured PBX of a portal: what the admin pastes into the PBX. */
export async function renderPortalKits(
  options: RenderPortalKitsOptions,
): Promise<Array<{ pbx: string; text: string }>> {
  const { db, portalId, portal, flavour, config } = options;
  const kits: Array<{ pbx: string; text: string }> = [];
  for (const pbx of config.pbxes) {
    const input = await loadKitInput({ db, portalId, portal, config, pbx });
    kits.push({ pbx: pbx.name, text: renderInstallKit({ flavour, input }).text });
  }
  return kits;
}
