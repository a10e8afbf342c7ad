import { listenToForgets } from '../../cache/create-named-forget';
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
 * the lists and the settings before its request may leave. A save in this process is seen by the next card; another
 * instance's within the second.
 */
const FRESH_MS = 1_000;
/** What a save forgets, by the named forget it makes (lib/cache/create-named-forget). */
const SOURCES = new Set(['routing-context', 'lists', 'incoming-call-settings']);

type Entry = { at: number; facts: Promise<CardFacts> };
/** Per client (the app's own, or a test's), then per portal. */
const byDb = new Map<Db, Map<number, Entry>>();
listenToForgets((name, portalId) => {
  if (!SOURCES.has(name)) return;
  for (const entries of byDb.values()) entries.delete(portalId as number);
});

export function loadCardFacts({ db, portalId, now = Date.now() }: LoadCardFactsOptions): Promise<CardFacts> {
  let entries = byDb.get(db);
  if (!entries) byDb.set(db, (entries = new Map()));
  const cached = entries.get(portalId);
  if (cached && now - cached.at < FRESH_MS) return cached.facts;
  const entry: Entry = { at: now, facts: readCardFacts(db, portalId) };
  entries.set(portalId, entry);
  entry.facts.catch(() => entries.get(portalId) === entry && entries.delete(portalId));
  return entry.facts;
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
