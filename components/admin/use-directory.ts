'use client';

import { useCallback, useEffect, useState } from 'react';
import type { PortalDirectory } from '@/lib/portals/load-portal-directory';
import { useAdminApi } from './use-admin-api';

export type Directory = PortalDirectory & {
  loaded: boolean;
  /** Reads the portal's departments and users from Bitrix24 into the cache (admin); the error message, or null. */
  sync(): Promise<string | null>;
};

const EMPTY = { departments: [], users: [] };

/** The portal's cached departments and users (for pickers); empty lists until loaded or when the cache is empty. */
export function useDirectory(): Directory {
  const { ready, call } = useAdminApi();
  const [directory, setDirectory] = useState<PortalDirectory & { loaded: boolean }>({ ...EMPTY, loaded: false });
  useEffect(() => {
    if (!ready) return;
    let alive = true;
    void call<PortalDirectory>('/api/settings/departments').then((result) => {
      if (alive) setDirectory(result.ok ? { ...result.data, loaded: true } : { ...EMPTY, loaded: true });
    });
    return () => {
      alive = false;
    };
  }, [ready, call]);
  const sync = useCallback(async () => {
    const result = await call<PortalDirectory>('/api/settings/departments', { method: 'POST' });
    if (!result.ok) return result.message;
    setDirectory({ ...result.data, loaded: true });
    return null;
  }, [call]);
  return { ...directory, sync };
}
