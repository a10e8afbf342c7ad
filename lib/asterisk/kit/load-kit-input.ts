import type { AppConfig } from '../../config/load-config';
import type { PbxConfig } from '../../config/schema';
import type { Db } from '../../db/client';
import { describeLineDial } from './describe-line-dial';
import type { KitFallback, KitInput, KitLine } from './kit-input';
import { pickRouteUrl } from './pick-route-url';
import { readDeskPhoneDropIn } from './read-desk-phone-drop-in';

export type LoadKitInputOptions = {
  db: Db;
  portalId: number;
  /** The portal's member_id when several portals share the app (sent to the route), else empty. */
  portal: string;
  config: Pick<AppConfig, 'PUBLIC_URL' | 'DIALPLAN_LISTEN' | 'DIALPLAN_SECRET' | 'pbxes'>;
  pbx: PbxConfig;
};

/**
 * The kit's inputs from the configuration in force and the portal's saved settings. With several PBXes a line belongs
 * to the PBX it names; with one, every line is its. A desk phone gets a fallback line when its department's profile
 * has lines of its own (HR): the profile's default, else its first line.
 */
export async function loadKitInput({ db, portalId, portal, config, pbx }: LoadKitInputOptions): Promise<KitInput> {
  const several = config.pbxes.length > 1;
  const [trunks, settings, profiles, users] = await Promise.all([
    db.trunk.findMany({ where: { portalId, enabled: true, ...(several ? { pbxName: pbx.name } : {}) } }),
    db.portalSettings.findUnique({ where: { portalId }, include: { defaultTrunk: true } }),
    db.departmentProfile.findMany({
      where: { portalId },
      include: { defaultTrunk: true, trunks: { include: { trunk: true }, orderBy: { trunkId: 'asc' } } },
      orderBy: { id: 'asc' },
    }),
    db.user.findMany({
      where: { portalId, active: true, extension: { not: null } },
      include: { departments: { include: { department: true } } },
      orderBy: { id: 'asc' },
    }),
  ]);
  const lines: KitLine[] = trunks
    .sort((a, b) => a.id - b.id)
    .map((trunk) => ({
      ...describeLineDial(trunk),
      label: trunk.name,
      simTemplates: Array.isArray(trunk.simDials) ? trunk.simDials.filter((dial) => typeof dial === 'string') : [],
    }));
  const defaultLine = settings?.defaultTrunk ? describeLineDial(settings.defaultTrunk) : null;
  const defaultEndpoint = defaultLine?.endpoint ?? '';
  const fallbackOfProfile = new Map<number, { endpoint: string; name: string }>();
  for (const profile of profiles) {
    const own = profile.defaultTrunk ?? profile.trunks[0]?.trunk;
    if (own?.enabled)
      fallbackOfProfile.set(profile.id, { endpoint: describeLineDial(own).endpoint, name: profile.name });
  }
  const fallbacks: KitFallback[] = [];
  for (const user of users) {
    if (!/^\d{1,10}$/.test(user.extension ?? '')) continue;
    const profileId = user.departments.map((link) => link.department.profileId).find((id) => id !== null);
    const fallback = profileId == null ? undefined : fallbackOfProfile.get(profileId);
    if (!fallback || fallback.endpoint === defaultEndpoint) continue;
    fallbacks.push({ extension: user.extension!, endpoint: fallback.endpoint, department: fallback.name });
  }
  return {
    pbxName: pbx.name,
    ami: { user: pbx.user, secret: pbx.secret },
    routeUrl: pickRouteUrl({ publicUrl: config.PUBLIC_URL, dialplanListen: config.DIALPLAN_LISTEN }),
    routeSecret: config.DIALPLAN_SECRET ?? '',
    recordingUrl: new URL('/api/asterisk/recording', config.PUBLIC_URL).toString(),
    portal,
    lines,
    defaultEndpoint,
    defaultDial: defaultLine?.template ?? '',
    fallbacks,
    deskPhoneDropIn: await readDeskPhoneDropIn(),
  };
}
