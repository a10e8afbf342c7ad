'use client';

import { useState } from 'react';
import { Button } from '@/components/admin/form-controls';
import { localizeMessage } from '@/lib/i18n/localize-message';
import type { useT } from '@/components/shell/use-t';
import type { Lang } from '@/lib/i18n/lang';
import { formatCount } from '@/lib/format/format-count';
import { formatElapsed } from '@/lib/format/format-elapsed';
import { decideRetryOffers } from './decide-retry-offers';
import { IssueList } from './issue-list';
import { isPortedDiff, isRegistryDiff, type ImportResult } from './numbering-types';
import { PortedDiffView } from './ported-diff-view';
import { RegistryDiffView } from './registry-diff-view';
import type { UploadOptions } from './use-numbering-upload';

type ImportResultViewProps = {
  result: ImportResult;
  carrierName(inn: string): string;
  t: ReturnType<typeof useT>;
  lang: Lang;
  /** Sends the same file again with the admin's explicit consent (row errors, or a much smaller file). */
  onRetry(options: UploadOptions): void;
};

const tone = {
  activated: 'border-success bg-green-tint',
  unchanged: 'border-base-5 bg-gray-tint',
  rejected: 'border-alert bg-red-tint',
} as const;

/**
 * The outcome of one upload. A refusal must not be mistaken for a partial import, so it says in words that the data in
 * use did not change, gives the server's reason and the issues by line, and offers the two explicit overrides.
 */
export function ImportResultView({ result, carrierName, t, lang, onRetry }: ImportResultViewProps) {
  const [acceptRowErrors, setAcceptRowErrors] = useState(false);
  const [acceptShrink, setAcceptShrink] = useState(false);
  const rejected = result.outcome === 'rejected';
  const offers = decideRetryOffers(result);
  return (
    <div
      data-testid="import-result"
      data-outcome={result.outcome}
      data-type={result.type}
      data-file={result.fileName}
      className={`mt-3 rounded-xs border-l-4 p-3 ${tone[result.outcome]}`}
    >
      <p role={rejected ? 'alert' : 'status'} data-testid="import-outcome" className="font-semibold text-base-1">
        {t(`numbering.result.${result.outcome}`)}
      </p>
      <p className="mt-0.5 text-xs text-base-2">
        {result.fileName} · {t(`numbering.result.type.${result.type}`)} · {t('numbering.result.rows')}:{' '}
        {formatCount({ value: result.rows, lang })}
        {result.rejectedRows > 0 && (
          <>
            {' · '}
            <span className="text-alert">
              {t('numbering.result.rejectedRows')}: {formatCount({ value: result.rejectedRows, lang })}
            </span>
          </>
        )}
        {' · '}
        {formatElapsed(result.ms, lang)}
      </p>
      {result.reason && (
        <p data-testid="import-reason" className="mt-1 text-sm text-base-1">
          {localizeMessage(result.reason, lang)}
        </p>
      )}
      {result.outcome === 'activated' && isRegistryDiff(result.diff) && (
        <div className="mt-2">
          <RegistryDiffView diff={result.diff} carrierName={carrierName} t={t} lang={lang} testId="import-diff" />
        </div>
      )}
      {result.outcome === 'activated' && isPortedDiff(result.diff) && (
        <p className="mt-2">
          <PortedDiffView diff={result.diff} t={t} lang={lang} testId="import-ported-diff" />
        </p>
      )}
      {result.outcome === 'activated' && result.diff === null && result.type === 'registry' && (
        <p className="mt-1 text-sm text-base-2">{t('numbering.diff.first')}</p>
      )}
      {result.issues.length > 0 && (
        <div className="mt-2">
          <p className="mb-1 text-xs font-semibold text-base-3">
            {t('numbering.issues.title')} ({formatCount({ value: result.issueCount, lang })})
          </p>
          <IssueList issues={result.issues} total={result.issueCount} t={t} lang={lang} testId="import-issues" />
        </div>
      )}
      {rejected && !offers.acceptShrink && (
        <p data-testid="import-no-rows" className="mt-3 border-t border-base-5 pt-2 text-sm text-base-2">
          {t('numbering.result.noUsableRows')}
        </p>
      )}
      {rejected && offers.acceptShrink && (
        <div
          className="mt-3 flex flex-wrap items-center gap-x-4 gap-y-2 border-t border-base-5 pt-2 text-sm"
          data-testid="import-retry"
        >
          <span className="text-xs text-base-2">{t('numbering.result.retryHint')}</span>
          {offers.acceptRowErrors && (
            <label className="flex items-center gap-1.5">
              <input type="checkbox" checked={acceptRowErrors} onChange={(e) => setAcceptRowErrors(e.target.checked)} />
              {t('numbering.upload.acceptRowErrors')}
            </label>
          )}
          <label className="flex items-center gap-1.5">
            <input type="checkbox" checked={acceptShrink} onChange={(e) => setAcceptShrink(e.target.checked)} />
            {t('numbering.upload.acceptShrink')}
          </label>
          <Button
            testId="import-retry-run"
            disabled={!acceptRowErrors && !acceptShrink}
            onClick={() => onRetry({ acceptRowErrors, acceptShrink })}
          >
            {t('numbering.result.retry')}
          </Button>
        </div>
      )}
    </div>
  );
}
