'use client';

import { useEffect, useState } from 'react';
import { useAdminApi } from '@/components/admin/use-admin-api';
import { useT } from '@/components/shell/use-t';
import { StatusCard } from './status-card';

export type SettingSwitchCardProps<K extends string> = {
  /** The settings route: GET answers `{ [field]: boolean }`, PUT takes the same. */
  url: string;
  field: K;
  title: string;
  label: string;
  testId: string;
  switchTestId: string;
};

type Settings<K extends string> = Record<K, boolean>;
type State<K extends string> =
  | { kind: 'loading' }
  | { kind: 'hidden' }
  | { kind: 'failed'; message: string }
  | { kind: 'loaded'; settings: Settings<K>; saved: boolean };

/** One of the admin's on/off settings on the overview, saved as it is clicked; hidden from those who may not see it. */
export function SettingSwitchCard<K extends string>({
  url,
  field,
  title,
  label,
  testId,
  switchTestId,
}: SettingSwitchCardProps<K>) {
  const t = useT();
  const { ready, call } = useAdminApi();
  const [state, setState] = useState<State<K>>({ kind: 'loading' });

  useEffect(() => {
    if (!ready) return;
    let alive = true;
    void call<Settings<K>>(url).then((result) => {
      if (!alive) return;
      if (result.ok) setState({ kind: 'loaded', settings: result.data, saved: false });
      else setState(result.status === 403 ? { kind: 'hidden' } : { kind: 'failed', message: result.message });
    });
    return () => {
      alive = false;
    };
  }, [ready, call, url]);

  const save = async (value: boolean) => {
    const result = await call<Settings<K>>(url, { method: 'PUT', body: { [field]: value } });
    setState(
      result.ok ? { kind: 'loaded', settings: result.data, saved: true } : { kind: 'failed', message: result.message },
    );
  };

  if (state.kind === 'hidden') return null;
  return (
    <StatusCard title={title} ok={state.kind === 'failed' ? false : null} statusText="" testId={testId}>
      {state.kind === 'loading' && t('health.loading')}
      {state.kind === 'failed' && <span className="text-alert">{state.message}</span>}
      {state.kind === 'loaded' && (
        <label className="flex items-center gap-2">
          <input
            type="checkbox"
            data-testid={switchTestId}
            checked={state.settings[field]}
            onChange={(event) => void save(event.target.checked)}
          />
          {label}
          {state.saved && <span className="text-xs text-base-3">{t('health.incoming.saved')}</span>}
        </label>
      )}
    </StatusCard>
  );
}
