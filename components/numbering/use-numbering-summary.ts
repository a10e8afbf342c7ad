'use client';

import { useCallback, useEffect, useState } from 'react';
import { useAdminApi } from '@/components/admin/use-admin-api';
import type { NumberingSummary } from './numbering-types';

export type NumberingSummaryState = {
  summary: NumberingSummary | null;
  /** The last load's failure (server text, "Русский / English"); the previous summary stays on screen. */
  error: string | null;
  reload(): void;
};

/** GET /api/numbering once the frame is known, and again after every import or override change. */
export function useNumberingSummary(): NumberingSummaryState {
  const { ready, call } = useAdminApi();
  const [summary, setSummary] = useState<NumberingSummary | null>(null);
  const [error, setError] = useState<string | null>(null);
  // Bumped by reload(): the effect's dependency that asks the server again.
  const [generation, setGeneration] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: generation is the reload trigger, read by no code
  useEffect(() => {
    if (!ready) return;
    let active = true;
    void call<NumberingSummary>('/api/numbering').then((result) => {
      if (!active) return;
      if (result.ok) {
        setSummary(result.data);
        setError(null);
      } else setError(result.message);
    });
    // A slower earlier load must not overwrite a newer one (two imports in a row).
    return () => {
      active = false;
    };
  }, [ready, call, generation]);

  const reload = useCallback(() => setGeneration((n) => n + 1), []);
  return { summary, error, reload };
}
