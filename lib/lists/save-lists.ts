import type { Db } from '../db/client';
import { listNameOf, loadLists, type ListsDocument } from './load-lists';
import { validateLists } from './validate-lists';
import { createNamedForget } from '../cache/create-named-forget';

/** Told after a save: nothing here keeps the lists, but readers that keep a copy (a card's facts) listen for it. */
export const forgetPortalLists: (portalId: number) => void = createNamedForget<number>('lists', () => undefined);

export type SaveListsOptions = { db: Db; portalId: number; lists: unknown };

/**
 * Validates and replaces all of a portal's list entries in one transaction, so registration and recording never see a
 * half-saved list (e.g. the old never-record numbers gone before the new ones arrive). Returns the stored document.
 */
export async function saveLists({ db, portalId, lists }: SaveListsOptions): Promise<ListsDocument> {
  const valid = validateLists(lists);
  const rows = (Object.keys(listNameOf) as (keyof ListsDocument)[]).flatMap((key) =>
    valid[key].map((entry) => ({
      portalId,
      list: listNameOf[key],
      value: entry.value,
      isPattern: entry.isPattern,
      note: entry.note,
    })),
  );
  await db.$transaction(async (tx) => {
    await tx.listEntry.deleteMany({ where: { portalId } });
    // One insert per row: createMany keeps the order too, but SQLite's Prisma adapter lacks skipDuplicates anyway.
    for (const row of rows) await tx.listEntry.create({ data: row });
  });
  forgetPortalLists(portalId);
  return loadLists({ db, portalId });
}
