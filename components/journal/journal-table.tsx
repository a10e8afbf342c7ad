'use client';

import type { useT } from '@/components/shell/use-t';
import { formatDateTime } from '@/lib/format/format-date-time';
import { formatDuration } from '@/lib/format/format-duration';
import { formatMoney } from '@/lib/format/format-money';
import { formatPhone } from '@/lib/format/format-phone';
import type { Lang } from '@/lib/i18n/lang';
import type { MessageKey } from '@/lib/i18n/messages';
import type { JournalEntry } from '@/lib/journal/query-journal';
import { describeRegistrationReason, type RegistrationReasonText } from './registration-reason';

const statusTone: Record<string, string> = {
  answered: 'bg-green-tint text-success-alt',
  missed: 'bg-gray-tint text-base-2',
  failed: 'bg-red-tint text-alert',
  active: 'bg-blue-tint text-primary',
};

/**
 * The journal's rows: fixed column widths and wrapping text so the table never scrolls sideways at 1280 px. Each row
 * names its registration reason in a word; the legend under the table explains the reasons on this page once.
 */
export function JournalTable({
  entries,
  t,
  lang,
}: {
  entries: JournalEntry[];
  t: ReturnType<typeof useT>;
  lang: Lang;
}) {
  const legend = new Map<string, RegistrationReasonText>();
  for (const e of entries) {
    const text = describeRegistrationReason(e.registrationReason);
    if (text) legend.set(text.reason, text);
  }
  return (
    <>
      <table data-testid="journal-table" className="w-full table-fixed text-sm">
        <thead>
          <tr className="text-left text-xs text-base-3">
            <th className="w-28 py-1 font-semibold">{t('journal.time')}</th>
            <th className="w-40 py-1 font-semibold">{t('journal.user')}</th>
            <th className="w-36 py-1 font-semibold">{t('journal.number')}</th>
            <th className="py-1 font-semibold">{t('journal.route')}</th>
            <th className="w-24 py-1 font-semibold">{t('journal.status')}</th>
            <th className="w-16 py-1 text-right font-semibold" title={t('journal.talkOfTotal')}>
              {t('journal.duration')}
            </th>
            <th className="w-24 py-1 text-right font-semibold">{t('journal.cost')}</th>
            <th className="w-36 py-1 pl-3 font-semibold">{t('journal.registration')}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => {
            const reason = describeRegistrationReason(e.registrationReason);
            return (
              <tr key={e.id} data-testid="journal-row" className="border-t border-base-7 align-top">
                <td className="py-2 pr-2 text-base-2 tabular-nums" data-testid="journal-time">
                  {formatDateTime({ value: e.startedAt, lang })}
                </td>
                <td className="py-2 pr-2 break-words" data-testid="journal-user">
                  {e.userName ?? '—'}
                  {e.extension && <span className="block text-xs text-base-3">{e.extension}</span>}
                </td>
                <td className="py-2 pr-2">
                  <span className="whitespace-nowrap tabular-nums" data-testid="journal-number">
                    {formatPhone(e.number)}
                  </span>
                  <span className="block text-xs text-base-3">{e.carrier ?? t('journal.unknownCarrier')}</span>
                </td>
                <td className="py-2 pr-2">
                  <div className="font-medium" data-testid="journal-trunk">
                    {e.trunkName ?? '—'}
                    {e.onNet && (
                      <span className="ml-2 rounded-2xs bg-green-tint px-1.5 text-xs font-normal text-success-alt">
                        {t('journal.onNet')}
                      </span>
                    )}
                  </div>
                  <div className="text-xs break-words text-base-2" data-testid="journal-reasons">
                    {e.reasons.join('; ')}
                  </div>
                </td>
                <td className="py-2">
                  <span className={`rounded-2xs px-1.5 py-0.5 text-xs ${statusTone[e.status] ?? ''}`}>
                    {t(`journal.status.${e.status}` as MessageKey)}
                  </span>
                </td>
                <td className="py-2 text-right tabular-nums">
                  {formatDuration(e.talkSec ?? 0)}
                  <span className="block text-xs text-base-3">{formatDuration(e.durationSec ?? 0)}</span>
                </td>
                <td className="py-2 text-right whitespace-nowrap tabular-nums" data-testid="journal-cost">
                  {formatMoney({ kopecks: e.costKopecks, lang })}
                  {e.baselineCostKopecks !== null && (
                    <span className="block text-xs text-base-3 line-through">
                      {formatMoney({ kopecks: e.baselineCostKopecks, lang })}
                    </span>
                  )}
                </td>
                <td className="py-2 pl-3 text-xs" data-testid="journal-registration">
                  <span className={e.registered ? 'text-success-alt' : 'text-base-2'}>
                    {e.registered ? t('journal.registered') : t('journal.notRegistered')}
                  </span>
                  {e.recording && (
                    <span
                      className={`block ${e.recording === 'missing' ? 'text-alert' : 'text-base-3'}`}
                      data-testid="journal-recording"
                    >
                      {t(`journal.recording.${e.recording}`)}
                    </span>
                  )}
                  {reason && (
                    <span className="block text-base-3" title={t(reason.long)}>
                      {t(reason.short)}
                    </span>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {legend.size > 0 && (
        <dl data-testid="journal-legend" className="mt-3 flex flex-wrap gap-x-4 gap-y-1 text-xs text-base-3">
          <dt className="font-semibold">{t('journal.legend')}</dt>
          {[...legend.values()].map(({ reason, short, long }) => (
            <dd key={reason}>
              <span className="text-base-2">{t(short)}</span> — {t(long)}
            </dd>
          ))}
        </dl>
      )}
    </>
  );
}
