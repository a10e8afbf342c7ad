'use client';

import { useCallback, useEffect, useState } from 'react';
import { useAdminApi, type ApiResult } from '@/components/admin/use-admin-api';
import type { OverrideRow } from './numbering-types';

export type NumberOverrides = {
  search: string;
  setSearch(search: string): void;
  list: { rows: OverrideRow[]; total: number } | null;
  /** The last failed load or removal (server text, "Русский / English"). */
  error: string | null;
  add(body: { number: string; inn: string; note: string }): Promise<ApiResult<{ e164: string; inn: string }>>;
  remove(number: string): Promise<void>;
};

/**
 * The override list with its digit search, and the two changes to it. Each change reloads the list and tells the page
 * (the summary counts admin and learned overrides), so what is shown is always what the server holds.
 */
export function useNumberOverrides(onChanged: () => void): NumberOverrides {
  const { ready, call } = useAdminApi();
  const [search, setSearch] = useState('');
  const [list, setList] = useState<NumberOverrides['list']>(null);
  const [error, setError] = useState<string | null>(null);
  // Bumped by reload(): the effect's dependency that asks the server again.
  const [generation, setGeneration] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: generation is the reload trigger, read by no code
  useEffect(() => {
    if (!ready) return;
    let active = true;
    // Typing a search asks once the admin pauses, not on every digit.
    const timer = setTimeout(
      () => {
        void call<{ rows: OverrideRow[]; total: number }>(
          `/api/numbering/overrides?${new URLSearchParams({ search })}`,
        ).then((result) => {
          if (!active) return;
          if (result.ok) {
            setList(result.data);
            setError(null);
          } else setError(result.message);
        });
      },
      search ? 250 : 0,
    );
    return () => {
      active = false;
      clearTimeout(timer);
    };
  }, [ready, call, search, generation]);

  const changed = useCallback(() => {
    setGeneration((n) => n + 1);
    onChanged();
  }, [onChanged]);

  const add = useCallback(
    async (body: { number: string; inn: string; note: string }) => {
      const result = await call<{ e164: string; inn: string }>('/api/numbering/overrides', { method: 'PUT', body });
      if (result.ok) changed();
      return result;
    },
    [call, changed],
  );

  const remove = useCallback(
    async (number: string) => {
      const result = await call<{ removed: boolean }>(`/api/numbering/overrides?${new URLSearchParams({ number })}`, {
        method: 'DELETE',
      });
      if (result.ok) changed();
      else setError(result.message);
    },
    [call, changed],
  );

  return { search, setSearch, list, error, add, remove };
}
