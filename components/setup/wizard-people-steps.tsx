'use client';

import Link from 'next/link';
import { useState } from 'react';
import { Button, SelectInput } from '@/components/admin/form-controls';
import { suggestCarrierGroups } from '@/components/admin/suggest-carrier-groups';
import { useAdminApi } from '@/components/admin/use-admin-api';
import { useDirectory } from '@/components/admin/use-directory';
import { localizeMessage } from '@/lib/i18n/localize-message';
import type { ListsDocument } from '@/lib/lists/load-lists';
import { applyDepartmentChoice, linkLinesToGroups } from './apply-wizard-choices';
import { newId } from './wizard-lines-steps';
import type { WizardStepProps } from './wizard-types';

/** Step 3: the registry's carrier groups, with the lines already added joining theirs (lines may come later too). */
export function WizardGroupsStep({ settings, apply, t, lang }: WizardStepProps) {
  return (
    <div className="flex flex-col gap-3">
      <p className="text-sm text-base-2">{t('wizard.groups.hint')}</p>
      <div>
        <Button
          kind="primary"
          testId="wizard-groups-fill"
          onClick={() =>
            apply((s) => linkLinesToGroups({ ...s, carrierGroups: suggestCarrierGroups(s.carrierGroups, lang, newId) }))
          }
        >
          {t('wizard.groups.fill')}
        </Button>
      </div>
      {settings.carrierGroups.length === 0 ? (
        <p data-testid="wizard-groups-empty">{t('wizard.groups.none')}</p>
      ) : (
        <ul className="flex flex-col gap-1" data-testid="wizard-groups">
          {settings.carrierGroups.map((group) => (
            <li key={group.id} className="flex gap-3">
              <span className="w-32 font-semibold">{group.name}</span>
              <span className="text-sm text-base-2">{t('wizard.groups.inns', { count: group.inns.length })}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** Step 4: Sales and HR from Bitrix24's departments, and HR's two numbers (two lines of its own). */
export function WizardDepartmentsStep({ settings, apply, t }: WizardStepProps) {
  const directory = useDirectory();
  const [syncError, setSyncError] = useState<string | null>(null);
  const { lang } = useAdminApi();
  const sales = settings.profiles.find((p) => p.kind === 'sales');
  const hr = settings.profiles.find((p) => p.kind === 'hr');
  const choice = {
    salesDepartmentId: sales?.departmentIds[0] ?? '',
    hrDepartmentId: hr?.departmentIds[0] ?? '',
    hrTrunkIds: [hr?.allowedTrunkIds[0] ?? '', hr?.allowedTrunkIds[1] ?? ''] as [string, string],
    names: { sales: t('wizard.departments.salesName'), hr: 'HR' },
  };
  const choose = (change: Partial<typeof choice>) => apply((s) => applyDepartmentChoice(s, { ...choice, ...change }));
  const departmentSelect = (testId: string, label: string, value: string, onChange: (id: string) => void) => (
    <label className="flex items-center gap-2">
      <span className="w-48">{label}</span>
      <SelectInput testId={testId} label={label} value={value} onChange={onChange} className="w-72">
        <option value="">{t('wizard.departments.pick')}</option>
        {directory.departments.map((d) => (
          <option key={d.id} value={d.id}>
            {d.name}
          </option>
        ))}
      </SelectInput>
    </label>
  );
  const lineSelect = (testId: string, label: string, index: 0 | 1) => (
    <label className="flex items-center gap-2">
      <span className="w-48">{label}</span>
      <SelectInput
        testId={testId}
        label={label}
        value={choice.hrTrunkIds[index]}
        className="w-72"
        onChange={(id) => {
          const hrTrunkIds: [string, string] = [...choice.hrTrunkIds];
          hrTrunkIds[index] = id;
          choose({ hrTrunkIds });
        }}
      >
        <option value="">{t('wizard.departments.pick')}</option>
        {settings.trunks.map((trunk) => (
          <option key={trunk.id} value={trunk.id}>
            {trunk.name}
          </option>
        ))}
      </SelectInput>
    </label>
  );
  return (
    <div className="flex flex-col gap-2">
      <div className="flex items-center gap-3">
        <Button testId="wizard-departments-sync" onClick={() => void directory.sync().then(setSyncError)}>
          {t('wizard.departments.sync')}
        </Button>
        <span className="text-sm text-base-2" data-testid="wizard-departments-count">
          {t('wizard.departments.count', { count: directory.departments.length })}
        </span>
        {syncError && <span className="text-sm text-alert">{localizeMessage(syncError, lang)}</span>}
      </div>
      {departmentSelect('wizard-sales-department', t('wizard.departments.sales'), choice.salesDepartmentId, (id) =>
        choose({ salesDepartmentId: id }),
      )}
      {departmentSelect('wizard-hr-department', t('wizard.departments.hr'), choice.hrDepartmentId, (id) =>
        choose({ hrDepartmentId: id }),
      )}
      {lineSelect('wizard-hr-line-1', t('wizard.departments.hrLine1'), 0)}
      {lineSelect('wizard-hr-line-2', t('wizard.departments.hrLine2'), 1)}
    </div>
  );
}

/** Step 5: the line for landlines, foreign numbers and unknown carriers. */
export function WizardDefaultLineStep({ settings, update, t }: WizardStepProps) {
  return (
    <label className="flex items-center gap-2">
      <span className="w-48">{t('setup.step.defaultLine')}</span>
      <SelectInput
        testId="wizard-default-line"
        label={t('setup.step.defaultLine')}
        value={settings.defaultTrunkId}
        className="w-72"
        onChange={(id) => update((draft) => void (draft.defaultTrunkId = id))}
      >
        <option value="">{t('wizard.departments.pick')}</option>
        {settings.trunks.map((trunk) => (
          <option key={trunk.id} value={trunk.id}>
            {trunk.name}
          </option>
        ))}
      </SelectInput>
    </label>
  );
}

/** Step 6: an offer, not a must: whitelist the Sales department so its calls are registered in Bitrix24. */
export function WizardWhitelistStep({ settings, t }: WizardStepProps) {
  const { call, lang } = useAdminApi();
  const [outcome, setOutcome] = useState<string | null>(null);
  const salesDepartment = settings.profiles.find((p) => p.kind === 'sales')?.departmentIds[0];
  const addSales = async () => {
    const lists = await call<ListsDocument>('/api/settings/lists');
    if (!lists.ok || !salesDepartment) return setOutcome(lists.ok ? '' : localizeMessage(lists.message, lang));
    const entries = lists.data.whitelistDepartments;
    if (!entries.some((entry) => entry.value === salesDepartment)) entries.push({ value: salesDepartment, note: '' });
    const saved = await call<ListsDocument>('/api/settings/lists', { method: 'PUT', body: lists.data });
    setOutcome(saved.ok ? t('wizard.whitelist.added') : localizeMessage(saved.message, lang));
  };
  return (
    <div className="flex flex-col gap-2">
      <p className="text-sm text-base-2">{t('wizard.whitelist.hint')}</p>
      <div className="flex items-center gap-3">
        <Button testId="wizard-whitelist-sales" disabled={!salesDepartment} onClick={() => void addSales()}>
          {t('wizard.whitelist.addSales')}
        </Button>
        <Link className="text-sm text-primary underline" href="/admin/lists">
          {t('wizard.whitelist.edit')}
        </Link>
      </div>
      {outcome && (
        <p role="status" data-testid="wizard-whitelist-status">
          {outcome}
        </p>
      )}
    </div>
  );
}
