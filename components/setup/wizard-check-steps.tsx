'use client';

import { useState } from 'react';
import { Button, SelectInput, TextInput } from '@/components/admin/form-controls';
import { useAdminApi } from '@/components/admin/use-admin-api';
import { useB24Frame } from '@/components/bitrix24/frame-provider';
import { PbxCheckPanel } from '@/components/health/pbx-check-panel';
import { localizeMessage } from '@/lib/i18n/localize-message';
import type { SetupTestCallResult } from '@/lib/setup/place-setup-test-call';
import type { WizardStepProps } from './wizard-types';

/** Step 7: the PBX self-check and the install kit to paste, both from the saved settings. */
export function WizardCheckStep({ t, saved }: WizardStepProps) {
  const { call, lang } = useAdminApi();
  const [flavour, setFlavour] = useState<'asterisk' | 'freepbx'>('asterisk');
  const [kit, setKit] = useState<string | null>(null);
  const show = async () => {
    const result = await call<{ kits: Array<{ pbx: string; text: string }> }>(`/api/pbx-kit?flavour=${flavour}`);
    setKit(result.ok ? result.data.kits.map((k) => k.text).join('\n') : localizeMessage(result.message, lang));
  };
  return (
    <div className="flex flex-col gap-3">
      {!saved && <p className="text-sm text-warning">{t('wizard.check.saveFirst')}</p>}
      <PbxCheckPanel />
      <h4 className="font-semibold">{t('wizard.check.kit')}</h4>
      <div className="flex items-center gap-2">
        <SelectInput
          testId="wizard-kit-flavour"
          label={t('wizard.check.kit')}
          value={flavour}
          className="w-40"
          onChange={(value) => setFlavour(value === 'freepbx' ? 'freepbx' : 'asterisk')}
        >
          <option value="asterisk">Asterisk</option>
          <option value="freepbx">FreePBX</option>
        </SelectInput>
        <Button testId="wizard-kit-show" onClick={() => void show()}>
          {t('wizard.check.showKit')}
        </Button>
      </div>
      {kit !== null && (
        <pre data-testid="wizard-kit" className="max-h-96 overflow-auto rounded-xs bg-base-7 p-2 text-xs">
          {kit}
        </pre>
      )}
    </div>
  );
}

/** Step 8: a real call — the admin's desk phone, then their own mobile through the line they decided on. */
export function WizardTestStep({ settings, t, saved }: WizardStepProps) {
  const { call, lang } = useAdminApi();
  const { status } = useB24Frame();
  const defaultName = settings.trunks.find((trunk) => trunk.id === settings.defaultTrunkId)?.name ?? '';
  const [form, setForm] = useState({ number: '', extension: '', line: defaultName });
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const place = async () => {
    setBusy(true);
    const body = { number: form.number, line: form.line || defaultName, extension: form.extension || undefined };
    const result = await call<SetupTestCallResult>('/api/setup/test-call', { method: 'POST', body });
    setBusy(false);
    if (!result.ok) return setOutcome({ ok: false, text: localizeMessage(result.message, lang) });
    const data = result.data;
    setOutcome(
      data.outcome === 'placed'
        ? { ok: true, text: t('wizard.test.placed', { line: data.line ?? body.line }) }
        : { ok: false, text: t('wizard.test.failed', { message: localizeMessage(data.message, lang) }) },
    );
  };
  return (
    <div className="flex flex-col gap-2">
      {!saved && <p className="text-sm text-warning">{t('wizard.check.saveFirst')}</p>}
      <p className="text-sm text-base-2">{t('wizard.test.hint')}</p>
      <div className="flex items-center gap-2">
        <TextInput
          testId="wizard-test-number"
          label={t('wizard.test.number')}
          placeholder={t('wizard.test.number')}
          className="w-56"
          value={form.number}
          onChange={(number) => setForm({ ...form, number })}
        />
        {status !== 'frame' && (
          <TextInput
            testId="wizard-test-extension"
            label={t('wizard.test.extension')}
            placeholder={t('wizard.test.extension')}
            className="w-40"
            value={form.extension}
            onChange={(extension) => setForm({ ...form, extension })}
          />
        )}
        <SelectInput
          testId="wizard-test-line"
          label={t('wizard.test.line')}
          value={form.line || defaultName}
          className="w-48"
          onChange={(line) => setForm({ ...form, line })}
        >
          {settings.trunks.map((trunk) => (
            <option key={trunk.id} value={trunk.name}>
              {trunk.name}
            </option>
          ))}
        </SelectInput>
        <Button
          kind="primary"
          testId="wizard-test-call"
          disabled={busy || !saved || !form.number.trim()}
          onClick={() => void place()}
        >
          {t('wizard.test.call')}
        </Button>
      </div>
      {outcome && (
        <p
          role="status"
          data-testid="wizard-test-result"
          data-ok={outcome.ok}
          className={outcome.ok ? 'text-success-alt' : 'text-alert'}
        >
          {outcome.text}
        </p>
      )}
    </div>
  );
}
