'use client';

import { useEffect, useState } from 'react';
import { Button, Card } from '@/components/admin/form-controls';
import { useAdminApi } from '@/components/admin/use-admin-api';
import { useFitFrame } from '@/components/admin/use-fit-frame';
import { useT } from '@/components/shell/use-t';
import type { MessageKey } from '@/lib/i18n/messages';
import type { SavingsReport } from '@/lib/savings/load-savings-report';
import { formatCount } from '@/lib/format/format-count';
import { formatMoney } from '@/lib/format/format-money';
import { formatPercent } from '@/lib/format/format-percent';
import { CostChart, LostChart } from './savings-charts';
import { SimUsageTable } from './sim-usage-table';
import { useCsvDownload } from './use-csv-download';

type State = { kind: 'loading' } | { kind: 'failed'; message: string } | { kind: 'done'; report: SavingsReport };
const causes = ['busy', 'caps', 'unknownCarrier', 'noCarrierLine'] as const;

/** "Экономия": what carrier routing saved against "everything through the default line", and what it lost and why. */
export function SavingsDashboard() {
  const t = useT();
  const { ready, call, lang } = useAdminApi();
  const csv = useCsvDownload();
  useFitFrame();
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [state, setState] = useState<State>({ kind: 'loading' });
  const query = new URLSearchParams({ ...(from ? { from } : {}), ...(to ? { to } : {}) }).toString();

  useEffect(() => {
    if (!ready) return;
    let alive = true;
    setState({ kind: 'loading' });
    void call<SavingsReport>(`/api/savings?${query}`).then((result) => {
      if (alive)
        setState(result.ok ? { kind: 'done', report: result.data } : { kind: 'failed', message: result.message });
    });
    return () => {
      alive = false;
    };
  }, [ready, call, query]);

  return (
    <div className="flex min-w-0 flex-col gap-4" data-testid="savings-dashboard">
      <div className="flex items-end justify-between gap-4">
        <div>
          <h2 className="text-2xl font-semibold text-base-1">{t('nav.savings')}</h2>
          <p className="mt-1 text-sm text-base-2">{t('savings.intro')}</p>
        </div>
        <div className="flex items-end gap-2">
          <label className="text-xs font-semibold text-base-3">
            {t('common.from')}
            <input
              type="date"
              data-testid="savings-from"
              value={from}
              onChange={(e) => setFrom(e.target.value)}
              className="mt-1 block rounded-xs border border-base-5 bg-base-8 px-2 py-1 text-sm text-base-1"
            />
          </label>
          <label className="text-xs font-semibold text-base-3">
            {t('common.to')}
            <input
              type="date"
              data-testid="savings-to"
              value={to}
              onChange={(e) => setTo(e.target.value)}
              className="mt-1 block rounded-xs border border-base-5 bg-base-8 px-2 py-1 text-sm text-base-1"
            />
          </label>
          <Button
            testId="savings-csv"
            disabled={csv.busy || state.kind !== 'done'}
            onClick={() => void csv.download(`/api/savings.csv?${query}${query ? '&' : ''}lang=${lang}`, 'savings.csv')}
          >
            {csv.busy ? t('common.exporting') : t('common.exportCsv')}
          </Button>
        </div>
      </div>
      {csv.error && (
        <p role="alert" className="text-sm text-alert">
          {csv.error}
        </p>
      )}
      {state.kind === 'loading' && <Progress label={t('common.loading')} />}
      {state.kind === 'failed' && (
        <p role="alert" className="text-alert">
          {t('common.failed')}: {state.message}
        </p>
      )}
      {state.kind === 'done' && <Report report={state.report} t={t} lang={lang} />}
    </div>
  );
}

function Progress({ label }: { label: string }) {
  return (
    <div
      role="status"
      data-testid="savings-loading"
      className="flex flex-col gap-2 rounded-md bg-base-8 p-6 text-base-3"
    >
      <span>{label}</span>
      <div className="h-1.5 w-full overflow-hidden rounded-2xs bg-base-7">
        <div className="h-full w-1/3 animate-pulse rounded-2xs bg-primary" />
      </div>
    </div>
  );
}

