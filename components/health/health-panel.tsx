'use client';

import { useEffect, useState } from 'react';
import { useAdminApi } from '@/components/admin/use-admin-api';
import { useFitFrame } from '@/components/admin/use-fit-frame';
import { useT } from '@/components/shell/use-t';
import { formatCount } from '@/lib/format/format-count';
import type { HealthReport } from '@/lib/health/health-report';
import { DefaultLineCard } from './default-line-card';
import { IncomingCrmCard } from './incoming-crm-card';
import { RecordingCard } from './recording-card';
import { StatusCard } from './status-card';

type State = { kind: 'loading' } | { kind: 'failed' } | { kind: 'loaded'; report: HealthReport };

/**
 * The overview page: what the admin checks first when calls misbehave. Refreshes every 10 s. Sent with the frame's
 * session, since only an admin gets the details (PBX address, banner, errors); others see each part's verdict.
 */
export function HealthPanel() {
  const t = useT();
  const { ready, authHeaders, lang } = useAdminApi();
  const [state, setState] = useState<State>({ kind: 'loading' });
  // Five cards wrap to a second row: the portal's default frame height would cut it off.
  useFitFrame();

  useEffect(() => {
    if (!ready) return;
    let alive = true;
    const load = async () => {
      try {
        // A 503 still carries the report (the database is down), so the body is read whatever the status.
        const response = await fetch('/api/health', { headers: authHeaders().headers, cache: 'no-store' });
        const report = (await response.json()) as HealthReport;
        if (alive) setState({ kind: 'loaded', report });
      } catch {
        if (alive) setState({ kind: 'failed' });
      }
    };
    void load();
    const timer = setInterval(load, 10_000);
    return () => {
      alive = false;
      clearInterval(timer);
    };
  }, [ready, authHeaders]);

  if (state.kind === 'loading')
    return (
      <p className="text-base-3" role="status">
        {t('health.loading')}
      </p>
    );
  if (state.kind === 'failed')
    return (
      <p className="text-alert" role="alert">
        {t('health.failed')}
      </p>
    );
  const { report } = state;
  const { database, registry, portals } = report;
  const amiOk = report.ami.length === 0 ? null : report.ami.every((pbx) => pbx.ok);
  const said = (ok: boolean | null) => t(ok === null ? 'health.notConfigured' : ok ? 'health.ok' : 'health.down');

  return (
    <section aria-labelledby="health-title" data-testid="health" data-status={report.status}>
      <h2 id="health-title" className="mb-4 text-2xl font-semibold">
        {t('health.title')}
      </h2>
      <div className="grid grid-cols-2 gap-4 xl:grid-cols-4">
        <StatusCard
          title={t('health.database')}
          ok={database.ok}
          statusText={said(database.ok)}
          testId="health-database"
        >
          {database.kind}
          {database.latencyMs !== undefined && ` · ${t('health.latency')} ${database.latencyMs} ${t('health.ms')}`}
          {!!database.migrations?.pending && ` · ${t('health.pending')}: ${database.migrations.pending}`}
          {database.error && <span className="block text-alert">{database.error}</span>}
        </StatusCard>
        <StatusCard title={t('health.ami')} ok={amiOk} statusText={said(amiOk)} testId="health-ami">
          {report.ami.length === 0 && t('health.notConfigured')}
          {report.ami.map((pbx) => (
            <span key={pbx.name} className="block">
              {pbx.name}
              {pbx.host && ` (${pbx.host}:${pbx.port})`} —{' '}
              {pbx.ok
                ? `${t('health.ok')}${pbx.latencyMs !== undefined ? `, ${pbx.latencyMs} ${t('health.ms')}` : ''}`
                : (pbx.error ?? t('health.down'))}
              {pbx.lines && pbx.lines.length > 0 && (
                <span className="block text-xs" data-testid="health-ami-lines">
                  {t('health.lines')}:{' '}
                  {pbx.lines.map(({ line, reachable }, index) => (
                    <span key={line} className={reachable ? undefined : 'text-alert'} data-reachable={reachable}>
                      {index > 0 && ', '}
                      {line} — {reachable ? t('health.ok') : t('health.unreachable')}
                    </span>
                  ))}
                </span>
              )}
              {pbx.owner && (
                <span className="block text-xs text-base-3" data-testid="health-ami-owner">
                  {t('health.amiOwner')}: {pbx.owner.instanceId ?? t('health.noOwner')}
                  {pbx.owner.here && ` (${t('health.thisInstance')})`}
                </span>
              )}
            </span>
          ))}
        </StatusCard>
        <StatusCard
          title={t('health.registry')}
          ok={registry.ok}
          statusText={said(registry.ok)}
          testId="health-registry"
        >
          {registry.ok
            ? registry.fileName
              ? `${registry.fileName} · ${formatCount({ value: registry.rows, lang })} ${t('health.rows')}`
              : t('health.ok')
            : (registry.error ?? t('health.down'))}
          {registry.sha256 && (
            <span className="block font-mono text-xs text-base-3">sha256 {registry.sha256.slice(0, 12)}…</span>
          )}
        </StatusCard>
        {report.portals.installed > 0 && <DefaultLineCard />}
        {report.portals.installed > 0 && <IncomingCrmCard />}
        {report.portals.installed > 0 && <RecordingCard />}
        <StatusCard title={t('health.portals')} ok={portals.ok} statusText={said(portals.ok)} testId="health-portals">
          {portals.ok
            ? `${portals.installed} ${t('health.installed')} / ${portals.total}`
            : (portals.error ?? t('health.down'))}
        </StatusCard>
      </div>
      {report.warnings.map((warning) => (
        <p key={warning.code} className="mt-4 text-alert" role="alert" data-testid="health-warning">
          {t(`health.warning.${warning.code}`)}
        </p>
      ))}
    </section>
  );
}
