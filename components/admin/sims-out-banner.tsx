'use client';

import { useCallback, useEffect, useState } from 'react';
import { useT } from '@/components/shell/use-t';
import { formatDateTime } from '@/lib/format/format-date-time';
import type { SimOut } from '@/lib/sim-health';
import { Button } from './form-controls';
import { useAdminApi } from './use-admin-api';

/** SIMs the blocked-SIM rule took out of rotation: why, since when, and the admin's way to bring each back. */
export function SimsOutBanner() {
  const t = useT();
  const { ready, call, lang } = useAdminApi();
  const [sims, setSims] = useState<SimOut[]>([]);
  const [error, setError] = useState('');
  const load = useCallback(async () => {
    const result = await call<{ sims: SimOut[] }>('/api/settings/sims');
    if (result.ok) setSims(result.data.sims);
  }, [call]);
  useEffect(() => {
    if (ready) void load();
  }, [ready, load]);
  if (sims.length === 0) return null;
  const enable = async (sim: SimOut) => {
    const result = await call('/api/settings/sims', { method: 'POST', body: { trunkId: sim.trunkId, sim: sim.sim } });
    setError(result.ok ? '' : result.message);
    await load();
  };
  return (
    <section role="alert" data-testid="sims-out" className="rounded-lg border border-alert bg-red-tint p-4 text-sm">
      <h3 className="font-semibold">{t('sims.outTitle')}</h3>
      <ul className="mt-2 flex flex-col gap-2">
        {sims.map((sim) => (
          <li key={`${sim.trunkId}-${sim.sim}`} className="flex items-center justify-between gap-4">
            <span data-testid={`sim-out-${sim.trunkId}-${sim.sim}`}>
              {sim.message} ({t('sims.since')} {formatDateTime({ value: sim.since, lang })})
            </span>
            <Button testId={`sim-enable-${sim.trunkId}-${sim.sim}`} onClick={() => void enable(sim)}>
              {t('sims.enable')}
            </Button>
          </li>
        ))}
      </ul>
      {error && <p className="mt-2 text-alert">{error}</p>}
    </section>
  );
}
