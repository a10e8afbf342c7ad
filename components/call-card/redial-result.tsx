'use client';

import { useB24Frame } from '@/components/bitrix24/frame-provider';
import { useT } from '@/components/shell/use-t';
import { localizeMessage } from '@/lib/i18n/localize-message';
import type { RedialOutcome } from '@/lib/calls/card/redial-from-card';

/** What the last "call again" did: placed on a line, refused (with why), or routed but not taken by the PBX. */
export function RedialResult({ outcome, error }: { outcome: RedialOutcome | null; error: string | null }) {
  const t = useT();
  const { lang } = useB24Frame();
  // Server texts come as "Русский / English": the card shows the reader's half.
  if (error)
    return (
      <p data-testid="card-redial-error" role="alert" className="text-xs text-red-700">
        {localizeMessage(error, lang)}
      </p>
    );
  if (!outcome) return null;
  const trunk = outcome.decision.trunk?.name ?? t('card.noTrunk');
  const tone = outcome.outcome === 'placed' ? 'border-green-300 bg-green-50' : 'border-amber-300 bg-amber-50';
  const title =
    outcome.outcome === 'placed'
      ? t('card.placed')
      : outcome.outcome === 'refused'
        ? t('card.refused')
        : outcome.outcome === 'noLine'
          ? t('card.noTrunk')
          : t('card.notPlaced');
  return (
    <div
      data-testid="card-redial-result"
      data-outcome={outcome.outcome}
      role="status"
      className={`rounded border p-2 text-xs ${tone}`}
    >
      <p className="font-medium">{title}</p>
      {outcome.outcome !== 'refused' ? (
        <p>
          {t('card.trunk')}: <span data-testid="card-redial-trunk">{trunk}</span>
        </p>
      ) : null}
      {outcome.outcome !== 'refused' && outcome.decision.reasons.length > 0 ? (
        <p data-testid="card-redial-why" className="text-gray-600">
          {outcome.decision.reasons.join('; ')}
        </p>
      ) : null}
      {'message' in outcome && outcome.message ? (
        <p data-testid="card-redial-message">{localizeMessage(outcome.message, lang)}</p>
      ) : null}
    </div>
  );
}
