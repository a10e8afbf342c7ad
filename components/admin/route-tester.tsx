'use client';

import { useEffect, useState } from 'react';
import { useT } from '@/components/shell/use-t';
import { withContentKeys } from '@/components/shell/with-content-keys';
import type { RouteDecision, TrunkChoice } from '@/lib/routing/decide-route';
import type { RoutingSettings } from '@/lib/routing/types';
import { Card, FieldError, SelectInput, TextInput } from './form-controls';
import { localizeMessage } from '@/lib/i18n/localize-message';
import { useAdminApi } from './use-admin-api';
import { useDirectory } from './use-directory';
import { useFitFrame } from './use-fit-frame';

type TestResult = RouteDecision & { reasonsText: string[] };
type Outcome =
  | { kind: 'idle' }
  | { kind: 'running' }
  | { kind: 'done'; result: TestResult }
  | { kind: 'failed'; message: string; field?: string };

/**
 * "Проверка маршрута": number + manager (+ line) → the decision the dialplan and the call card would get, with reasons.
 */
export function RouteTester() {
  const t = useT();
  const { ready, call, lang } = useAdminApi();
  const directory = useDirectory();
  useFitFrame();
  const [trunks, setTrunks] = useState<RoutingSettings['trunks']>([]);
  const [number, setNumber] = useState('');
  const [extension, setExtension] = useState('');
  const [line, setLine] = useState('');
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'idle' });

  useEffect(() => {
    if (!ready) return;
    void call<RoutingSettings>('/api/settings/routing').then((r) => {
      if (r.ok) setTrunks(r.data.trunks);
    });
  }, [ready, call]);

  const run = async () => {
    setOutcome({ kind: 'running' });
    const result = await call<TestResult>('/api/route-test', {
      method: 'POST',
      body: { number, extension: extension || undefined, line: line || undefined, lang },
    });
    setOutcome(
      result.ok
        ? { kind: 'done', result: result.data }
        : { kind: 'failed', message: result.message, field: result.fields.number },
    );
  };
  const managers = directory.users.filter((u) => u.extension);

  return (
    <div className="flex flex-col gap-4" data-testid="route-tester">
      <div>
        <h2 className="text-2xl font-semibold text-base-1">{t('nav.routeTester')}</h2>
        <p className="mt-1 text-sm text-base-2">{t('tester.intro')}</p>
      </div>
      <Card>
        <form
          className="grid grid-cols-[14rem_22rem_16rem_auto] items-end gap-3"
          onSubmit={(e) => {
            e.preventDefault();
            void run();
          }}
        >
          <label className="text-xs font-semibold text-base-3">
            {t('tester.number')}
            <TextInput
              label={t('tester.number')}
              testId="tester-number"
              placeholder="+7 915 123-45-67"
              value={number}
              onChange={setNumber}
              error={outcome.kind === 'failed' ? outcome.field : undefined}
            />
          </label>
          <label className="text-xs font-semibold text-base-3">
            {t('tester.manager')}
            <SelectInput label={t('tester.manager')} testId="tester-manager" value={extension} onChange={setExtension}>
              <option value="">{t('tester.noManager')}</option>
              {managers.map((u) => (
                <option key={u.id} value={u.extension!}>
                  {u.name} — {u.extension}
                </option>
              ))}
            </SelectInput>
          </label>
          <label className="text-xs font-semibold text-base-3">
            {t('tester.line')}
            <SelectInput label={t('tester.line')} testId="tester-line" value={line} onChange={setLine}>
              <option value="">{t('tester.autoLine')}</option>
              {trunks.map((trunk) => (
                <option key={trunk.id} value={trunk.lineNumber}>
                  {trunk.name} ({trunk.lineNumber})
                </option>
              ))}
            </SelectInput>
          </label>
          <div>
            <button
              type="submit"
              data-testid="tester-run"
              disabled={!ready || !number.trim() || outcome.kind === 'running'}
              className={
                'rounded-xs border border-primary bg-primary px-4 py-1 text-sm font-medium text-base-8 ' +
                'hover:bg-primary-alt disabled:opacity-50'
              }
            >
              {outcome.kind === 'running' ? t('tester.running') : t('tester.run')}
            </button>
          </div>
        </form>
        {outcome.kind === 'failed' && <FieldError path="number" message={outcome.message} />}
      </Card>
      {outcome.kind === 'running' && (
        <p role="status" className="text-base-3">
          {t('tester.running')}
        </p>
      )}
      {outcome.kind === 'done' && <Decision result={outcome.result} t={t} lang={lang} />}
    </div>
  );
}

function trunkLabel(trunk: TrunkChoice): string {
  return `${trunk.name} · ${trunk.lineNumber} · ${trunk.dial}`;
}

function Decision({ result, t, lang }: { result: TestResult; t: ReturnType<typeof useT>; lang: 'ru' | 'en' }) {
  const { carrier, trunk } = result;
  return (
    <Card testId="tester-result">
      <dl className="grid grid-cols-[10rem_1fr] gap-x-4 gap-y-2 text-sm">
        <dt className="text-base-3">{t('tester.trunk')}</dt>
        <dd data-testid="tester-trunk" className="font-semibold">
          {trunk ? trunkLabel(trunk) : <span className="text-alert">{t('tester.none')}</span>}
          {trunk && (
            <span
              data-testid="tester-onnet"
              className={
                `ml-2 rounded-2xs px-1.5 text-xs font-normal ` +
                `${result.onNet ? 'bg-green-tint text-success-alt' : 'bg-gray-tint text-base-2'}`
              }
            >
              {result.onNet ? t('tester.onNet') : t('tester.offNet')}
            </span>
          )}
        </dd>
        <dt className="text-base-3">{t('tester.carrier')}</dt>
        <dd data-testid="tester-carrier">
          {carrier
            ? `${carrier.groupName ?? carrier.operator ?? carrier.inn} (${t('common.inn')} ` +
              `${carrier.inn}${carrier.operator ? `, ${carrier.operator}` : ''}) — ` +
              `${t(`tester.source.${carrier.source}`)}`
            : t('tester.unknownCarrier')}
        </dd>
        <dt className="text-base-3">{t('tester.profile')}</dt>
        <dd data-testid="tester-profile">
          {result.profile
            ? `${result.profile.name} (${t(`departments.kind.${result.profile.kind}`)})`
            : t('tester.noManager')}
        </dd>
        <dt className="text-base-3">{t('tester.fallbacks')}</dt>
        <dd data-testid="tester-fallbacks">
          {result.fallbacks.length ? result.fallbacks.map(trunkLabel).join('; ') : '—'}
        </dd>
        <dt className="text-base-3">{t('tester.reasons')}</dt>
        <dd>
          <ol data-testid="tester-reasons" className="list-decimal pl-5">
            {withContentKeys(result.reasonsText, (text) => text).map(({ key, item: text }) => (
              <li key={key}>{localizeMessage(text, lang)}</li>
            ))}
          </ol>
        </dd>
      </dl>
    </Card>
  );
}
