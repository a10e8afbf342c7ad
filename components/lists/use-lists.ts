'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import { useAdminApi } from '@/components/admin/use-admin-api';
import type { SaveState } from '@/components/admin/use-routing-settings';
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

/** The viewer's portal lists, edited as one document and saved at once (like the routing settings pages). */
export function useLists(): ListsEditor {
  const { ready, call } = useAdminApi();
  const nextKey = useRef(1);
  const [lists, setLists] = useState<DraftLists | null>(null);
  const [state, setState] = useState<SaveState>('loading');
  const [message, setMessage] = useState<string | null>(null);
  const [fields, setFields] = useState<Record<string, string>>({});

  const toDraft = useCallback((document: ListsDocument): DraftLists => {
    const rows = (entries: ListsEntry[]) => entries.map((entry) => ({ ...entry, key: nextKey.current++ }));
    return {
      whitelistUsers: rows(document.whitelistUsers),
      whitelistDepartments: rows(document.whitelistDepartments),
      whitelistExtensions: rows(document.whitelistExtensions),
      neverRecord: rows(document.neverRecord),
    };
  }, []);

  useEffect(() => {
    if (!ready) return;
    let alive = true;
    void call<ListsDocument>('/api/settings/lists').then((result) => {
      if (!alive) return;
      if (result.ok) {
        setLists(toDraft(result.data));
        setState('clean');
      } else {
        setMessage(result.message);
        setState('loadFailed');
      }
    });
    return () => {
      alive = false;
    };
  }, [ready, call, toDraft]);

  const edit = useCallback((list: ListKey, apply: (rows: DraftEntry[]) => DraftEntry[]) => {
    setLists((current) => (current ? { ...current, [list]: apply(current[list]) } : current));
    // Row indexes shift on add/remove, so errors from the last save would point at the wrong rows.
    setFields({});
    setState('dirty');
  }, []);

  const add = useCallback((list: ListKey, value = '') => edit(list, (rows) => [...rows, { value, note: '', key: nextKey.current++ }]), [edit]);
  const change = useCallback(
    (list: ListKey, index: number, patch: Partial<ListsEntry>) => {
      setLists((current) => (current ? { ...current, [list]: current[list].map((row, i) => (i === index ? { ...row, ...patch } : row)) } : current));
      setState('dirty');
    },
    [],
  );
  const remove = useCallback((list: ListKey, index: number) => edit(list, (rows) => rows.filter((_, i) => i !== index)), [edit]);

  const save = useCallback(async () => {
    if (!lists) return;
    setState('saving');
    const strip = (rows: DraftEntry[]) => rows.map(({ value, note }) => ({ value, note }));
    const body: ListsDocument = {
      whitelistUsers: strip(lists.whitelistUsers),
      whitelistDepartments: strip(lists.whitelistDepartments),
      whitelistExtensions: strip(lists.whitelistExtensions),
      neverRecord: strip(lists.neverRecord),
    };
    const result = await call<ListsDocument>('/api/settings/lists', { method: 'PUT', body });
    if (result.ok) {
      // The stored form replaces the draft: numbers come back as E.164 digits, so the admin sees what will match.
      setLists(toDraft(result.data));
      setFields({});
      setMessage(null);
      setState('saved');
    } else {
      setFields(result.fields);
      setMessage(result.message);
      setState('failed');
    }
  }, [call, lists, toDraft]);

  return { lists, state, message, fields, add, change, remove, save };
}