function Report({ report, t, lang }: { report: SavingsReport; t: ReturnType<typeof useT>; lang: 'ru' | 'en' }) {
  const { summary } = report;
  const lost = causes.map((cause) => ({
    cause,
    label: t(`savings.lost.${cause}` as MessageKey),
    kopecks: summary.lostTo[cause],
  }));
  const lostTotal = lost.reduce((sum, l) => sum + l.kopecks, 0);
  const labels = { cost: t('savings.cost'), baseline: t('savings.baseline') };
  // No calls in the period: no figures of zero and no empty axes, just what will fill the page.
  if (summary.calls === 0)
    return (
      <Card testId="savings-empty">
        <p className="text-base text-base-1">{t('savings.empty')}</p>
        <p className="mt-1 text-sm text-base-3">{t('savings.emptyHint')}</p>
      </Card>
    );
  return (
    <>
      <div className="grid grid-cols-[minmax(0,1.2fr)_repeat(4,minmax(0,1fr))] gap-4">
        <Card testId="savings-ratio">
          <div className="text-sm text-base-3">{t('savings.ratio')}</div>
          {summary.ratio === null ? (
            <p className="mt-2 text-sm text-base-2">{t('savings.noRatio')}</p>
          ) : (
            <div className="mt-1 text-5xl font-bold text-success-alt" data-testid="savings-ratio-value">
              ×{formatCount({ value: summary.ratio, lang, fractionDigits: 2 })}
            </div>
          )}
        </Card>
        <Figure
          label={t('savings.cost')}
          value={formatMoney({ kopecks: summary.cost, lang, whole: true })}
          testId="savings-cost"
        />
        <Figure
          label={t('savings.baseline')}
          value={formatMoney({ kopecks: summary.baselineCost, lang, whole: true })}
          testId="savings-baseline"
        />
        <Figure
          label={t('savings.saved')}
          value={formatMoney({ kopecks: summary.baselineCost - summary.cost, lang, whole: true })}
          testId="savings-saved"
        />
        <Figure
          label={t('savings.onNetShare')}
          value={formatPercent({ share: summary.onNetShare, lang })}
          hint={`${t('savings.calls')}: ${summary.calls}, ${t('savings.answered')}: ${summary.answered}`}
          testId="savings-onnet"
        />
      </div>
      <div className="grid grid-cols-[minmax(0,1fr)_minmax(0,1fr)] gap-4">
        <Card testId="savings-lost">
          <h3 className="text-lg font-semibold">
            {t('savings.lostTitle')}: {formatMoney({ kopecks: lostTotal, lang, whole: true })}
          </h3>
          <p className="mb-2 text-xs text-base-3">{t('savings.lostHint')}</p>
          <LostChart data={lost} lang={lang} />
          <ul className="mt-2 grid grid-cols-2 gap-x-4 text-sm">
            {lost.map((l) => (
              <li key={l.cause} data-testid={`savings-lost-${l.cause}`} className="flex justify-between">
                <span className="text-base-2">{l.label}</span>
                <span className="font-medium">{formatMoney({ kopecks: l.kopecks, lang, whole: true })}</span>
              </li>
            ))}
          </ul>
        </Card>
        <Card testId="savings-per-trunk">
          <h3 className="mb-2 text-lg font-semibold">{t('savings.perTrunk')}</h3>
          <CostChart data={report.trunks} keyName="name" labels={labels} lang={lang} testId="savings-trunk-chart" />
        </Card>
      </div>
      <Card testId="savings-per-day">
        <h3 className="mb-2 text-lg font-semibold">{t('savings.perDay')}</h3>
        <CostChart data={report.days} keyName="day" labels={labels} lang={lang} testId="savings-day-chart" />
      </Card>
      <Card>
        <h3 className="mb-2 text-lg font-semibold">{t('savings.perSim')}</h3>
        <SimUsageTable sims={report.sims} t={t} lang={lang} />
      </Card>
    </>
  );
}

function Figure({ label, value, hint, testId }: { label: string; value: string; hint?: string; testId: string }) {
  return (
    <Card testId={testId}>
      <div className="text-sm text-base-3">{label}</div>
      <div className="mt-1 text-3xl font-semibold text-base-1">{value}</div>
      {hint && <div className="mt-1 text-xs text-base-3">{hint}</div>}
    </Card>
  );
}
