'use client';

import { useCallback, useEffect, useState } from 'react';
import { useAdminApi } from './use-admin-api';

export type SaveState = 'loading' | 'loadFailed' | 'clean' | 'dirty' | 'saving' | 'saved' | 'failed';

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

/**
 * A settings document of the viewer's portal, edited as a draft and saved at once: the load/save state machine the
 * admin pages share (routing settings, lists). The stored form the server answers replaces the draft after a save.
 */
export function useSettingsDocument<Doc, Draft>({
  url,
  toDraft,
  toBody,
}: UseSettingsDocumentOptions<Doc, Draft>): SettingsDocument<Draft> {
  const { ready, call } = useAdminApi();
  const [draft, setDraft] = useState<Draft | null>(null);
  const [state, setState] = useState<SaveState>('loading');
  const [message, setMessage] = useState<string | null>(null);
  const [fields, setFields] = useState<Record<string, string>>({});

  useEffect(() => {
    if (!ready) return;
    let alive = true;
    void call<Doc>(url).then((result) => {
      if (!alive) return;
      if (result.ok) {
        setDraft(toDraft(result.data));
        setState('clean');
      } else {
        setMessage(result.message);
        setState('loadFailed');
      }
    });
    return () => {
      alive = false;
    };
  }, [ready, call, url, toDraft]);

  const edit = useCallback((apply: (current: Draft) => Draft, options?: { clearFields?: boolean }) => {
    setDraft((current) => (current === null ? current : apply(current)));
    if (options?.clearFields) setFields({});
    setState('dirty');
  }, []);

  const save = useCallback(async () => {
    if (draft === null) return;
    setState('saving');
    const result = await call<Doc>(url, { method: 'PUT', body: toBody(draft) });
    if (result.ok) {
      setDraft(toDraft(result.data));
      setFields({});
      setMessage(null);
      setState('saved');
    } else {
      setFields(result.fields);
      setMessage(result.message);
      setState('failed');
    }
  }, [call, url, draft, toDraft, toBody]);

  return { draft, state, message, fields, edit, save };
}
