import type { Db } from '../db/client';
import { dialTemplateLine, renderDialString } from '../routing/dial-template/check-dial-template';

export type FindLineOfDialOptions = {
  db: Db;
  portalId: number;
  /** A line's key as the tracker read it from a channel (gw_mts, MTS-GoIP…), or a whole dial string the PBX dialled. */
  endpoint?: string | null;
  dial?: string | null;
  /** The client's number (E.164 digits): what `{number}` stood for in the dial string. */
  number?: string | null;
};

/** `namesSims`: the line has a dial template per SIM (elsewhere the gateway picks the port, and no SIM is known). */
export type LineOfDial = { trunkId: number; sim: number | null; namesSims: boolean };

/**
 * Which of the portal's lines a failover attempt or a call's client leg went through — not necessarily the one the
 * decision named first — and, for a line with a dial template per SIM, which SIM the dial string was. Null when no
 * line matches (a line saved away meanwhile, or a dialplan of the PBX's own).
 */
export async function findLineOfDial(options: FindLineOfDialOptions): Promise<LineOfDial | null> {
  const { db, portalId, endpoint, dial, number } = options;
  const trunks = await db.trunk.findMany({
    where: { portalId },
    select: { id: true, dial: true, simDials: true },
  });
  for (const trunk of trunks) {
    const simDials = Array.isArray(trunk.simDials) ? trunk.simDials : [];
    const line = { trunkId: trunk.id, namesSims: Array.isArray(trunk.simDials) };
    if (dial && number) {
      const sim = simDials.findIndex(
        (template) => typeof template === 'string' && renderDialString(template, number) === dial,
      );
      if (sim >= 0) return { ...line, sim };
      if (renderDialString(trunk.dial, number) === dial) return { ...line, sim: null };
    }
    const keys = [trunk.dial, ...simDials.filter((t): t is string => typeof t === 'string')].map(dialTemplateLine);
    if (endpoint && keys.includes(endpoint)) return { ...line, sim: null };
  }
  return null;
}
