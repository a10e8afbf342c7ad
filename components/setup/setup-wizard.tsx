'use client';

import { useCallback, useEffect, useState } from 'react';
import { Button, Card } from '@/components/admin/form-controls';
import { SettingsHeader } from '@/components/admin/settings-header';
import { useAdminApi } from '@/components/admin/use-admin-api';
import { useFitFrame } from '@/components/admin/use-fit-frame';
import { useRoutingSettings } from '@/components/admin/use-routing-settings';
import { localizeMessage } from '@/lib/i18n/localize-message';
import { type MessageKey, translate } from '@/lib/i18n/messages';
import type { RoutingSettings } from '@/lib/routing/types';
import { WizardCheckStep, WizardTestStep } from './wizard-check-steps';
import { WizardLinesStep, WizardPbxStep } from './wizard-lines-steps';
import {
  WizardDefaultLineStep,
  WizardDepartmentsStep,
  WizardGroupsStep,
  WizardWhitelistStep,
} from './wizard-people-steps';
import { wizardStepOfField } from './wizard-step-of-field';
import type { Discovery, WizardStepProps } from './wizard-types';

const STEPS = ['pbx', 'lines', 'groups', 'departments', 'defaultLine', 'whitelist', 'check', 'test'] as const;
type StepId = (typeof STEPS)[number];

/**
 * The setup wizard: a new portal from the PBX's trunks to a test call, one step at a time. It edits the same routing
 * draft as the lines, groups and departments pages (so the draft survives tab switches and leaving asks first) and
 * saves through the same validated save.
 */
export function SetupWizard() {
  const { ready, call, lang } = useAdminApi();
  const editor = useRoutingSettings();
  const [step, setStep] = useState<StepId>('pbx');
  const [discovery, setDiscovery] = useState<Discovery>(null);
  useFitFrame();
  const t = useCallback(
    (key: MessageKey, params?: Record<string, string | number>) => translate(lang, key, params),
    [lang],
  );

  useEffect(() => {
    if (!ready) return;
    let alive = true;
    void call<NonNullable<Discovery>>('/api/pbx-discover').then((result) => {
      if (alive) setDiscovery(result.ok ? result.data : { pbxes: [], proposals: [] });
    });
    return () => {
      alive = false;
    };
  }, [ready, call]);

  const { settings, update } = editor;
  const apply = useCallback(
    (edit: (draft: RoutingSettings) => RoutingSettings) => update((draft) => Object.assign(draft, edit(draft))),
    [update],
  );
  const index = STEPS.indexOf(step);
  const fieldErrors = Object.entries(editor.fields);

  return (
    <div className="flex flex-col gap-4" data-testid="wizard" data-state={editor.state} data-step={step}>
      <SettingsHeader title="wizard.title" intro="wizard.intro" document={{ ...editor, loaded: settings !== null }} />
      <ol className="flex flex-wrap gap-1" aria-label={t('nav.wizard')}>
        {STEPS.map((id, i) => (
          <li key={id}>
            <button
              type="button"
              data-testid={`wizard-go-${id}`}
              aria-current={id === step ? 'step' : undefined}
              onClick={() => setStep(id)}
              className={`rounded-xs px-2 py-1 text-sm ${
                id === step ? 'bg-primary text-base-8' : 'bg-base-8 text-base-2 hover:text-primary'
              }`}
            >
              {i + 1}. {t(`wizard.step.${id}`)}
            </button>
          </li>
        ))}
      </ol>
      {settings === null ? (
        <p role="status" data-testid="wizard-load-failed">
          {editor.state === 'loadFailed' ? localizeMessage(editor.message ?? '', lang) : t('common.loading')}
        </p>
      ) : (
        <Card testId={`wizard-step-${step}`}>
          <h3 className="mb-3 text-lg font-semibold">{t(`wizard.step.${step}`)}</h3>
          <StepBody
            step={step}
            discovery={discovery}
            props={{ settings, update, apply, t, lang, saved: editor.state === 'clean' || editor.state === 'saved' }}
          />
          {fieldErrors.length > 0 && (
            <ul className="mt-3 text-sm text-alert" data-testid="wizard-errors">
              {fieldErrors.map(([path, message]) => {
                const where = wizardStepOfField(path);
                return (
                  <li key={path}>
                    {t(`wizard.step.${where.step}`)}
                    {where.row === null ? '' : ` ${where.row}`}: {localizeMessage(message, lang)}
                  </li>
                );
              })}
            </ul>
          )}
          <div className="mt-4 flex justify-between">
            <Button testId="wizard-back" disabled={index === 0} onClick={() => setStep(STEPS[index - 1]!)}>
              {t('wizard.back')}
            </Button>
            <Button
              kind="primary"
              testId="wizard-next"
              disabled={index === STEPS.length - 1}
              onClick={() => setStep(STEPS[index + 1]!)}
            >
              {t('wizard.next')}
            </Button>
          </div>
        </Card>
      )}
    </div>
  );
}

function StepBody({ step, discovery, props }: { step: StepId; discovery: Discovery; props: WizardStepProps }) {
  switch (step) {
    case 'pbx':
      return <WizardPbxStep t={props.t} discovery={discovery} />;
    case 'lines':
      return <WizardLinesStep {...props} discovery={discovery} />;
    case 'groups':
      return <WizardGroupsStep {...props} />;
    case 'departments':
      return <WizardDepartmentsStep {...props} />;
    case 'defaultLine':
      return <WizardDefaultLineStep {...props} />;
    case 'whitelist':
      return <WizardWhitelistStep {...props} />;
    case 'check':
      return <WizardCheckStep {...props} />;
    case 'test':
      return <WizardTestStep {...props} />;
  }
}
