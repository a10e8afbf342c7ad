'use client';

import { useEffect, useState } from 'react';
import { useAdminApi } from '@/components/admin/use-admin-api';
import { useT } from '@/components/shell/use-t';
import type { IncomingCallSettings } from '@/lib/routing/settings/load-incoming-call-settings';
import { StatusCard } from './status-card';

type State = { kind: 'loading' } | { kind: 'hidden' } | { kind: 'failed'; message: string } | IncomingCallSettingsState;
type IncomingCallSettingsState = { kind: 'loaded'; settings: IncomingCallSettings; saved: boolean };

/** The admin's choice for incoming calls: whether a caller unknown to the CRM becomes a lead (register's CRM_CREATE). */
export function IncomingCrmCard() {
  const t = useT();
  const { ready, call } = useAdminApi();
  const [state, setState] = useState<State>({ kind: 'loading' });

  useEffect(() => {
    if (!ready) return;
    let alive = true;
    void call<IncomingCallSettings>('/api/settings/incoming').then((result) => {
      if (!alive) return;
      if (result.ok) setState({ kind: 'loaded', settings: result.data, saved: false });
      else setState(result.status === 403 ? { kind: 'hidden' } : { kind: 'failed', message: result.message });
    });
    return () => {
      alive = false;
    };
  }, [ready, call]);

  const save = async (crmCreate: boolean) => {
    const result = await call<IncomingCallSettings>('/api/settings/incoming', { method: 'PUT', body: { crmCreate } });
    setState(
      result.ok ? { kind: 'loaded', settings: result.data, saved: true } : { kind: 'failed', message: result.message },
    );
  };

  if (state.kind === 'hidden') return null;
  return (
    <StatusCard
      title={t('health.incoming')}
      ok={state.kind === 'failed' ? false : null}
      statusText=""
      testId="health-incoming"
    >
      {state.kind === 'loading' && t('health.loading')}
      {state.kind === 'failed' && <span className="text-alert">{state.message}</span>}
      {state.kind === 'loaded' && (
        <label className="flex items-center gap-2">
          <input
            type="checkbox"
            data-testid="incoming-crm-create"
            checked={state.settings.crmCreate}
            onChange={(event) => void save(event.target.checked)}
          />
          {t('health.incoming.crmCreate')}
          {state.saved && <span className="text-xs text-base-3">{t('health.incoming.saved')}</span>}
        </label>
      )}
    </StatusCard>
  );
}
