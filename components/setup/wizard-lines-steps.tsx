'use client';

import { useState } from 'react';
import { Button, SelectInput, TextInput } from '@/components/admin/form-controls';
import { addProposedLine } from './apply-wizard-choices';
import type { Discovery, WizardStepProps } from './wizard-types';

let counter = 0;
/** An id the save turns into a row ("new-…" creates one). */
export const newId = (key: string) => `new-wizard-${key}-${Date.now()}-${counter++}`;

/** Step 1: what the PBX answered over AMI, or why it could not, and how to give the app its AMI. */
export function WizardPbxStep({ t, discovery }: Pick<WizardStepProps, 't'> & { discovery: Discovery }) {
  if (discovery === null) return <p role="status">{t('wizard.pbx.searching')}</p>;
  if (discovery.pbxes.length === 0)
    return (
      <p data-testid="wizard-pbx-none">
        {t('wizard.pbx.none')} {t('setup.step.pbx.todo')}
      </p>
    );
  return (
    <ul className="flex flex-col gap-2" data-testid="wizard-pbxes">
      {discovery.pbxes.map((pbx) => {
        const login = pbx.gaps.find((gap) => gap.action === 'Login');
        return (
          <li key={pbx.pbx} data-testid={`wizard-pbx-${pbx.pbx}`}>
            {login ? (
              <p className="text-alert">
                {t('wizard.pbx.notConnected', { pbx: pbx.pbx, message: login.message ?? '' })}{' '}
                {t('setup.step.pbx.todo')}
              </p>
            ) : (
              <p className="font-semibold">{t('wizard.pbx.found', { pbx: pbx.pbx, count: pbx.endpoints.length })}</p>
            )}
            <p className="font-mono text-xs text-base-2" translate="no">
              {pbx.endpoints.map((e) => `${e.technology}/${e.name}`).join(', ')}
            </p>
            {pbx.gaps
              .filter((gap) => gap.reason === 'denied')
              .map((gap) => (
                <p key={gap.action} className="text-sm text-warning" data-testid="wizard-pbx-denied">
                  {t('wizard.pbx.denied')} <code translate="no">{gap.action}</code>
                </p>
              ))}
          </li>
        );
      })}
    </ul>
  );
}

/** Step 2: the proposed lines (accept one or all), a line by hand, and each line's Bitrix24 number. */
export function WizardLinesStep(props: WizardStepProps & { discovery: Discovery }) {
  const { settings, update, apply, t, discovery } = props;
  const [manual, setManual] = useState({ name: '', dial: '' });
  const proposals = discovery?.proposals ?? [];
  const added = (dial: string) => settings.trunks.some((trunk) => trunk.dial === dial);
  return (
    <div className="flex flex-col gap-4">
      <div>
        <h4 className="font-semibold">{t('wizard.lines.proposed')}</h4>
        {proposals.length === 0 && <p className="text-sm text-base-2">{t('wizard.lines.noProposals')}</p>}
        <ul className="flex flex-col gap-1">
          {proposals.map((line, i) => (
            <li key={line.dial} className="flex items-center gap-3" data-testid={`wizard-proposal-${i}`}>
              <span className="w-32">{line.name}</span>
              <span className="flex-1 font-mono text-sm">{line.dial}</span>
              <Button
                testId={`wizard-proposal-${i}-add`}
                disabled={added(line.dial)}
                onClick={() => apply((s) => addProposedLine(s, line, newId(line.carrier)))}
              >
                {t('wizard.lines.add')}
              </Button>
            </li>
          ))}
        </ul>
        {proposals.length > 1 && (
          <Button
            testId="wizard-proposals-add-all"
            onClick={() =>
              apply((s) => proposals.reduce((next, line) => addProposedLine(next, line, newId(line.carrier)), s))
            }
          >
            {t('wizard.lines.addAll')}
          </Button>
        )}
      </div>
      <div className="flex items-center gap-2">
        <span className="w-32 font-semibold">{t('wizard.lines.manual')}</span>
        <TextInput
          testId="wizard-manual-name"
          label={t('wizard.lines.name')}
          placeholder={t('wizard.lines.name')}
          value={manual.name}
          onChange={(name) => setManual({ ...manual, name })}
        />
        <TextInput
          testId="wizard-manual-dial"
          label={t('wizard.lines.dial')}
          placeholder={t('wizard.lines.dial')}
          value={manual.dial}
          onChange={(dial) => setManual({ ...manual, dial })}
        />
        <Button
          testId="wizard-manual-add"
          disabled={!manual.name.trim() || !manual.dial.trim()}
          onClick={() => {
            const line = { name: manual.name.trim(), dial: manual.dial.trim(), carrier: null };
            apply((s) =>
              addProposedLine(s, { ...line, endpoint: { technology: 'PJSIP', name: line.name } }, newId('own')),
            );
            setManual({ name: '', dial: '' });
          }}
        >
          {t('wizard.lines.add')}
        </Button>
      </div>
      {settings.trunks.length === 0 ? (
        <p data-testid="wizard-lines-empty">{t('wizard.lines.none')}</p>
      ) : (
        <ul className="flex flex-col gap-1" data-testid="wizard-lines">
          {settings.trunks.map((trunk, i) => (
            <li key={trunk.id} className="flex items-center gap-2" data-testid={`wizard-line-${i}`}>
              <TextInput
                testId={`wizard-line-${i}-name`}
                label={t('wizard.lines.name')}
                className="w-40"
                value={trunk.name}
                onChange={(name) => update((draft) => void (draft.trunks[i]!.name = name))}
              />
              <TextInput
                testId={`wizard-line-${i}-lineNumber`}
                label={t('wizard.lines.lineNumber')}
                placeholder={t('wizard.lines.lineNumber')}
                className="w-48"
                value={trunk.lineNumber}
                onChange={(lineNumber) => update((draft) => void (draft.trunks[i]!.lineNumber = lineNumber))}
              />
              <span className="flex-1 font-mono text-sm">{trunk.dial}</span>
              <SelectInput
                testId={`wizard-line-${i}-group`}
                label={t('wizard.lines.group')}
                className="w-40"
                value={trunk.carrierGroupId}
                onChange={(id) => update((draft) => void (draft.trunks[i]!.carrierGroupId = id))}
              >
                <option value="">{t('wizard.lines.noGroup')}</option>
                {settings.carrierGroups.map((group) => (
                  <option key={group.id} value={group.id}>
                    {group.name}
                  </option>
                ))}
              </SelectInput>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
