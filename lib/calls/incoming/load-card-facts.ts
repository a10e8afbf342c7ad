import type { Db } from '../../db/client';
import type { ListItem } from '../../lists/decide-registration';
import { loadIncomingCallSettings } from '../../routing/settings/load-incoming-call-settings';
import { type CallPerson, callPersonOf } from '../registration/load-call-person';

/** What every card move of a portal needs, read once for all the calls ringing at the same moment. */
export type CardFacts = {
  active: boolean;
  crmCreate: boolean;
  lists: ListItem[];
  /** Active users with an extension, by extension, as the registration's whitelist sees them. */
  people: Map<string, CallPerson>;
};

export type LoadCardFactsOptions = { db: Db; portalId: number; now?: number };

/**
 * A second: twenty calls ringing at once make sixty card moves, and each would otherwise read the portal, the user,
 * the lists and the settings before its request may leave. Older than that but younger than STALE_MS, the facts are
 * used while a reload runs beside the card (a card never waits for it in a busy hour); older still, the card waits
 * for fresh ones, so an admin's change is never missed by more than STALE_MS, even after a quiet night.
 */
const FRESH_MS = 1_000;
const STALE_MS = 5_000;

type Entry = { at: number; facts: Promise<CardFacts>; settled: boolean; reloading: boolean };
const byDb = new WeakMap<Db, Map<number, Entry>>();

export function loadCardFacts({ db, portalId, now = Date.now() }: LoadCardFactsOptions): Promise<CardFacts> {
  let entries = byDb.get(db);
  if (!entries) byDb.set(db, (entries = new Map()));
  const cached = entries.get(portalId);
  const age = cached ? now - cached.at : Number.POSITIVE_INFINITY;
  if (cached && age < FRESH_MS) return cached.facts;
  if (cached?.settled && age < STALE_MS) {
    if (!cached.reloading) {
      cached.reloading = true;
      void read(entries, db, portalId, now).facts.catch(() => (cached.reloading = false));
    }
    return cached.facts;
  }
  return read(entries, db, portalId, now).facts;
}

function read(entries: Map<number, Entry>, db: Db, portalId: number, now: number): Entry {
  const entry: Entry = { at: now, facts: readCardFacts(db, portalId), settled: false, reloading: false };
  const earlier = entries.get(portalId);
  // A background reload replaces the entry only once it has the facts; a blocking one at once.
  if (!earlier?.settled || !earlier.reloading) entries.set(portalId, entry);
  entry.facts.then(
    () => {
      entry.settled = true;
      if (entries.get(portalId) === earlier && earlier !== entry) entries.set(portalId, entry);
    },
    () => entries.get(portalId) === entry && entries.delete(portalId),
  );
  return entry;
}

async function readCardFacts(db: Db, portalId: number): Promise<CardFacts> {
  const [portal, settings, lists, users] = await Promise.all([
    db.portal.findUnique({ where: { id: portalId }, select: { status: true } }),
    loadIncomingCallSettings({ db, portalId }),
    db.listEntry.findMany({ where: { portalId }, select: { list: true, value: true, isPattern: true } }),
    db.user.findMany({
      where: { portalId, active: true, extension: { not: null } },
      select: {
        b24UserId: true,
        extension: true,
        departments: { select: { department: { select: { b24DepartmentId: true } } } },
      },
    }),
  ]);
  const people = new Map<string, CallPerson>();
  for (const user of users)
    if (user.extension && !people.has(user.extension)) people.set(user.extension, callPersonOf(user));
  return {
    active: portal?.status === 'active',
    crmCreate: settings.crmCreate,
    lists,
    people,
  };
}
