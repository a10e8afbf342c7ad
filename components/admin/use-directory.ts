'use client';

import { useEffect, useState } from 'react';
import type { PortalDirectory } from '@/lib/portals/load-portal-directory';
import { useAdminApi } from './use-admin-api';

/** The portal's cached departments and users (for pickers); empty lists until loaded or when the cache is empty. */
export function useDirectory(): PortalDirectory & { loaded: boolean } {
  const { ready, call } = useAdminApi();
  const [directory, setDirectory] = useState<PortalDirectory & { loaded: boolean }>({
    departments: [],
    users: [],
    loaded: false,
  });
  useEffect(() => {
    if (!ready) return;
    let alive = true;
    void call<PortalDirectory>('/api/settings/departments').then((result) => {
      if (alive)
        setDirectory(result.ok ? { ...result.data, loaded: true } : { departments: [], users: [], loaded: true });
    });
    return () => {
      alive = false;
    };
  }, [ready, call]);
  return directory;
}
