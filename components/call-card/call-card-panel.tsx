'use client';

import { useState } from 'react';
import { useFitFrame } from '@/components/admin/use-fit-frame';
import { useB24Frame } from '@/components/bitrix24/frame-provider';
import { useT } from '@/components/shell/use-t';
import { withContentKeys } from '@/components/shell/with-content-keys';
import { formatPhone } from '@/lib/format/format-phone';
import { localizeMessage } from '@/lib/i18n/localize-message';
import { isMessageKey, type MessageKey } from '@/lib/i18n/messages';
import { useCallCard } from './use-call-card';
import { RedialResult } from './redial-result';

/**
 * The call card tab (Bitrix24 gives it a narrow slot, ~400 px): who the client's carrier is and how we know, which
 * line the call takes and why, and a way to call again through another of the manager's lines.
 */
export function CallCardPanel() {
  const t = useT();
  const { lang } = useB24Frame();
  const card = useCallCard();
  const [line, setLine] = useState('');
  useFitFrame();
  const { view, target } = card;
  const decision = view?.decision ?? null;

  if (!view && (card.loading || !target)) {
    return (
      <p data-testid="card-loading" className="p-3 text-sm text-gray-600" role="status">
        {t('card.loading')}
      </p>
    );
  }
  if (!view) {
    return (
      <div className="p-3 text-sm">
        <p data-testid="card-error" role="alert" className="text-red-700">
          {t('card.loadFailed')}: {card.loadError && localizeMessage(card.loadError, lang)}
        </p>
        <button type="button" className="mt-2 rounded border px-2 py-1" onClick={card.reload}>
          {t('card.refresh')}
        </button>
      </div>
    );
  }

  return (
    <main data-testid="call-card" className="w-full max-w-[420px] space-y-3 p-3 text-sm" aria-busy={card.loading}>
      {card.loadError ? (
        <p data-testid="card-error" role="alert" className="text-red-700">
          {localizeMessage(card.loadError, lang)}
        </p>
      ) : null}
      {!decision ? (
        <p data-testid="card-no-number" className="text-gray-600">
          {t('card.noNumber')}
        </p>
      ) : (
        <>
          <section>
            <h2 className="text-xs uppercase text-gray-500">{t('card.carrier')}</h2>
            <p>
              <span data-testid="card-carrier" className="text-base font-semibold">
                {decision.carrier?.brand ?? t('card.unknownCarrier')}
              </span>
              {decision.carrier ? (
                <span
                  data-testid="card-carrier-source"
                  data-source={decision.carrier.source}
                  className="ml-2 rounded bg-gray-100 px-1.5 py-0.5 text-xs"
                >
                  {t(`card.source.${decision.carrier.source}`)}
                </span>
              ) : null}
            </p>
            <p className="text-xs text-gray-500">{formatPhone(decision.number)}</p>
          </section>
          <section>
            <h2 className="text-xs uppercase text-gray-500">
              {view.journal?.direction === 'inbound' ? t('card.callbackTrunk') : t('card.trunk')}
            </h2>
            <p>
              <span data-testid="card-trunk" className="text-base font-semibold">
                {decision.trunk?.name ?? t('card.noTrunk')}
              </span>
              {decision.trunk ? (
                <span className="ml-2 text-xs text-gray-600">
                  {decision.onNet ? t('card.onNet') : t('card.offNet')}
                </span>
              ) : null}
            </p>
            <h3 className="mt-1 text-xs text-gray-500">{t('card.why')}</h3>
            <ul data-testid="card-reasons" className="list-disc pl-4 text-xs text-gray-700">
              {withContentKeys(decision.reasons, (reason) => reason).map(({ key, item: reason }) => (
                <li key={key}>{reason}</li>
              ))}
            </ul>
          </section>
        </>
      )}
      {view.journal ? (
        <section data-testid="card-journal" className="rounded border border-gray-200 p-2 text-xs">
          <p className="font-medium">
            {view.journal.direction === 'inbound' ? t('card.journalIncoming') : t('card.journal')}:{' '}
            <span data-testid="card-journal-line">{view.journal.trunkName ?? '—'}</span> · {t('card.status')}{' '}
            {callStatusText(view.journal.status, t)}
            {card.callState ? ` · ${card.callState}` : ''}
          </p>
          {view.journal.reasons.length > 0 ? <p className="text-gray-600">{view.journal.reasons.join('; ')}</p> : null}
          {view.journal.attempts.length > 0 ? (
            <section data-testid="card-attempts">
              <p className="font-medium">{t('card.attempts')}</p>
              <ol className="list-decimal pl-4 text-gray-700">
                {withContentKeys(view.journal.attempts, (attempt) => attempt).map(({ key, item: attempt }) => (
                  <li key={key}>{attempt}</li>
                ))}
              </ol>
            </section>
          ) : null}
          {view.journal.dialExtension ? (
            <p data-testid="card-extension">
              {t('card.extension')}: {view.journal.dialExtension}
            </p>
          ) : null}
          {view.journal.managerText ? (
            <p data-testid="card-callback-text">
              {t('card.callbackText')}: {view.journal.managerText}
            </p>
          ) : null}
        </section>
      ) : card.callState ? (
        <p className="text-xs text-gray-500">{card.callState}</p>
      ) : null}
      {card.callState !== null ? (
        <span data-testid="card-call-state" hidden>
          {card.callState}
        </span>
      ) : null}
      <section className="space-y-2">
        <label className="block">
          <span className="text-xs uppercase text-gray-500">{t('card.line')}</span>
          <select
            data-testid="card-line"
            className="mt-1 block w-full rounded border border-gray-300 px-2 py-1"
            value={line}
            onChange={(event) => setLine(event.target.value)}
          >
            <option value="">{t('card.auto')}</option>
            {view.lines.map((item) => (
              <option key={item.lineNumber} value={item.lineNumber}>
                {item.name}
                {item.busy !== null ? ` · ${t('card.busy')} ${item.busy}/${item.channels}` : ''}
              </option>
            ))}
          </select>
        </label>
        {!view.extension ? (
          <p data-testid="card-no-extension" className="text-xs text-amber-700">
            {t('card.noExtension')}
          </p>
        ) : null}
        <button
          type="button"
          data-testid="card-redial"
          className="w-full rounded bg-blue-600 px-3 py-1.5 font-medium text-white disabled:opacity-50"
          disabled={card.redialling || !decision || !view.extension}
          onClick={() => card.startRedial(line)}
        >
          {card.redialling ? t('card.redialling') : t('card.redial')}
        </button>
        <RedialResult outcome={card.redial} error={card.redialError} />
      </section>
    </main>
  );
}

/** The journal's lifecycle word in the viewer's language; an unexpected value is shown as stored rather than hidden. */
function callStatusText(status: string, t: (key: MessageKey) => string): string {
  const key = `card.status.${status}`;
  return isMessageKey(key) ? t(key) : status;
}
