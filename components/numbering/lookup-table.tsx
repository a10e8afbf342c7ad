'use client';

import type { useT } from '@/components/shell/use-t';
import { withContentKeys } from '@/components/shell/with-content-keys';
import type { Lang } from '@/lib/i18n/lang';
import type { MessageKey } from '@/lib/i18n/messages';
import { formatPhone } from '@/lib/format/format-phone';
import type { LookupRow } from './numbering-types';

/** The source of an answer in words; an override says whether a person set it or an HLR answer taught it. */
function sourceKey(row: LookupRow): MessageKey {
  if (row.source === 'override')
    return row.detail === 'learned' ? 'numbering.lookup.source.learned' : 'numbering.lookup.source.admin';
  return `numbering.lookup.source.${row.source}`;
}

const sourceTone: Record<LookupRow['source'], string> = {
  override: 'bg-blue-tint text-primary',
  ported: 'bg-orange-tint text-base-1',
  registry: 'bg-gray-tint text-base-2',
  unknown: 'bg-red-tint text-alert',
};

/**
 * One row per number asked. For a ported number or an override the range shown is still the registry's, with its
 * holder: that is the carrier the call would have gone to without the MNP data, which is what the admin compares.
 */
export function LookupTable({ rows, t, lang }: { rows: readonly LookupRow[]; t: ReturnType<typeof useT>; lang: Lang }) {
  return (
    <table data-testid="lookup-results" className="mt-3 w-full table-fixed text-sm">
      <thead>
        <tr className="text-left text-xs text-base-3">
          <th className="w-44 py-1 font-semibold">{t('numbering.lookup.number')}</th>
          <th className="w-64 py-1 font-semibold">{t('numbering.lookup.carrier')}</th>
          <th className="w-44 py-1 font-semibold">{t('numbering.lookup.source')}</th>
          <th className="w-56 py-1 font-semibold">{t('numbering.lookup.region')}</th>
          <th className="py-1 font-semibold">{t('numbering.lookup.range')}</th>
        </tr>
      </thead>
      <tbody>
        {withContentKeys(rows, (row) => row.input).map(({ key, item: row }) => {
          const differentHolder = row.range && row.carrier && row.range.holderInn !== row.carrier.inn;
          return (
            <tr
              key={key}
              data-testid="lookup-row"
              data-e164={row.e164 ?? ''}
              data-source={row.source}
              className="border-t border-base-7 align-top"
            >
              <td className="py-1.5">
                <span className="font-mono text-xs">{row.e164 ? formatPhone(row.e164) : row.input}</span>
                {row.extension && (
                  <span className="ml-1 text-xs text-base-3">
                    {t('numbering.lookup.extension')} {row.extension}
                  </span>
                )}
                {row.e164 && row.input.replace(/\D/g, '') !== row.e164 && (
                  <span className="block text-xs text-base-3">{row.input}</span>
                )}
              </td>
              <td className="py-1.5" data-testid="lookup-carrier">
                {row.carrier ? (
                  <>
                    <span className="font-semibold">{row.carrier.brand ?? row.carrier.name}</span>
                    <span className="block text-xs text-base-3">
                      {row.carrier.brand ? `${row.carrier.name} · ` : ''}
                      {t('common.inn')} {row.carrier.inn}
                    </span>
                  </>
                ) : (
                  <span className="text-base-3">{t('numbering.lookup.noCarrier')}</span>
                )}
                {row.reason && <span className="block text-xs text-alert">{row.reason[lang]}</span>}
              </td>
              <td className="py-1.5" data-testid="lookup-source">
                <span className={`rounded-2xs px-1.5 py-0.5 text-xs ${sourceTone[row.source]}`}>
                  {t(sourceKey(row))}
                </span>
              </td>
              <td className="py-1.5 text-xs text-base-2">{row.region ?? '—'}</td>
              <td className="py-1.5 text-xs" data-testid="lookup-range">
                {row.range ? (
                  <>
                    <span className="tabular-nums">
                      {row.range.def} {row.range.from}–{row.range.to}
                    </span>
                    <span
                      className={`block ${differentHolder ? 'text-base-1' : 'text-base-3'}`}
                      data-testid="lookup-holder"
                    >
                      {t('numbering.lookup.holder')}: {row.range.holderName} ({t('common.inn')} {row.range.holderInn})
                    </span>
                  </>
                ) : (
                  '—'
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
