'use client';

import { localizeMessage } from '@/lib/i18n/localize-message';
import { isMessageKey } from '@/lib/i18n/messages';
import type { useT } from '@/components/shell/use-t';
import { withContentKeys } from '@/components/shell/with-content-keys';
import type { Lang } from '@/lib/i18n/lang';
import { formatCount } from '@/lib/format/format-count';
import type { LineIssue } from './numbering-types';

type IssueListProps = {
  issues: readonly LineIssue[];
  /** How many the server found; it sends at most the first 200, and the admin should know there are more. */
  total?: number;
  t: ReturnType<typeof useT>;
  lang: Lang;
  testId?: string;
};

/** A file's problems by line number, so the admin can open the CSV at that line and fix it. */
export function IssueList({ issues, total = issues.length, t, lang, testId = 'issue-list' }: IssueListProps) {
  if (issues.length === 0) return <p className="text-sm text-base-3">{t('numbering.issues.none')}</p>;
  return (
    <div data-testid={testId}>
      <div className="max-h-72 overflow-y-auto rounded-xs border border-base-6">
        <table className="w-full table-fixed text-xs">
          <thead className="sticky top-0 bg-base-7">
            <tr className="text-left text-base-3">
              <th className="w-20 px-2 py-1 font-semibold">{t('numbering.issues.line')}</th>
              <th className="w-32 px-2 py-1 font-semibold">{t('numbering.issues.severity')}</th>
              <th className="w-40 px-2 py-1 font-semibold">{t('numbering.issues.code')}</th>
              <th className="px-2 py-1 font-semibold">{t('numbering.issues.message')}</th>
            </tr>
          </thead>
          <tbody>
            {withContentKeys(issues, (issue) => `${issue.line}-${issue.code}-${issue.message}`).map(
              ({ key, item: issue }) => (
                <tr key={key} data-testid="issue" data-line={issue.line} className="border-t border-base-7 align-top">
                  <td className="px-2 py-1 tabular-nums">{issue.line}</td>
                  <td className={`px-2 py-1 ${issue.severity === 'error' ? 'text-alert' : 'text-warning'}`}>
                    {t(`numbering.issues.${issue.severity}`)}
                  </td>
                  <td className="truncate px-2 py-1 font-mono" title={issue.code}>
                    {issue.code}
                  </td>
                  <td className="px-2 py-1 break-words text-base-2">
                    <IssueText code={issue.code} message={localizeMessage(issue.message, lang)} t={t} lang={lang} />
                  </td>
                </tr>
              ),
            )}
          </tbody>
        </table>
      </div>
      {total > issues.length && (
        <p className="mt-1 text-xs text-base-3">
          {t('numbering.issues.shown')} {formatCount({ value: issues.length, lang })} /{' '}
          {formatCount({ value: total, lang })}
        </p>
      )}
    </div>
  );
}

/**
 * The parser writes one precise English message per row (it names the values). In English the page leads with the
 * code's meaning and keeps that message under it; in Russian it shows the meaning alone (the row number and the
 * line's text beside it locate the problem), the English detail only on hover.
 */
function IssueText({
  code,
  message,
  t,
  lang,
}: {
  code: string;
  message: string;
  t: ReturnType<typeof useT>;
  lang: Lang;
}) {
  const key = `numbering.issueCode.${code}`;
  if (!isMessageKey(key)) return <>{message}</>;
  if (lang === 'ru') return <span title={message}>{t(key)}</span>;
  return (
    <>
      <span className="block">{t(key)}</span>
      <span className="block text-base-3">{message}</span>
    </>
  );
}
