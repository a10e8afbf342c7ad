'use client';

import type { useT } from '@/components/shell/use-t';
import type { Lang } from '@/lib/i18n/lang';
import type { MessageKey } from '@/lib/i18n/messages';
import { formatCount } from '@/lib/format/format-count';
import type { RegistryDiff } from './numbering-types';

type RegistryDiffViewProps = {
  diff: RegistryDiff;
  carrierName(inn: string): string;
  t: ReturnType<typeof useT>;
  lang: Lang;
  testId?: string;
};

const counts: { key: keyof Omit<RegistryDiff, 'topMoves'>; label: MessageKey }[] = [
  { key: 'rangesChangedCarrier', label: 'numbering.diff.rangesChangedCarrier' },
  { key: 'numbersChangedCarrier', label: 'numbering.diff.numbersChangedCarrier' },
  { key: 'rangesAdded', label: 'numbering.diff.rangesAdded' },
  { key: 'rangesRemoved', label: 'numbering.diff.rangesRemoved' },
  { key: 'numbersAdded', label: 'numbering.diff.numbersAdded' },
  { key: 'numbersRemoved', label: 'numbering.diff.numbersRemoved' },
];

/**
 * What a new registry version changed, in the terms an admin checks before trusting it: how many ranges and numbers
 * moved to another carrier and between whom. A file that moves half of Moscow to one MVNO is visible at a glance.
 */
export function RegistryDiffView({ diff, carrierName, t, lang, testId = 'registry-diff' }: RegistryDiffViewProps) {
  return (
    <div data-testid={testId} className="flex flex-col gap-2">
      <dl className="grid grid-cols-[auto_auto_auto_auto] gap-x-4 gap-y-1 text-sm">
        {counts.map(({ key, label }) => (
          <div key={key} className="contents">
            <dt className="text-base-3">{t(label)}</dt>
            <dd
              data-testid={`diff-${key}`}
              className={
                `text-right tabular-nums ` +
                `${diff[key] > 0 && key.includes('Changed') ? 'font-semibold text-base-1' : ''}`
              }
            >
              {formatCount({ value: diff[key], lang })}
            </dd>
          </div>
        ))}
      </dl>
      {diff.topMoves.length > 0 && (
        <div>
          <p className="text-xs font-semibold text-base-3">{t('numbering.diff.topMoves')}</p>
          <ul data-testid="diff-top-moves" className="mt-0.5 text-sm">
            {diff.topMoves.map((move) => (
              <li key={`${move.fromInn}>${move.toInn}`} data-testid="diff-move">
                {carrierName(move.fromInn)} <span className="text-xs text-base-3">({move.fromInn})</span> →{' '}
                {carrierName(move.toInn)} <span className="text-xs text-base-3">({move.toInn})</span>:{' '}
                <span className="tabular-nums">{formatCount({ value: move.numbers, lang })}</span>{' '}
                {t('numbering.diff.numbers')}
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
