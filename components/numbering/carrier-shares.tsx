'use client';

import { useState } from 'react';
import { Button, Card } from '@/components/admin/form-controls';
import type { useT } from '@/components/shell/use-t';
import type { Lang } from '@/lib/i18n/lang';
import { formatCount } from '@/lib/format/format-count';
import { formatPercent } from '@/lib/format/format-percent';
import type { CarrierShare } from './numbering-types';

const SHOWN = 10;

const percent = (share: number, lang: Lang) => formatPercent({ share, lang, fractionDigits: share < 0.01 ? 2 : 1 });

/**
 * Who holds how many numbers in the registry in force. A plain bar per carrier is enough to spot a file that is
 * wrong (a big carrier suddenly missing); the long tail of small carriers is folded away until asked for.
 */
export function CarrierShares({
  carriers,
  totalNumbers,
  t,
  lang,
}: {
  carriers: readonly CarrierShare[];
  totalNumbers: number;
  t: ReturnType<typeof useT>;
  lang: Lang;
}) {
  const [all, setAll] = useState(false);
  const shown = all ? carriers : carriers.slice(0, SHOWN);
  const rest = carriers.slice(shown.length);
  const restNumbers = rest.reduce((sum, c) => sum + c.numbers, 0);
  const widest = carriers[0]?.share ?? 1;
  return (
    <Card testId="carrier-shares">
      <div className="flex items-baseline justify-between gap-2">
        <h3 className="text-lg font-semibold text-base-1">{t('numbering.carriers.title')}</h3>
        <span className="text-xs text-base-3">
          {t('numbering.carriers.total')}:{' '}
          <span className="tabular-nums">{formatCount({ value: totalNumbers, lang })}</span>
        </span>
      </div>
      <ul className={`mt-2 flex flex-col gap-1.5 ${all ? 'max-h-96 overflow-y-auto pr-1' : ''}`}>
        {shown.map((carrier) => (
          <li
            key={carrier.inn}
            data-testid="carrier-share"
            data-inn={carrier.inn}
            className="grid grid-cols-[minmax(0,14rem)_minmax(0,1fr)_4.5rem] items-center gap-2 text-sm"
          >
            <span
              className="truncate"
              title={
                `${carrier.name} · ${t('common.inn')} ${carrier.inn} · ${formatCount({ value: carrier.ranges, lang })} ` +
                `${t('numbering.carriers.ranges')}`
              }
            >
              {carrier.brand ?? carrier.name} <span className="text-xs text-base-3">{carrier.inn}</span>
            </span>
            <span
              className="h-3 rounded-2xs bg-base-7"
              title={`${formatCount({ value: carrier.numbers, lang })} ${t('numbering.diff.numbers')}`}
            >
              <span
                className="block h-full rounded-2xs bg-primary"
                style={{ width: `${Math.max(0.5, (carrier.share / widest) * 100)}%` }}
              />
            </span>
            <span className="text-right text-xs tabular-nums text-base-2">{percent(carrier.share, lang)}</span>
          </li>
        ))}
      </ul>
      {rest.length > 0 && (
        <div className="mt-2 flex items-center justify-between gap-2 text-xs text-base-3">
          <span>
            {t('numbering.carriers.others')} ({rest.length}):{' '}
            {percent(totalNumbers ? restNumbers / totalNumbers : 0, lang)}
          </span>
          <Button testId="carrier-shares-all" onClick={() => setAll(true)}>
            {t('numbering.carriers.showAll')}
          </Button>
        </div>
      )}
    </Card>
  );
}
