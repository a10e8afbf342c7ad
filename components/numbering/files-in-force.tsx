'use client';

import { Card } from '@/components/admin/form-controls';
import { localizeMessage } from '@/lib/i18n/localize-message';
import type { useT } from '@/components/shell/use-t';
import type { Lang } from '@/lib/i18n/lang';
import { isMessageKey } from '@/lib/i18n/messages';
import { formatCount } from '@/lib/format/format-count';
import { formatDateTime } from '@/lib/format/format-date-time';
import type { NumberingSummary } from './numbering-types';

type FilesInForceProps = { summary: NumberingSummary; t: ReturnType<typeof useT>; lang: Lang };

/**
 * The first question when a call went the wrong way: which registry files are routing calls right now, how big they
 * are and since when. The scheduled download's last attempts sit under them, failures in red with the server's text.
 */
export function FilesInForce({ summary, t, lang }: FilesInForceProps) {
  const sourceWord = (source: string) => {
    const key = `numbering.source.${source}`;
    return isMessageKey(key) ? t(key) : source;
  };
  return (
    <Card testId="files-in-force">
      <h3 className="text-lg font-semibold text-base-1">{t('numbering.files.title')}</h3>
      {summary.files.length === 0 ? (
        <p role="alert" className="mt-2 text-sm text-alert">
          {t('numbering.files.none')}
        </p>
      ) : (
        <table className="mt-2 w-full table-fixed text-sm">
          <thead>
            <tr className="text-left text-xs text-base-3">
              <th className="w-20 py-1 font-semibold">{t('numbering.files.kind')}</th>
              <th className="py-1 font-semibold">{t('numbering.files.name')}</th>
              <th className="w-20 py-1 text-right font-semibold">{t('numbering.files.rows')}</th>
              <th className="w-28 py-1 text-right font-semibold">{t('numbering.files.numbers')}</th>
              <th className="w-40 py-1 pl-3 font-semibold">{t('numbering.files.loaded')}</th>
            </tr>
          </thead>
          <tbody>
            {summary.files.map((file) => (
              <tr key={file.kind} data-testid={`file-${file.kind}`} className="border-t border-base-7 align-top">
                <td className="py-1.5 font-medium">{file.kind}</td>
                <td className="truncate py-1.5" title={`${file.fileName}\nSHA-256 ${file.sha256}`}>
                  {file.fileName}
                  {file.versionId !== null && <span className="ml-1 text-xs text-base-3">#{file.versionId}</span>}
                </td>
                <td data-testid="file-rows" className="py-1.5 text-right tabular-nums">
                  {formatCount({ value: file.rows, lang })}
                </td>
                <td className="py-1.5 text-right tabular-nums">{formatCount({ value: file.numbers, lang })}</td>
                <td className="py-1.5 pl-3 text-xs">
                  <span data-testid="file-source">{sourceWord(file.source)}</span>
                  <span className="block text-base-3">{formatDateTime({ value: file.activatedAt, lang })}</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="mt-3 border-t border-base-7 pt-2" data-testid="downloads">
        <p className="text-xs font-semibold text-base-3">{t('numbering.downloads.title')}</p>
        {summary.downloads.length === 0 && <p className="text-sm text-base-3">{t('numbering.downloads.none')}</p>}
        <ul className="text-sm">
          {summary.downloads.map((attempt) => (
            <li
              key={`${attempt.url}-${attempt.at}`}
              data-testid="download-attempt"
              data-ok={attempt.ok}
              className="mt-1 break-words"
            >
              <span className={attempt.ok ? 'text-success-alt' : 'text-alert'}>
                {t(attempt.ok ? 'numbering.downloads.ok' : 'numbering.downloads.failed')}
              </span>{' '}
              <span className="text-xs text-base-3">
                {formatDateTime({ value: attempt.at, lang })} · {attempt.url}
              </span>
              <span className="block text-xs text-base-2">{localizeMessage(attempt.message, lang)}</span>
            </li>
          ))}
        </ul>
      </div>
    </Card>
  );
}
