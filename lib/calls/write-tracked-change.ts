import type { Db } from '../db/client';
import type { CallChange } from './call-tracker-state';
import type { JournalLookups } from './create-journal-lookups';
import { writeCallChange, type CallContext } from './write-call-change';

export type WriteTrackedChangeOptions = {
  db: Db;
  lookups: JournalLookups;
  change: CallChange;
  /** What the journal was told of the call (its portal; at origination also its line and person). */
  known: CallContext;
};

/**
 * Writes one change with the call's line and person looked up (cached). A line or person deleted since (settings
 * saved while the call went on) fails the write on its foreign key: the change is written once more with fresh
 * lookups and without the ids told at origination, so the record keeps the call, if not its line. Returns what is
 * known of the call from now on (without those ids after such a retry, so its later changes do not fail again).
 */
export async function writeTrackedChange({
  db,
  lookups,
  change,
  known,
}: WriteTrackedChangeOptions): Promise<CallContext> {
  try {
    await writeResolved({ db, lookups, change, known });
    return known;
  } catch (error) {
    if ((error as { code?: unknown }).code !== 'P2003') throw error;
    lookups.forget();
    const withoutIds = { ...known, trunkId: null, userId: null };
    await writeResolved({ db, lookups, change, known: withoutIds });
    return withoutIds;
  }
}

async function writeResolved({ db, lookups, change, known }: WriteTrackedChangeOptions): Promise<void> {
  const { call } = change;
  const trunk = call.trunkEndpoint ? await lookups.trunk(known.portalId, call.trunkEndpoint) : null;
  const userId = known.userId ?? (call.extension ? await lookups.userId(known.portalId, call.extension) : null);
  await writeCallChange({
    db,
    change,
    context: {
      ...known,
      trunkId: trunk?.id ?? known.trunkId ?? null,
      trunkName: trunk?.name ?? known.trunkName ?? null,
      userId,
    },
  });
}
