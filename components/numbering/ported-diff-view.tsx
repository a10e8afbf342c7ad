'use client';

import type { useT } from '@/components/shell/use-t';
import type { Lang } from '@/lib/i18n/lang';
import { formatCount } from '@/lib/format/format-count';
import type { PortedDiff } from './numbering-types';

/** What a ported-numbers upload changed: an increment adds and moves numbers; a full Port_All may also drop some. */
export function PortedDiffView({
  diff,
  t,
  lang,
  testId = 'ported-diff',
}: {
  diff: PortedDiff;
  t: ReturnType<typeof useT>;
  lang: Lang;
  testId?: string;
}) {
  return (
    <span data-testid={testId} className="text-sm">
      {t('numbering.portedDiff.added')}:{' '}
      <span data-testid="ported-diff-added" className="tabular-nums">
        {formatCount({ value: diff.added, lang })}
      </span>
      {' · '}
      {t('numbering.portedDiff.changedOwner')}:{' '}
      <span className="tabular-nums">{formatCount({ value: diff.changedOwner, lang })}</span>
      {' · '}
      {t('numbering.portedDiff.removed')}:{' '}
      <span className="tabular-nums">{formatCount({ value: diff.removed, lang })}</span>
    </span>
  );
}
