'use client';

import type { useT } from '@/components/shell/use-t';
import { formatDateTime } from '@/lib/format/format-date-time';
import type { Lang } from '@/lib/i18n/lang';
import type { SimSavings } from '@/lib/savings/load-savings-report';

/** Each SIM's busiest day against its per-day caps: a bar per cap, orange near the limit, red at it. */
export function SimUsageTable({ sims, t, lang }: { sims: SimSavings[]; t: ReturnType<typeof useT>; lang: Lang }) {
  return (
    <table data-testid="savings-sims" className="w-full table-fixed text-sm">
      <thead>
        <tr className="text-left text-xs text-base-3">
          <th className="w-40 py-1 font-semibold">{t('savings.sim')}</th>
          <th className="w-28 py-1 font-semibold">{t('savings.busiestDay')}</th>
          <th className="py-1 font-semibold">{t('savings.callsPerDay')}</th>
          <th className="py-1 font-semibold">{t('savings.minutesPerDay')}</th>
        </tr>
      </thead>
      <tbody>
        {sims.map((sim) => (
          <tr key={`${sim.trunkName}-${sim.sim}`} className="border-t border-base-7" data-testid="savings-sim-row">
            <td className="py-1.5 font-medium">
              {sim.trunkName} #{sim.sim + 1}
            </td>
            <td className="py-1.5 text-base-2">
              {formatDateTime({ value: sim.busiestDay, lang, dateOnly: true, timeZone: 'UTC' })}
            </td>
            <td className="py-1.5 pr-4">
              <UsageBar used={sim.busiestDayCalls} cap={sim.caps?.callsPerDay ?? null} noCap={t('savings.noCap')} />
            </td>
            <td className="py-1.5 pr-4">
              <UsageBar used={sim.busiestDayMinutes} cap={sim.caps?.minutesPerDay ?? null} noCap={t('savings.noCap')} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function UsageBar({ used, cap, noCap }: { used: number; cap: number | null; noCap: string }) {
  const share = cap ? Math.min(1, used / cap) : 0;
  const color = share >= 1 ? 'bg-alert' : share >= 0.8 ? 'bg-warning' : 'bg-success';
  return (
    <div className="flex items-center gap-2">
      <div className="h-2 flex-1 overflow-hidden rounded-2xs bg-base-7">
        {cap !== null && <div className={`h-full ${color}`} style={{ width: `${share * 100}%` }} />}
      </div>
      <span className="w-24 shrink-0 text-right text-xs text-base-2">
        {cap === null ? `${used} · ${noCap}` : `${used} / ${cap}`}
      </span>
    </div>
  );
}
