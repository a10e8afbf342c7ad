'use client';

import { useCallback, useEffect, useState } from 'react';
import type { RoutingSettings } from '@/lib/routing/types';
import { useAdminApi } from './use-admin-api';

export type SaveState = 'loading' | 'loadFailed' | 'clean' | 'dirty' | 'saving' | 'saved' | 'failed';

export type RoutingSettingsEditor = {
  settings: RoutingSettings | null;
  state: SaveState;
  /** The last failure's message (server text, "Русский / English"). */
  message: string | null;
  /** Field path ("trunks.2.caps.callsPerDay") → message, from the last refused save. */
  fields: Record<string, string>;
  /** Applies an edit to a copy of the document (the whole document is saved at once). */
  update(edit: (draft: RoutingSettings) => void): void;
  save(): Promise<void>;
};

/** The whole routing settings document of the viewer's portal, as each admin page edits and saves it. */
export function useRoutingSettings(): RoutingSettingsEditor {
  const { ready, call } = useAdminApi();
  const [settings, setSettings] = useState<RoutingSettings | null>(null);
  const [state, setState] = useState<SaveState>('loading');
  const [message, setMessage] = useState<string | null>(null);
  const [fields, setFields] = useState<Record<string, string>>({});

  useEffect(() => {
    if (!ready) return;
    let alive = true;
    void call<RoutingSettings>('/api/settings/routing').then((result) => {
      if (!alive) return;
      if (result.ok) {
        setSettings(result.data);
        setState('clean');
      } else {
        setMessage(result.message);
        setState('loadFailed');
      }
    });
    return () => {
      alive = false;
    };
  }, [ready, call]);

  const update = useCallback((edit: (draft: RoutingSettings) => void) => {
    setSettings((current) => {
      if (!current) return current;
      const draft = structuredClone(current);
      edit(draft);
      return draft;
    });
    setState('dirty');
  }, []);

  const save = useCallback(async () => {
    if (!settings) return;
    setState('saving');
    const result = await call<RoutingSettings>('/api/settings/routing', { method: 'PUT', body: settings });
    if (result.ok) {
      // The saved document replaces the draft: new rows now carry their database ids.
      setSettings(result.data);
      setFields({});
      setMessage(null);
      setState('saved');
    } else {
      setFields(result.fields);
      setMessage(result.message);
      setState('failed');
    }
  }, [call, settings]);

  return { settings, state, message, fields, update, save };
}
