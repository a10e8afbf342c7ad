'use client';

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { Lang } from '@/lib/i18n/lang';
import type { DaySavings, TrunkSavings } from '@/lib/savings/load-savings-report';
import { formatCount } from '@/lib/format/format-count';
import { formatDateTime } from '@/lib/format/format-date-time';
import { formatMoney } from '@/lib/format/format-money';

const COST = '#0075ff';
const BASELINE = '#a8adb4';

export type CostChartLabels = { cost: string; baseline: string };

/** Cost against the baseline, per day or per line: the gap between the bars is the saving. */
export function CostChart({
  data,
  keyName,
  labels,
  lang,
  testId,
}: {
  data: (DaySavings | TrunkSavings)[];
  keyName: 'day' | 'name';
  labels: CostChartLabels;
  lang: Lang;
  testId: string;
}) {
  const rows = data.map((d) => ({
    key:
      keyName === 'day'
        ? formatDateTime({ value: (d as DaySavings).day, lang, dateOnly: true, timeZone: 'UTC' })
        : (d as TrunkSavings).name,
    cost: d.cost / 100,
    baseline: d.baselineCost / 100,
  }));
  return (
    <div data-testid={testId} className="h-64 w-full min-w-0">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={rows} margin={{ top: 8, right: 8, bottom: 0, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="#dfe0e3" vertical={false} />
          <XAxis dataKey="key" tick={{ fontSize: 12, fill: '#525c69' }} />
          <YAxis
            tick={{ fontSize: 12, fill: '#525c69' }}
            width={64}
            tickFormatter={(v: number) => formatCount({ value: v, lang })}
          />
          <Tooltip formatter={(value) => formatMoney({ kopecks: Number(value) * 100, lang, whole: true })} />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          <Bar
            dataKey="baseline"
            name={labels.baseline}
            fill={BASELINE}
            radius={[3, 3, 0, 0]}
            isAnimationActive={false}
          />
          <Bar dataKey="cost" name={labels.cost} fill={COST} radius={[3, 3, 0, 0]} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}

/** Lost saving by cause, as horizontal bars (the longest bar is what to fix first). */
export function LostChart({ data, lang }: { data: { cause: string; label: string; kopecks: number }[]; lang: Lang }) {
  return (
    <div data-testid="savings-lost-chart" className="h-48 w-full min-w-0">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart
          data={data.map((d) => ({ ...d, rubles: d.kopecks / 100 }))}
          layout="vertical"
          margin={{ top: 4, right: 16, bottom: 4, left: 8 }}
        >
          <CartesianGrid strokeDasharray="3 3" stroke="#dfe0e3" horizontal={false} />
          <XAxis type="number" tick={{ fontSize: 12, fill: '#525c69' }} />
          <YAxis type="category" dataKey="label" width={190} tick={{ fontSize: 12, fill: '#333' }} />
          <Tooltip formatter={(value) => formatMoney({ kopecks: Number(value) * 100, lang, whole: true })} />
          <Bar dataKey="rubles" fill="#faa72c" radius={[0, 3, 3, 0]} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
