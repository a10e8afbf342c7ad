'use client';

import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';

export type SaveState = 'loading' | 'loadFailed' | 'clean' | 'dirty' | 'saving' | 'saved' | 'failed';

/** One settings document as its page shows it: the draft and where its load/save stands. */
export type DraftEntry = {
  draft: unknown;
  state: SaveState;
  /** The last failure's message (server text, "Русский / English"). */
  message: string | null;
  /** Field path (e.g. "trunks.2.caps.callsPerDay") → message, from the last refused save. */
  fields: Record<string, string>;
};

export type SettingsDrafts = {
  /** By the document's API url. */
  entries: Record<string, DraftEntry | undefined>;
  change(url: string, apply: (entry: DraftEntry | undefined) => DraftEntry): void;
};

const emptyDrafts: SettingsDrafts = { entries: {}, change: () => {} };
const SettingsDraftsContext = createContext<SettingsDrafts>(emptyDrafts);

/** Edits not saved yet: a refused save keeps them too, and so does a save still on its way. */
export const isUnsaved = (entry: DraftEntry | undefined): boolean =>
  entry !== undefined && (entry.state === 'dirty' || entry.state === 'failed' || entry.state === 'saving');

/**
 * The admin area's settings drafts, kept above the pages so that an edit survives switching tabs (each tab is its own
 * page). Closing or reloading the app with unsaved edits asks first: the drafts live only in this page.
 */
export function SettingsDraftsProvider({ children }: { children: ReactNode }) {
  const [entries, setEntries] = useState<Record<string, DraftEntry | undefined>>({});
  const change = useCallback((url: string, apply: (entry: DraftEntry | undefined) => DraftEntry) => {
    setEntries((current) => ({ ...current, [url]: apply(current[url]) }));
  }, []);
  const unsaved = Object.values(entries).some(isUnsaved);

  useEffect(() => {
    if (!unsaved) return;
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // Older browsers show the prompt only when returnValue is set; its text is the browser's own.
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [unsaved]);

  const value = useMemo(() => ({ entries, change }), [entries, change]);
  return <SettingsDraftsContext.Provider value={value}>{children}</SettingsDraftsContext.Provider>;
}

export function useSettingsDrafts(): SettingsDrafts {
  return useContext(SettingsDraftsContext);
}
