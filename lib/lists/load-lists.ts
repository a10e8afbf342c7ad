import type { Db } from '../db/client';
import type { ListName } from './decide-registration';

export type ListsEntry = { value: string; note: string };
/** The admin page's whole document: the three whitelists and the never-record list of one portal. */
export type ListsDocument = {
  whitelistUsers: ListsEntry[];
  whitelistDepartments: ListsEntry[];
  whitelistExtensions: ListsEntry[];
  neverRecord: ListsEntry[];
};

/** Document key ↔ the `ListEntry.list` column. */
export const listNameOf: Record<keyof ListsDocument, ListName> = {
  whitelistUsers: 'whitelist_user',
  whitelistDepartments: 'whitelist_department',
  whitelistExtensions: 'whitelist_extension',
  neverRecord: 'never_record',
};

export type LoadListsOptions = { db: Db; portalId: number };

/** A portal's lists in the order they were added (the order the admin typed them). */
export async function loadLists({ db, portalId }: LoadListsOptions): Promise<ListsDocument> {
  const rows = await db.listEntry.findMany({
    where: { portalId },
    orderBy: { id: 'asc' },
    select: { list: true, value: true, note: true },
  });
  const pick = (list: ListName): ListsEntry[] =>
    rows.filter((row) => row.list === list).map(({ value, note }) => ({ value, note }));
  return {
    whitelistUsers: pick('whitelist_user'),
    whitelistDepartments: pick('whitelist_department'),
    whitelistExtensions: pick('whitelist_extension'),
    neverRecord: pick('never_record'),
  };
}
