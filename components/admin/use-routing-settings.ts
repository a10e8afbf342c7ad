'use client';

import { useCallback } from 'react';
import type { RoutingSettings } from '@/lib/routing/types';
import { useSettingsDocument, type SaveState } from './use-settings-document';

export type { SaveState } from './use-settings-document';

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

/** The document is its own draft; the saved document replaces it (new rows then carry their database ids). */
const same = (settings: RoutingSettings): RoutingSettings => settings;

/** The whole routing settings document of the viewer's portal, as each admin page edits and saves it. */
export function useRoutingSettings(): RoutingSettingsEditor {
  const document = useSettingsDocument<RoutingSettings, RoutingSettings>({
    url: '/api/settings/routing',
    toDraft: same,
    toBody: same,
  });
  const { edit } = document;
  const update = useCallback(
    (change: (draft: RoutingSettings) => void) =>
      edit((current) => {
        const draft = structuredClone(current);
        change(draft);
        return draft;
      }),
    [edit],
  );
  return {
    settings: document.draft,
    state: document.state,
    message: document.message,
    fields: document.fields,
    update,
    save: document.save,
  };
}
