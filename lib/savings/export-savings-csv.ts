import type { Lang } from '../i18n/lang';
import type { SavingsReport } from './load-savings-report';
import { toCsv } from './to-csv';

const rub = (kopecks: number) => (kopecks / 100).toFixed(2);

/** The dashboard as one CSV: a per-day section, then per line, then per SIM (a "section" column tells them apart). */
export function exportSavingsCsv(report: SavingsReport, lang: Lang): string {
  const ru = lang === 'ru';
  const header = ru
    ? [
        'Раздел',
        'Ключ',
        'Звонков',
        'Отвечено / мин',
        'Стоимость, ₽',
        'Без маршрутизации, ₽',
        'Доля внутри сети',
        'Лимит звонков в день',
        'Лимит минут в день',
        'Пиковый день',
        'Звонков в пиковый день',
        'Минут в пиковый день',
      ]
    : [
        'Section',
        'Key',
        'Calls',
        'Answered / min',
        'Cost, RUB',
        'Baseline, RUB',
        'On-net share',
        'Calls/day cap',
        'Minutes/day cap',
        'Busiest day',
        'Calls that day',
        'Minutes that day',
      ];
  const { summary } = report;
  const rows: (string | number | null)[][] = [
    [
      ru ? 'итого' : 'total',
      ru ? `экономия ×${summary.ratio ?? '—'}` : `ratio ×${summary.ratio ?? '—'}`,
      summary.calls,
      summary.answered,
      rub(summary.cost),
      rub(summary.baselineCost),
      summary.onNetShare,
      null,
      null,
      null,
      null,
      null,
    ],
    ...Object.entries(summary.lostTo).map(([cause, kopecks]) => [
      ru ? 'упущено' : 'lost',
      cause,
      null,
      null,
      rub(kopecks),
      null,
      null,
      null,
      null,
      null,
      null,
      null,
    ]),
    ...report.days.map((d) => [
      ru ? 'день' : 'day',
      d.day,
      d.calls,
      null,
      rub(d.cost),
      rub(d.baselineCost),
      d.onNetShare,
      null,
      null,
      null,
      null,
      null,
    ]),
    ...report.trunks.map((t) => [
      ru ? 'линия' : 'line',
      t.name,
      t.calls,
      t.answered,
      rub(t.cost),
      rub(t.baselineCost),
      t.answered ? Math.round((t.onNetCalls / t.answered) * 1000) / 1000 : null,
      null,
      null,
      null,
      null,
      null,
    ]),
    ...report.sims.map((s) => [
      ru ? 'SIM' : 'SIM',
      `${s.trunkName} #${s.sim + 1}`,
      s.calls,
      s.minutes,
      null,
      null,
      null,
      s.caps?.callsPerDay ?? null,
      s.caps?.minutesPerDay ?? null,
      s.busiestDay,
      s.busiestDayCalls,
      s.busiestDayMinutes,
    ]),
  ];
  return toCsv({ header, rows });
}
