/**
 * The FreePBX-shaped PBX gets the install kit for the e2e app that drives it, as its admin would paste it: the lines
 * the app's database holds, the route URL of that app's dialplan listener and its dialplan secret.
 */
import { freepbxTestPbx, installKitOnFreepbx } from '../../lib/asterisk/testing/freepbx-profile';
import { loadKitInput } from '../../lib/asterisk/kit/load-kit-input';
import { renderInstallKit } from '../../lib/asterisk/kit/render-install-kit';
import type { Db } from '../../lib/db/client';
import type { PbxProfile } from './pbx-profiles';

export type InstallFreepbxKitOptions = { db: Db; portalId: number; profile: PbxProfile; dialplanSecret: string };

export async function installFreepbxKit({ db, portalId, profile, dialplanSecret }: InstallFreepbxKitOptions) {
  const pbx = { ...freepbxTestPbx(), originateContext: profile.amiEnv?.AMI_ORIGINATE_CONTEXT ?? 'outbound' };
  const config = {
    PUBLIC_URL: profile.appUrl,
    DIALPLAN_LISTEN: `127.0.0.1:${profile.appPort + 1}`,
    DIALPLAN_SECRET: dialplanSecret,
    pbxes: [pbx],
  };
  const input = await loadKitInput({ db, portalId, portal: '', config, pbx });
  await installKitOnFreepbx(renderInstallKit({ flavour: 'freepbx', input }).text);
}
