'use client';

import { Fragment, useState } from 'react';
import { Button } from '@/components/admin/form-controls';
import type { useT } from '@/components/shell/use-t';
import type { Lang } from '@/lib/i18n/lang';
import { isMessageKey } from '@/lib/i18n/messages';
import { formatCount } from '@/lib/format/format-count';
import { formatDateTime } from '@/lib/format/format-date-time';
import { IssueList } from './issue-list';
import { isPortedDiff, type PortedVersion } from './numbering-types';
import { PortedDiffView } from './ported-diff-view';
import { VersionStatusBadge } from './version-status-badge';

/** The MNP uploads, newest first: full sets and daily increments, with what each changed and any refused rows. */
export function PortedHistory({
  versions,
  t,
  lang,
}: {
  versions: readonly PortedVersion[];
  t: ReturnType<typeof useT>;
  lang: Lang;
}) {
  const [open, setOpen] = useState<number | null>(null);
  const sourceWord = (source: string) => {
    const key = `numbering.source.${source}`;
    return isMessageKey(key) ? t(key) : source;
  };
  return (
    <div className="mt-4">
      <p className="text-xs font-semibold text-base-3">{t('numbering.ported.history')}</p>
      <table className="mt-1 w-full table-fixed text-sm" data-testid="ported-history">
        <thead>
          <tr className="text-left text-xs text-base-3">
            <th className="w-12 py-1 font-semibold">№</th>
            <th className="w-28 py-1 font-semibold">{t('numbering.history.status')}</th>
            <th className="py-1 font-semibold">{t('numbering.files.name')}</th>
            <th className="w-28 py-1 text-right font-semibold">{t('numbering.history.rows')}</th>
            <th className="w-28 py-1 text-right font-semibold">{t('numbering.ported.numbers')}</th>
            <th className="w-40 py-1 pl-3 font-semibold">{t('numbering.history.loaded')}</th>
            <th className="w-72 py-1 font-semibold">{t('numbering.history.changes')}</th>
            <th className="w-32 py-1" />
          </tr>
        </thead>
        <tbody>
          {versions.map((version) => {
            const diff = isPortedDiff(version.diff) ? version.diff : null;
            const expanded = open === version.id;
            return (
              <Fragment key={version.id}>
                <tr
                  data-testid="ported-history-row"
                  data-status={version.status}
                  className="border-t border-base-7 align-top"
                >
                  <td className="py-1.5 tabular-nums text-base-3">{version.id}</td>
                  <td className="py-1.5">
                    <VersionStatusBadge status={version.status} t={t} />
                  </td>
                  <td className="truncate py-1.5" title={version.fileName}>
                    {version.fileName}
                    <span className="block text-xs text-base-3">
                      {sourceWord(version.source)} · {version.format}
                    </span>
                  </td>
                  <td className="py-1.5 text-right tabular-nums">
                    {formatCount({ value: version.rows, lang })}
                    {version.rejectedRows > 0 && (
                      <span className="block text-xs text-alert">
                        {t('numbering.result.rejectedRows')}: {formatCount({ value: version.rejectedRows, lang })}
                      </span>
                    )}
                  </td>
                  <td className="py-1.5 text-right tabular-nums">{formatCount({ value: version.numbers, lang })}</td>
                  <td className="py-1.5 pl-3 text-xs">
                    {formatDateTime({ value: version.createdAt, lang })}
                    {version.activatedAt && (
                      <span className="block text-base-3">
                        {t('numbering.history.activated')} {formatDateTime({ value: version.activatedAt, lang })}
                      </span>
                    )}
                  </td>
                  <td className="py-1.5 text-xs">
                    {diff ? <PortedDiffView diff={diff} t={t} lang={lang} testId="ported-history-diff" /> : '—'}
                  </td>
                  <td className="py-1.5 text-right">
                    {version.issues.length > 0 && (
                      <Button testId="ported-history-toggle" onClick={() => setOpen(expanded ? null : version.id)}>
                        {expanded
                          ? t('numbering.history.hide')
                          : `${t('numbering.history.details')} (${version.issues.length})`}
                      </Button>
                    )}
                  </td>
                </tr>
                {expanded && (
                  <tr>
                    <td colSpan={8} className="px-2 pt-1 pb-3">
                      <IssueList issues={version.issues} t={t} lang={lang} testId="ported-history-issues" />
                    </td>
                  </tr>
                )}
              </Fragment>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
