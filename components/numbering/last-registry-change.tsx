'use client';

import { Card } from '@/components/admin/form-controls';
import type { useT } from '@/components/shell/use-t';
import type { Lang } from '@/lib/i18n/lang';
import { formatDateTime } from '@/lib/format/format-date-time';
import { isRegistryDiff, type RegistryVersion } from './numbering-types';
import { RegistryDiffView } from './registry-diff-view';

type LastRegistryChangeProps = {
  history: readonly RegistryVersion[];
  carrierName(inn: string): string;
  t: ReturnType<typeof useT>;
  lang: Lang;
};

/**
 * The newest registry version that went live with something to compare against, and what it changed. After a
 * scheduled download overnight this is what the admin reads in the morning.
 */
export function LastRegistryChange({ history, carrierName, t, lang }: LastRegistryChangeProps) {
  const last = history.find((version) => version.activatedAt !== null && isRegistryDiff(version.diff));
  return (
    <Card testId="last-change">
      <h3 className="text-lg font-semibold text-base-1">{t('numbering.diff.title')}</h3>
      {last && isRegistryDiff(last.diff) ? (
        <>
          <p className="mt-0.5 mb-2 text-xs text-base-3" data-testid="last-change-version">
            {last.kind} · {last.fileName} · #{last.id} · {formatDateTime({ value: last.activatedAt, lang })}
          </p>
          <RegistryDiffView diff={last.diff} carrierName={carrierName} t={t} lang={lang} testId="last-change-diff" />
        </>
      ) : (
        <p className="mt-2 text-sm text-base-3">{t('numbering.diff.none')}</p>
      )}
    </Card>
  );
}
