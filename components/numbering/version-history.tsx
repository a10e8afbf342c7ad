'use client';

import { Fragment, useState } from 'react';
import { Button, Card } from '@/components/admin/form-controls';
import type { useT } from '@/components/shell/use-t';
import type { Lang } from '@/lib/i18n/lang';
import { isMessageKey } from '@/lib/i18n/messages';
import { formatCount } from '@/lib/format/format-count';
import { formatDateTime } from '@/lib/format/format-date-time';
import { IssueList } from './issue-list';
import { isRegistryDiff, type RegistryVersion } from './numbering-types';
import { RegistryDiffView } from './registry-diff-view';
import { VersionStatusBadge } from './version-status-badge';

type VersionHistoryProps = {
  versions: readonly RegistryVersion[];
  carrierName(inn: string): string;
  t: ReturnType<typeof useT>;
  lang: Lang;
};

/**
 * Every registry version, newest first: what is in force, what it replaced, and every refused upload with its issues
 * (folded: a rejected 50 MB file can carry 200 of them). Answers "who loaded what, when, and what did it change".
 */
export function VersionHistory({ versions, carrierName, t, lang }: VersionHistoryProps) {
  const [open, setOpen] = useState<number | null>(null);
  const word = (prefix: string, value: string) => {
    const key = `${prefix}.${value}`;
    return isMessageKey(key) ? t(key) : value;
  };
  return (
    <Card testId="version-history">
      <h3 className="text-lg font-semibold text-base-1">{t('numbering.history.title')}</h3>
      {versions.length === 0 ? (
        <p className="mt-2 text-sm text-base-3">{t('numbering.history.empty')}</p>
      ) : (
        <table className="mt-2 w-full table-fixed text-sm">
          <thead>
            <tr className="text-left text-xs text-base-3">
              <th className="w-12 py-1 font-semibold">№</th>
              <th className="w-20 py-1 font-semibold">{t('numbering.files.kind')}</th>
              <th className="w-28 py-1 font-semibold">{t('numbering.history.status')}</th>
              <th className="py-1 font-semibold">{t('numbering.files.name')}</th>
              <th className="w-40 py-1 text-right font-semibold">{t('numbering.history.rows')}</th>
              <th className="w-40 py-1 pl-3 font-semibold">{t('numbering.history.loaded')}</th>
              <th className="w-56 py-1 font-semibold">{t('numbering.history.changes')}</th>
              <th className="w-32 py-1" />
            </tr>
          </thead>
          <tbody>
            {versions.map((version) => {
              const diff = isRegistryDiff(version.diff) ? version.diff : null;
              const expanded = open === version.id;
              return (
                <Fragment key={version.id}>
                  <tr
                    data-testid="history-row"
                    data-version={version.id}
                    data-status={version.status}
                    className="border-t border-base-7 align-top"
                  >
                    <td className="py-1.5 tabular-nums text-base-3">{version.id}</td>
                    <td className="py-1.5">{version.kind}</td>
                    <td className="py-1.5">
                      <VersionStatusBadge status={version.status} t={t} />
                    </td>
                    <td className="truncate py-1.5" title={version.fileName}>
                      {version.fileName}
                      <span className="block text-xs text-base-3">
                        {word('numbering.source', version.source)} · {word('numbering.format', version.format)}
                        {version.encoding ? ` · ${word('numbering.encoding', version.encoding)}` : ''}
                      </span>
                    </td>
                    <td className="py-1.5 text-right tabular-nums">
                      {formatCount({ value: version.rows, lang })}
                      {version.rejectedRows > 0 && (
                        <span className="block text-xs whitespace-nowrap text-alert">
                          {t('numbering.result.rejectedRows')}: {formatCount({ value: version.rejectedRows, lang })}
                        </span>
                      )}
                      {version.warnings > 0 && (
                        <span className="block text-xs whitespace-nowrap text-warning">
                          {t('numbering.history.warnings')}: {formatCount({ value: version.warnings, lang })}
                        </span>
                      )}
                    </td>
                    <td className="py-1.5 pl-3 text-xs">
                      {formatDateTime({ value: version.createdAt, lang })}
                      {version.activatedAt && (
                        <span className="block text-base-3">
                          {t('numbering.history.activated')} {formatDateTime({ value: version.activatedAt, lang })}
                        </span>
                      )}
                    </td>
                    <td className="py-1.5 text-xs text-base-2">
                      {diff
                        ? `${t('numbering.diff.rangesChangedCarrier')}: ` +
                          `${formatCount({ value: diff.rangesChangedCarrier, lang })}; ` +
                          `${t('numbering.diff.numbersChangedCarrier').toLowerCase()}: ` +
                          `${formatCount({ value: diff.numbersChangedCarrier, lang })}`
                        : '—'}
                    </td>
                    <td className="py-1.5 text-right">
                      {(diff || version.issues.length > 0) && (
                        <Button testId="history-toggle" onClick={() => setOpen(expanded ? null : version.id)}>
                          {expanded
                            ? t('numbering.history.hide')
                            : t('numbering.history.details') +
                              (version.issues.length ? ` (${version.issues.length})` : '')}
                        </Button>
                      )}
                    </td>
                  </tr>
                  {expanded && (
                    <tr data-testid="history-details">
                      <td colSpan={8} className="bg-gray-tint/50 px-2 pt-1 pb-3">
                        {diff && (
                          <RegistryDiffView
                            diff={diff}
                            carrierName={carrierName}
                            t={t}
                            lang={lang}
                            testId="history-diff"
                          />
                        )}
                        {version.issues.length > 0 && (
                          <div className="mt-2">
                            <IssueList issues={version.issues} t={t} lang={lang} testId="history-issues" />
                          </div>
                        )}
                      </td>
                    </tr>
                  )}
                </Fragment>
              );
            })}
          </tbody>
        </table>
      )}
    </Card>
  );
}
