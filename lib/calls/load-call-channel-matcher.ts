import type { Db } from '../db/client';
import { matchCallChannel, type CallChannelMatcher } from './match-call-channel';

export type LoadCallChannelMatcherOptions = { db: Db };

/**
 * Every line's dial template and every active user's extension, of all portals: one PBX may serve several, and a
 * single-PBX install keeps its lines' default PBX name, so the tracker cannot filter by PBX. Both tables are small.
 */
export async function loadCallChannelMatcher({ db }: LoadCallChannelMatcherOptions): Promise<CallChannelMatcher> {
  const [trunks, users] = await Promise.all([
    db.trunk.findMany({ select: { dial: true, simDials: true } }),
    db.user.findMany({ where: { active: true, extension: { not: null } }, select: { extension: true } }),
  ]);
  return matchCallChannel({
    templates: trunks.map((t) => t.dial),
    simLines: trunks.flatMap((t) => {
      const simDials = Array.isArray(t.simDials) ? t.simDials.filter((d) => typeof d === 'string') : [];
      return simDials.length > 0 ? [{ dial: t.dial, simDials }] : [];
    }),
    extensions: users.flatMap((u) => (u.extension ? [u.extension] : [])),
  });
}
