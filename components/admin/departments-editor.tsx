'use client';

import { useRef, useState } from 'react';
import { useT } from '@/components/shell/use-t';
import type { DirectoryDepartment } from '@/lib/portals/load-portal-directory';
import type { DepartmentProfile, ProfileKind, RoutingSettings } from '@/lib/routing/types';
import { Button, Card, FieldError, SelectInput, TextInput } from './form-controls';
import { SettingsPage } from './settings-page';
import { SyncDirectoryButton } from './sync-directory-button';
import { useDirectory } from './use-directory';

const kinds: ProfileKind[] = ['sales', 'hr', 'other'];

/**
 * "Отделы": profiles (Sales / HR / other), their Bitrix24 departments, allowed lines and default line; HR's two
 * numbers.
 */
export function DepartmentsEditor() {
  const t = useT();
  const directory = useDirectory();
  const nextId = useRef(1);
  return (
    <SettingsPage title="nav.departments" intro="departments.intro" owns={['profiles']}>
      {({ settings, fields, update }) => (
        <>
          {directory.loaded && directory.departments.length === 0 && (
            <p className="text-sm text-warning">{t('departments.noCache')}</p>
          )}
          <SyncDirectoryButton directory={directory} />
          <div className="flex flex-col gap-4">
            {settings.profiles.map((profile, pi) => (
              <ProfileCard
                key={profile.id}
                profile={profile}
                index={pi}
                settings={settings}
                departments={directory.departments}
                fields={fields}
                t={t}
                onChange={(change) => update((d) => change(d.profiles[pi]!))}
                onRemove={() =>
                  update((d) => {
                    d.profiles.splice(pi, 1);
                  })
                }
              />
            ))}
          </div>
          <div>
            <Button
              testId="add-profile"
              onClick={() =>
                update((d) => {
                  const first = d.trunks[0]?.id ?? '';
                  d.profiles.push({
                    id: `new-profile-${Date.now()}-${nextId.current++}`,
                    kind: 'other',
                    name: '',
                    departmentIds: [],
                    allowedTrunkIds: first ? [first] : [],
                    defaultTrunkId: first,
                  });
                })
              }
            >
              + {t('departments.add')}
            </Button>
          </div>
        </>
      )}
    </SettingsPage>
  );
}

type ProfileCardProps = {
  profile: DepartmentProfile;
  index: number;
  settings: RoutingSettings;
  departments: DirectoryDepartment[];
  fields: Record<string, string>;
  t: ReturnType<typeof useT>;
  onChange(change: (profile: DepartmentProfile) => void): void;
  onRemove(): void;
};

