'use client';

import { useCallback, useEffect, useRef } from 'react';
import { type DraftEntry, isUnsaved, type SaveState, useSettingsDrafts } from './settings-drafts';
import { useAdminApi } from './use-admin-api';

export type { SaveState } from './settings-drafts';

export type UseSettingsDocumentOptions<Doc, Draft> = {
  /** GET loads the document, PUT saves it whole and answers the stored form (or 400 {message, fields}). */
  url: string;
  /** Must be stable (module-level or useCallback): the load effect depends on it. */
  toDraft: (document: Doc) => Draft;
  toBody: (draft: Draft) => Doc;
};

export type SettingsDocument<Draft> = {
  draft: Draft | null;
  state: SaveState;
  /** The last failure's message (server text, "Русский / English"). */
  message: string | null;
  /** Field path (e.g. "trunks.2.caps.callsPerDay") → message, from the last refused save. */
  fields: Record<string, string>;
  /** Replaces the draft; `clearFields` when row indexes shift, so old field errors would point at the wrong rows. */
  edit(apply: (draft: Draft) => Draft, options?: { clearFields?: boolean }): void;
  save(): Promise<void>;
};

const loading: DraftEntry = { draft: null, state: 'loading', message: null, fields: {} };

/**
 * A settings document of the viewer's portal, edited as a draft and saved at once: the load/save state machine the
 * admin pages share (routing settings, lists). The draft is kept by SettingsDraftsProvider, so it outlives the page:
 * coming back to a tab with unsaved edits shows them again instead of reloading. The stored form the server answers
 * replaces the draft after a save.
 */
export function useSettingsDocument<Doc, Draft>({
  url,
  toDraft,
  toBody,
}: UseSettingsDocumentOptions<Doc, Draft>): SettingsDocument<Draft> {
  const { ready, call } = useAdminApi();
  const { entries, change } = useSettingsDrafts();
  const entry = entries[url] ?? loading;
  // The load effect reads the entry when the page opens without re-running on every edit.
  const current = useRef(entry);
  current.current = entry;

  useEffect(() => {
    if (!ready || isUnsaved(current.current)) return;
    let alive = true;
    void call<Doc>(url).then((result) => {
      if (!alive) return;
      change(url, (before) => {
        // An edit made while the document was loading wins over the loaded copy.
        if (isUnsaved(before)) return before!;
        return result.ok
          ? { draft: toDraft(result.data), state: 'clean', message: null, fields: {} }
          : { draft: null, state: 'loadFailed', message: result.message, fields: {} };
      });
    });
    return () => {
      alive = false;
    };
  }, [ready, call, url, toDraft, change]);

  const edit = useCallback(
    (apply: (draft: Draft) => Draft, options?: { clearFields?: boolean }) =>
      change(url, (before) => {
        const base = before ?? loading;
        if (base.draft === null) return base;
        return {
          ...base,
          draft: apply(base.draft as Draft),
          fields: options?.clearFields ? {} : base.fields,
          state: 'dirty',
        };
      }),
    [change, url],
  );

  const save = useCallback(async () => {
    const draft = current.current.draft as Draft | null;
    if (draft === null) return;
    change(url, (before) => ({ ...(before ?? loading), state: 'saving' }));
    const result = await call<Doc>(url, { method: 'PUT', body: toBody(draft) });
    change(url, (before) =>
      result.ok
        ? { draft: toDraft(result.data), state: 'saved', message: null, fields: {} }
        : { ...(before ?? loading), fields: result.fields, message: result.message, state: 'failed' },
    );
  }, [call, change, url, toDraft, toBody]);

  return {
    draft: entry.draft as Draft | null,
    state: entry.state,
    message: entry.message,
    fields: entry.fields,
    edit,
    save,
  };
}
