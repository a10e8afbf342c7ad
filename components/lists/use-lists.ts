'use client';

import { useCallback } from 'react';
import { useSettingsDocument, type SaveState } from '@/components/admin/use-settings-document';
import type { ListsDocument, ListsEntry } from '@/lib/lists/load-lists';

export type ListKey = keyof ListsDocument;
/** A row being edited; `key` keeps React rows (and their focus) stable while rows are added and removed. */
export type DraftEntry = ListsEntry & { key: number };
export type DraftLists = Record<ListKey, DraftEntry[]>;

export type ListsEditor = {
  lists: DraftLists | null;
  state: SaveState;
  /** The last failure's message (server text, "Русский / English"). */
  message: string | null;
  /** "neverRecord.0.value" → message, from the last refused save. */
  fields: Record<string, string>;
  add(list: ListKey, value?: string): void;
  change(list: ListKey, index: number, patch: Partial<ListsEntry>): void;
  remove(list: ListKey, index: number): void;
  save(): Promise<void>;
};

/** Row keys for the whole app session: a kept draft's rows and rows added later must not share one. */
const nextKey = { current: 1 };

const strip = (rows: DraftEntry[]) => rows.map(({ value, note }) => ({ value, note }));
const toBody = (lists: DraftLists): ListsDocument => ({
  whitelistUsers: strip(lists.whitelistUsers),
  whitelistDepartments: strip(lists.whitelistDepartments),
  whitelistExtensions: strip(lists.whitelistExtensions),
  neverRecord: strip(lists.neverRecord),
});

/**
 * The viewer's portal lists, edited as one document and saved at once (like the routing settings pages). After a save
 * the stored form replaces the draft: numbers come back as E.164 digits, so the admin sees what will match.
 */
export function useLists(): ListsEditor {
  const toDraft = useCallback((document: ListsDocument): DraftLists => {
    const rows = (entries: ListsEntry[]) => entries.map((entry) => ({ ...entry, key: nextKey.current++ }));
    return {
      whitelistUsers: rows(document.whitelistUsers),
      whitelistDepartments: rows(document.whitelistDepartments),
      whitelistExtensions: rows(document.whitelistExtensions),
      neverRecord: rows(document.neverRecord),
    };
  }, []);
  const document = useSettingsDocument<ListsDocument, DraftLists>({ url: '/api/settings/lists', toDraft, toBody });
  const { edit } = document;

  // Row indexes shift on add/remove, so errors from the last save would point at the wrong rows.
  const reshape = useCallback(
    (list: ListKey, apply: (rows: DraftEntry[]) => DraftEntry[]) =>
      edit((current) => ({ ...current, [list]: apply(current[list]) }), { clearFields: true }),
    [edit],
  );
  const add = useCallback(
    (list: ListKey, value = '') => reshape(list, (rows) => [...rows, { value, note: '', key: nextKey.current++ }]),
    [reshape],
  );
  const remove = useCallback(
    (list: ListKey, index: number) => reshape(list, (rows) => rows.filter((_, i) => i !== index)),
    [reshape],
  );
  const change = useCallback(
    (list: ListKey, index: number, patch: Partial<ListsEntry>) =>
      edit((current) => ({
        ...current,
        [list]: current[list].map((row, i) => (i === index ? { ...row, ...patch } : row)),
      })),
    [edit],
  );

  return {
    lists: document.draft,
    state: document.state,
    message: document.message,
    fields: document.fields,
    add,
    change,
    remove,
    save: document.save,
  };
}