function ProfileCard({ profile, index, settings, departments, fields, t, onChange, onRemove }: ProfileCardProps) {
  const [typedId, setTypedId] = useState('');
  const f = (path: string) => fields[`profiles.${index}.${path}`];
  const nameOf = (id: string) => departments.find((d) => d.id === id)?.name;
  const listed = new Set(departments.map((d) => d.id));
  const extraIds = profile.departmentIds.filter((id) => !listed.has(id));
  const toggle = (list: string[], id: string, on: boolean) =>
    on ? [...new Set([...list, id])] : list.filter((x) => x !== id);
  const hrTrunks = settings.trunks.filter((trunk) => profile.allowedTrunkIds.includes(trunk.id));
  const firstDeptError = Object.entries(fields).find(([k]) => k.startsWith(`profiles.${index}.departmentIds`));

  return (
    <Card testId={`profile-${index}`}>
      <div className="grid grid-cols-[1fr_10rem_auto] items-start gap-3">
        <div>
          <TextInput
            label={t('departments.name')}
            testId={`profile-${index}-name`}
            value={profile.name}
            error={f('name')}
            onChange={(v) =>
              onChange((p) => {
                p.name = v;
              })
            }
            className="font-semibold"
          />
          <FieldError path={`profiles.${index}.name`} message={f('name')} />
        </div>
        <SelectInput
          label={t('departments.kind')}
          testId={`profile-${index}-kind`}
          value={profile.kind}
          onChange={(v) =>
            onChange((p) => {
              p.kind = v as ProfileKind;
            })
          }
        >
          {kinds.map((k) => (
            <option key={k} value={k}>
              {t(`departments.kind.${k}`)}
            </option>
          ))}
        </SelectInput>
        <Button kind="danger" title={t('admin.remove')} testId={`profile-${index}-remove`} onClick={onRemove}>
          ✕
        </Button>
      </div>
      <div className="mt-3 grid grid-cols-3 gap-6 text-sm">
        <fieldset>
          <legend className="mb-1 text-xs font-semibold text-base-3">{t('departments.departments')}</legend>
          {departments.map((d) => (
            <label key={d.id} className="flex items-center gap-2">
              <input
                type="checkbox"
                className="accent-primary"
                data-testid={`profile-${index}-dept-${d.id}`}
                checked={profile.departmentIds.includes(d.id)}
                onChange={(e) =>
                  onChange((p) => {
                    p.departmentIds = toggle(p.departmentIds, d.id, e.target.checked);
                  })
                }
              />
              {d.name} <span className="text-xs text-base-4">#{d.id}</span>
            </label>
          ))}
          {extraIds.map((id) => (
            <label key={id} className="flex items-center gap-2">
              <input
                type="checkbox"
                className="accent-primary"
                checked
                onChange={() =>
                  onChange((p) => {
                    p.departmentIds = toggle(p.departmentIds, id, false);
                  })
                }
              />
              {nameOf(id) ?? `#${id}`}
            </label>
          ))}
          <div className="mt-2 flex gap-2">
            <div className="w-28">
              <TextInput
                label={t('departments.addId')}
                placeholder={t('departments.addId')}
                testId={`profile-${index}-new-dept`}
                value={typedId}
                onChange={setTypedId}
              />
            </div>
            <Button
              testId={`profile-${index}-add-dept`}
              disabled={!typedId.trim()}
              onClick={() => {
                onChange((p) => {
                  p.departmentIds = toggle(p.departmentIds, typedId.trim(), true);
                });
                setTypedId('');
              }}
            >
              +
            </Button>
          </div>
          <FieldError path={firstDeptError?.[0] ?? ''} message={firstDeptError?.[1]} />
        </fieldset>
        <fieldset>
          <legend className="mb-1 text-xs font-semibold text-base-3">{t('departments.allowed')}</legend>
          {settings.trunks.map((trunk) => (
            <label key={trunk.id} className="flex items-center gap-2">
              <input
                type="checkbox"
                className="accent-primary"
                data-testid={`profile-${index}-trunk-${trunk.name}`}
                checked={profile.allowedTrunkIds.includes(trunk.id)}
                onChange={(e) =>
                  onChange((p) => {
                    p.allowedTrunkIds = toggle(p.allowedTrunkIds, trunk.id, e.target.checked);
                  })
                }
              />
              {trunk.name} <span className="text-xs text-base-4">{trunk.lineNumber}</span>
            </label>
          ))}
          <FieldError
            path={`profiles.${index}.allowedTrunkIds`}
            message={
              f('allowedTrunkIds') ??
              Object.entries(fields).find(([k]) => k.startsWith(`profiles.${index}.allowedTrunkIds.`))?.[1]
            }
          />
        </fieldset>
        <div>
          <p className="mb-1 text-xs font-semibold text-base-3">{t('departments.default')}</p>
          <SelectInput
            label={t('departments.default')}
            testId={`profile-${index}-default`}
            value={profile.defaultTrunkId}
            error={f('defaultTrunkId')}
            onChange={(v) =>
              onChange((p) => {
                p.defaultTrunkId = v;
              })
            }
          >
            <option value="">—</option>
            {settings.trunks
              .filter((trunk) => profile.allowedTrunkIds.includes(trunk.id))
              .map((trunk) => (
                <option key={trunk.id} value={trunk.id}>
                  {trunk.name}
                </option>
              ))}
          </SelectInput>
          <FieldError path={`profiles.${index}.defaultTrunkId`} message={f('defaultTrunkId')} />
          {profile.kind === 'hr' && (
            <div
              data-testid={`profile-${index}-hr-numbers`}
              className={`mt-3 rounded-sm px-3 py-2 ${hrTrunks.length === 2 ? 'bg-green-tint' : 'bg-red-tint'}`}
            >
              <p className="font-semibold">
                {t('departments.hrNumbers')} ({hrTrunks.length}/2)
              </p>
              <ul>
                {hrTrunks.map((trunk) => (
                  <li key={trunk.id}>
                    {trunk.name}: <span className="font-mono">{trunk.lineNumber}</span>
                  </li>
                ))}
              </ul>
              <p className="text-xs text-base-2">{t('departments.hrHint')}</p>
            </div>
          )}
        </div>
      </div>
    </Card>
  );
}
