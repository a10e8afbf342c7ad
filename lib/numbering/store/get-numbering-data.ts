import { createDelegableLoad, loadsAreDelegated } from '../../cache/create-delegable-load';
import { createNamedForget } from '../../cache/create-named-forget';
import { getDb, type Db } from '../../db/client';
import {
  loadLearnedOverrides,
  loadNumberingData,
  numberingFingerprint,
  type NumberingData,
} from './load-numbering-data';
import { log } from '../../log/log';

/**
 * How often a process checks whether another process (a CLI import, a second app instance on PostgreSQL) activated a
 * new version. The check is two tiny queries; the expensive rebuild runs only when a version id changed, because
 * parsing the registry holds the event loop for ~100 ms and the dialplan endpoint answers from this same event loop.
 */
const CHECK_EVERY_MS = 30_000;

type Slot = { data: Promise<NumberingData>; checkedAt: number; checking: boolean };
const holder = globalThis as typeof globalThis & { __numberingData?: Map<Db, Slot> };
/** Per database client (the app's own, or a test's), on globalThis so Next's module copies share one index. */
const slots = (holder.__numberingData ??= new Map());

export type GetNumberingDataOptions = { db?: Db; now?: number };

/**
 * The registry, ported set and overrides every lookup of this process uses. The first call loads; later calls get the
 * loaded data at once, while a background check picks up other processes' imports. A failed first load is not kept:
 * the next call tries again.
 */
export function getNumberingData({
  db = getDb(),
  now = Date.now(),
}: GetNumberingDataOptions = {}): Promise<NumberingData> {
  let slot = slots.get(db);
  if (!slot) {
    slot = { data: loadFresh(db, now), checkedAt: now, checking: false };
    slots.set(db, slot);
    const loading = slot;
    loading.data.catch(() => slots.get(db) === loading && slots.delete(db));
    return slot.data;
  }
  if (now - slot.checkedAt >= CHECK_EVERY_MS && !slot.checking) void refresh(db, slot, now);
  return slot.data;
}

/**
 * The data as the database has it now, for an import to decide against: this process's view may be up to
 * CHECK_EVERY_MS old, and another instance may have activated a file meanwhile — an import judged against the older
 * view could call a file "unchanged" that is not in force, or apply an increment to a set that was since replaced.
 */
export async function getCurrentNumberingData({ db = getDb() }: { db?: Db } = {}): Promise<NumberingData> {
  await getNumberingData({ db });
  const slot = slots.get(db)!;
  await refresh(db, slot, Date.now());
  return slot.data;
}

/** Makes an import of this process live here at once (the dialplan process reloads on the forget). */
export function setNumberingData(db: Db, data: NumberingData): void {
  slots.set(db, { data: Promise.resolve(data), checkedAt: Date.now(), checking: false });
  forgetNumberingElsewhere();
}

async function refresh(db: Db, slot: Slot, now: number): Promise<void> {
  slot.checking = true;
  try {
    const current = await slot.data;
    const { fingerprint, overrides } = await readVersionsInForce(db, now);
    // The rebuild (rare: a new file was activated) runs here, or in the app for the dialplan process (see loadFresh).
    const next = fingerprint === current.fingerprint ? { ...current, overrides } : await loadFresh(db, now);
    if (slots.get(db) === slot) slot.data = Promise.resolve(Object.freeze(next));
  } catch (error) {
    // Keep serving what is loaded: a lookup with yesterday's registry beats no lookup.
    log.error('numbering refresh failed, the loaded data stays in use', { error });
  } finally {
    slot.checkedAt = now;
    slot.checking = false;
  }
}

/**
 * Which versions are in force, and the overrides: the periodic check. In the dialplan process it runs in the app
 * (see lib/dialplan/loads-run-in-app.ts), so the check's queries never hold the loop that answers desk phones.
 */
export async function readNumberingVersionsInForce(db: Db, now: number) {
  const [registry, ported, overrides] = await Promise.all([
    db.registryVersion.findMany({
      where: { status: 'active' },
      select: { id: true, kind: true },
      orderBy: { id: 'asc' },
    }),
    db.portedVersion.findFirst({ where: { status: 'active' }, orderBy: { id: 'desc' }, select: { id: true } }),
    loadLearnedOverrides(db, new Date(now)),
  ]);
  // The newest per kind, as loadNumberingData takes them.
  const newestByKind = new Map(registry.map((row) => [row.kind, row.id]));
  return { fingerprint: numberingFingerprint([...newestByKind.values()], ported?.id ?? null), overrides };
}
const readVersionsInForce = createDelegableLoad(readNumberingVersionsInForce);

/**
 * Builds the data from the database — here, or in the app for the dialplan process, which has no database client:
 * parsing a registry there would hold the loop that answers desk phones for ~100 ms, and its heap would carry the
 * parsed rows and Prisma besides. The app sends its lookup structures (typed arrays, cloned in a few ms).
 */
function loadFresh(db: Db, now: number): Promise<NumberingData> {
  return loadsAreDelegated()
    ? loadForElsewhere(db, now).then((data) => Object.freeze(data))
    : loadNumberingData({ db, now: new Date(now) });
}

/**
 * What the dialplan process is sent: the data in force as the database has it now (not this process's view, which may
 * be up to CHECK_EVERY_MS old), without the files' parsed rows — a lookup reads only the index built from them, and
 * the rows would be most of the clone. `rows` still counts them.
 */
export async function loadNumberingDataForDialplan(db: Db): Promise<NumberingData> {
  const data = await getCurrentNumberingData({ db });
  return { ...data, files: data.files.map((file) => ({ ...file, ranges: [] })) };
}
const loadForElsewhere = createDelegableLoad(loadNumberingDataForDialplan);

/** Learned overrides change often and are small: reload just them after a lookup service's answer. */
export async function reloadLearnedOverrides(db: Db = getDb()): Promise<void> {
  const slot = slots.get(db);
  if (slot) {
    const current = await slot.data;
    slot.data = Promise.resolve(Object.freeze({ ...current, overrides: await loadLearnedOverrides(db, new Date()) }));
  }
  forgetNumberingElsewhere();
}

/**
 * The dialplan process re-checks at their next lookup: the check sees the new version ids and rebuilds in
 * the background while the old data keeps answering, so no call there waits for the rebuild.
 */
const forgetNumberingElsewhere = broadcastOnly('numbering-changed', () => {
  for (const slot of slots.values()) slot.checkedAt = 0;
});

/** A forget whose handler runs only in the process that receives it (this one already holds the new data). */
function broadcastOnly(name: string, onOtherProcess: () => void): () => void {
  let local = false;
  const forget = createNamedForget<number>(name, () => {
    if (!local) onOtherProcess();
  });
  return () => {
    local = true;
    try {
      forget(0);
    } finally {
      local = false;
    }
  };
}
