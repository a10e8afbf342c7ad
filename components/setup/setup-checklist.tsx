'use client';

import Link from 'next/link';
import { useEffect, useState } from 'react';
import { Card } from '@/components/admin/form-controls';
import { useAdminApi } from '@/components/admin/use-admin-api';
import { useFitFrame } from '@/components/admin/use-fit-frame';
import type { HealthReport } from '@/lib/health/health-report';
import { localizeMessage } from '@/lib/i18n/localize-message';
import { type MessageKey, translate } from '@/lib/i18n/messages';
import type { ListsDocument } from '@/lib/lists/load-lists';
import type { RoutingSettings } from '@/lib/routing/types';
import { decideSetupSteps, type SetupStep, type SetupStepState } from './decide-setup-steps';

type State = { kind: 'loading' } | { kind: 'failed'; message: string } | { kind: 'done'; steps: SetupStep[] };

const tone: Record<SetupStepState, string> = {
  done: 'bg-green-tint text-success-alt',
  todo: 'bg-red-tint text-alert',
  warn: 'bg-orange-tint text-base-1',
  manual: 'bg-blue-tint text-primary',
};

/**
 * "Первый запуск": each step towards the first routed call with its state, read once from what the server already
 * stores (the PBX over AMI, the routing settings, the lists), and a link to the page that does it.
 */
export function SetupChecklist() {
  const { ready, call, authHeaders, lang } = useAdminApi();
  const [state, setState] = useState<State>({ kind: 'loading' });
  useFitFrame();
  const t = (key: MessageKey, params?: Record<string, string | number>) => translate(lang, key, params);

  useEffect(() => {
    if (!ready) return;
    let alive = true;
    const health = fetch('/api/health', { headers: authHeaders().headers, cache: 'no-store' })
      .then((response) => response.json() as Promise<HealthReport>)
      .then((report) => report.ami)
      .catch(() => null);
    void Promise.all([
      call<RoutingSettings>('/api/settings/routing'),
      call<ListsDocument>('/api/settings/lists'),
      health,
    ]).then(([settings, lists, ami]) => {
      if (!alive) return;
      if (!settings.ok) setState({ kind: 'failed', message: settings.message });
      else
        setState({
          kind: 'done',
          steps: decideSetupSteps({ ami, settings: settings.data, lists: lists.ok ? lists.data : null }),
        });
    });
    return () => {
      alive = false;
    };
  }, [ready, call, authHeaders]);

  return (
    <div className="flex flex-col gap-4" data-testid="setup">
      <div>
        <h2 className="text-2xl font-semibold text-base-1">{t('nav.setup')}</h2>
        <p className="mt-1 max-w-3xl text-sm text-base-2">{t('setup.intro')}</p>
        <Link
          className="mt-1 inline-block text-sm text-primary underline"
          href="/admin/wizard"
          data-testid="open-wizard"
        >
          {t('wizard.open')}
        </Link>
      </div>
      {state.kind === 'loading' && (
        <p role="status" className="text-base-3">
          {t('common.loading')}
        </p>
      )}
      {state.kind === 'failed' && (
        <p role="alert" data-testid="setup-failed" className="text-alert">
          {t('setup.loadFailed')}: {localizeMessage(state.message, lang)}
        </p>
      )}
      {state.kind === 'done' && (
        <Card testId="setup-steps">
          <ol className="flex flex-col divide-y divide-base-7">
            {state.steps.map((step, index) => (
              <li
                key={step.id}
                data-testid={`setup-${step.id}`}
                data-state={step.state}
                className="flex items-start gap-3 py-2"
              >
                <span className="w-6 pt-0.5 text-right text-sm text-base-3 tabular-nums">{index + 1}.</span>
                <div className="min-w-0 flex-1">
                  <p className="font-semibold text-base-1">{t(`setup.step.${step.id}` as MessageKey)}</p>
                  <p className="text-sm text-base-2">
                    {t(`setup.step.${step.id}.${step.state}` as MessageKey, { count: step.count ?? 0 })}
                  </p>
                </div>
                <span className={`rounded-2xs px-1.5 py-0.5 text-xs whitespace-nowrap ${tone[step.state]}`}>
                  {t(`setup.state.${step.state}`)}
                </span>
                <Link className="w-20 text-right text-sm text-primary underline" href={step.href}>
                  {t('setup.open')}
                </Link>
              </li>
            ))}
          </ol>
          <p className="mt-3 text-xs text-base-3" data-testid="setup-missing">
            {t('setup.missing')}
          </p>
        </Card>
      )}
    </div>
  );
}
