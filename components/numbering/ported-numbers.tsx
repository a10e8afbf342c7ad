'use client';

import { Card } from '@/components/admin/form-controls';
import type { useT } from '@/components/shell/use-t';
import type { Lang } from '@/lib/i18n/lang';
import { formatCount } from '@/lib/format/format-count';
import { formatDateTime } from '@/lib/format/format-date-time';
import type { NumberingSummary } from './numbering-types';
import { PortedHistory } from './ported-history';

type PortedNumbersProps = {
  summary: NumberingSummary;
  carrierName(inn: string | null): string;
  t: ReturnType<typeof useT>;
  lang: Lang;
};

/**
 * Numbers that kept their number but changed carrier (MNP). Without this set such a client is routed by the range
 * holder and the call goes off-net; the per-owner counts show the set is plausible (no carrier missing).
 */
export function PortedNumbers({ summary, carrierName, t, lang }: PortedNumbersProps) {
  const { ported } = summary;
  return (
    <Card testId="ported-numbers">
      <h3 className="text-lg font-semibold text-base-1">{t('numbering.ported.title')}</h3>
      <p className="mt-0.5 text-xs text-base-2">{t('numbering.ported.hint')}</p>
      {ported ? (
        <div className="mt-3 grid grid-cols-[minmax(0,28rem)_minmax(0,1fr)] gap-6">
          <dl className="grid grid-cols-[auto_1fr] content-start gap-x-3 gap-y-1 text-sm">
            <dt className="text-base-3">{t('numbering.ported.count')}</dt>
            <dd data-testid="ported-count" className="font-semibold tabular-nums">
              {formatCount({ value: ported.numbers, lang })}
            </dd>
            <dt className="text-base-3">{t('numbering.files.name')}</dt>
            <dd className="truncate" title={ported.fileName}>
              {ported.fileName} <span className="text-xs text-base-3">#{ported.versionId}</span>
            </dd>
            <dt className="text-base-3">{t('numbering.ported.since')}</dt>
            <dd>{formatDateTime({ value: ported.activatedAt, lang })}</dd>
          </dl>
          <table className="w-full table-fixed text-sm" data-testid="ported-owners">
            <thead>
              <tr className="text-left text-xs text-base-3">
                <th className="py-1 font-semibold">{t('numbering.ported.owner')}</th>
                <th className="w-32 py-1 font-semibold">{t('common.inn')}</th>
                <th className="w-32 py-1 text-right font-semibold">{t('numbering.ported.numbers')}</th>
              </tr>
            </thead>
            <tbody>
              {ported.byOwner.map((owner) => (
                <tr key={owner.ownerId} data-testid="ported-owner" className="border-t border-base-7">
                  <td className="truncate py-1">
                    {owner.inn ? carrierName(owner.inn) : t('numbering.ported.unknownOwner')}{' '}
                    <span className="font-mono text-xs text-base-3">{owner.ownerId}</span>
                  </td>
                  <td className="py-1 text-xs text-base-3">{owner.inn ?? '—'}</td>
                  <td className="py-1 text-right tabular-nums">{formatCount({ value: owner.numbers, lang })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p data-testid="ported-none" className="mt-2 text-sm text-warning">
          {t('numbering.ported.none')}
        </p>
      )}
      {summary.portedHistory.length > 0 && <PortedHistory versions={summary.portedHistory} t={t} lang={lang} />}
    </Card>
  );
}
