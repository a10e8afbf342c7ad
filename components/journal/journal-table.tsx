'use client';

import type { useT } from '@/components/shell/use-t';
import type { Lang } from '@/lib/i18n/lang';
import type { MessageKey } from '@/lib/i18n/messages';
import type { JournalEntry } from '@/lib/journal/query-journal';

const statusTone: Record<string, string> = {
  answered: 'bg-green-tint text-success-alt',
  missed: 'bg-gray-tint text-base-2',
  failed: 'bg-red-tint text-alert',
  active: 'bg-blue-tint text-primary',
};

/** The journal's rows: fixed column widths and wrapping reasons so the table never scrolls sideways at 1280 px. */
export function JournalTable({
  entries,
  t,
  lang,
}: {
  entries: JournalEntry[];
  t: ReturnType<typeof useT>;
  lang: Lang;
}) {
  const locale = lang === 'ru' ? 'ru-RU' : 'en-US';
  return (
    <table data-testid="journal-table" className="w-full table-fixed text-sm">
      <thead>
        <tr className="text-left text-xs text-base-3">
          <th className="w-28 py-1 font-semibold">{t('journal.time')}</th>
          <th className="w-36 py-1 font-semibold">{t('journal.user')}</th>
          <th className="w-32 py-1 font-semibold">{t('journal.number')}</th>
          <th className="py-1 font-semibold">{t('journal.route')}</th>
          <th className="w-24 py-1 font-semibold">{t('journal.status')}</th>
          <th className="w-16 py-1 text-right font-semibold">{t('journal.duration')}</th>
          <th className="w-24 py-1 text-right font-semibold">{t('journal.cost')}</th>
          <th className="w-40 py-1 pl-3 font-semibold">{t('journal.registration')}</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((e) => (
          <tr key={e.id} data-testid="journal-row" className="border-t border-base-7 align-top">
            <td className="py-2 text-base-2">
              {new Date(e.startedAt).toLocaleString(locale, {
                day: '2-digit',
                month: '2-digit',
                hour: '2-digit',
                minute: '2-digit',
                second: '2-digit',
                hourCycle: 'h23',
              })}
            </td>
            <td className="truncate py-2" title={e.userName ?? ''}>
              {e.userName ?? '—'}
              {e.extension && <span className="block text-xs text-base-3">{e.extension}</span>}
            </td>
            <td className="py-2 font-mono text-xs">
              +{e.number}
              <span className="block font-sans text-base-3">{e.carrier ?? t('journal.unknownCarrier')}</span>
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
            <td className="py-2 text-right tabular-nums">
              {e.costKopecks === null ? '—' : (e.costKopecks / 100).toFixed(2)}
              {e.baselineCostKopecks !== null && (
                <span className="block text-xs text-base-3 line-through">
                  {(e.baselineCostKopecks / 100).toFixed(2)}
                </span>
              )}
            </td>
            <td className="py-2 pl-3 text-xs">
              <span className={e.registered ? 'text-success-alt' : 'text-base-2'}>
                {e.registered ? t('journal.registered') : t('journal.notRegistered')}
              </span>
              {e.registrationReason && (
                <span className="block text-base-3">{registrationText(e.registrationReason, t)}</span>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const knownReasons = new Set([
  'never_record',
  'whitelist_user',
  'whitelist_department',
  'whitelist_extension',
  'not_whitelisted',
  'unknown_user',
  'simulation',
]);
function registrationText(reason: string, t: ReturnType<typeof useT>): string {
  return knownReasons.has(reason) ? t(`journal.reason.${reason}` as MessageKey) : reason;
}

function formatDuration(seconds: number): string {
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}
