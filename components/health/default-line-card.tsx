'use client';

import { useEffect, useState } from 'react';
import { Button } from '@/components/admin/form-controls';
import { useAdminApi } from '@/components/admin/use-admin-api';
import { useT } from '@/components/shell/use-t';
import type { DefaultLineCheck } from '@/lib/bitrix24/lines/check-default-line';
import { StatusCard } from './status-card';

type State =
  | { kind: 'loading' }
  | { kind: 'hidden' }
  | { kind: 'failed'; message: string }
  | { kind: 'loaded'; check: DefaultLineCheck };

/**
 * Is our app the portal's default line for outgoing calls? Only that app gets ONEXTERNALCALLSTART, so otherwise a
 * click on a number in the CRM never reaches the PBX. Loaded once (it asks Bitrix24), with a button to ask Bitrix24
 * to switch; when Bitrix24 keeps its line, the text says where the admin switches it by hand.
 */
export function DefaultLineCard() {
  const t = useT();
  const { ready, call } = useAdminApi();
  const [state, setState] = useState<State>({ kind: 'loading' });
  const [tried, setTried] = useState(false);

  useEffect(() => {
    if (!ready) return;
    let alive = true;
    void call<DefaultLineCheck>('/api/b24/default-line').then((result) => {
      if (!alive) return;
      // Only an admin may read the portal's telephony settings; others are not shown the card at all.
      if (result.ok) setState({ kind: 'loaded', check: result.data });
      else setState(result.status === 403 ? { kind: 'hidden' } : { kind: 'failed', message: result.message });
    });
    return () => {
      alive = false;
    };
  }, [ready, call]);

  const claim = async () => {
    setTried(true);
    const result = await call<DefaultLineCheck>('/api/b24/default-line', { method: 'POST' });
    setState(result.ok ? { kind: 'loaded', check: result.data } : { kind: 'failed', message: result.message });
  };

  if (state.kind === 'hidden') return null;
  const check = state.kind === 'loaded' ? state.check : null;
  const ok = check ? check.state === 'ours' : null;
  return (
    <StatusCard
      title={t('health.defaultLine')}
      ok={ok}
      statusText={t(ok ? 'health.ok' : 'health.down')}
      testId="health-default-line"
    >
      {state.kind === 'loading' && t('health.loading')}
      {state.kind === 'failed' && <span className="text-alert">{state.message}</span>}
      {check && (
        <span data-testid="default-line-state" data-state={check.state}>
          {t(`health.defaultLine.${check.state}`)}
          {check.line && check.state !== 'ours' && <span className="block font-mono text-xs">{check.line}</span>}
        </span>
      )}
      {check && check.state !== 'ours' && (
        <span className="mt-2 block">
          {tried && <span className="block text-alert">{t('health.defaultLine.manual')}</span>}
          <Button testId="default-line-claim" onClick={() => void claim()}>
            {t('health.defaultLine.claim')}
          </Button>
        </span>
      )}
    </StatusCard>
  );
}
