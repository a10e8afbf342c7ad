'use client';

import { useRef, useState } from 'react';
import { useB24Frame } from '@/components/bitrix24/frame-provider';
import { useT } from '@/components/shell/use-t';
import { findKnownCarrier } from '@/lib/numbering/registry';
import type { CarrierGroup } from '@/lib/routing/types';
import { Button, Card, FieldError, TextInput } from './form-controls';
import { SettingsPage } from './settings-page';
import { suggestCarrierGroups } from './suggest-carrier-groups';

/** "Группы операторов": each group's ИНН with the known carrier's name, defaults on request, the MVNO pricing note. */
export function CarrierGroupsEditor() {
  const t = useT();
  const { lang } = useB24Frame();
  const nextId = useRef(1);
  const newId = (key: string) => `new-group-${key}-${Date.now()}-${nextId.current++}`;
  return (
    <SettingsPage title="nav.carrierGroups" intro="groups.intro" owns={['carrierGroups']}>
      {({ settings, fields, update }) => (
        <>
          <p role="note" data-testid="mvno-note" className="rounded-sm bg-orange-tint px-3 py-2 text-sm text-base-1">
            {t('groups.mvnoNote')}
          </p>
          <div className="flex gap-2">
            <Button
              testId="suggest-groups"
              onClick={() =>
                update((d) => {
                  d.carrierGroups = suggestCarrierGroups(d.carrierGroups, lang, newId);
                })
              }
            >
              {t('groups.suggest')}
            </Button>
            <Button
              testId="add-group"
              onClick={() =>
                update((d) => {
                  d.carrierGroups.push({ id: newId('custom'), name: '', inns: [] });
                })
              }
            >
              + {t('groups.add')}
            </Button>
          </div>
          {settings.carrierGroups.length === 0 && (
            <p data-testid="groups-empty" className="text-sm text-base-2">
              {t('groups.none')}
            </p>
          )}
          <div className="grid grid-cols-2 gap-4">
            {settings.carrierGroups.map((group, gi) => (
              <GroupCard
                key={group.id}
                group={group}
                index={gi}
                fields={fields}
                onChange={(change) => update((d) => change(d.carrierGroups[gi]!))}
                onRemove={() =>
                  update((d) => {
                    d.carrierGroups.splice(gi, 1);
                  })
                }
                t={t}
                lang={lang}
              />
            ))}
          </div>
        </>
      )}
    </SettingsPage>
  );
}

type GroupCardProps = {
  group: CarrierGroup;
  index: number;
  fields: Record<string, string>;
  onChange(change: (group: CarrierGroup) => void): void;
  onRemove(): void;
  t: ReturnType<typeof useT>;
  lang: 'ru' | 'en';
};

function GroupCard({ group, index, fields, onChange, onRemove, t, lang }: GroupCardProps) {
  const [inn, setInn] = useState('');
  const typed = inn.trim();
  const known = /^\d{10}$/.test(typed) ? findKnownCarrier(typed) : null;
  const add = () => {
    if (!typed) return;
    onChange((g) => {
      if (!g.inns.includes(typed)) g.inns.push(typed);
    });
    setInn('');
  };
  return (
    <Card testId={`group-${index}`}>
      <div className="flex items-start gap-2">
        <div className="flex-1">
          <TextInput
            label={t('groups.name')}
            testId={`group-${index}-name`}
            value={group.name}
            error={fields[`carrierGroups.${index}.name`]}
            onChange={(v) =>
              onChange((g) => {
                g.name = v;
              })
            }
            className="font-semibold"
          />
          <FieldError path={`carrierGroups.${index}.name`} message={fields[`carrierGroups.${index}.name`]} />
        </div>
        <Button kind="danger" title={t('admin.remove')} testId={`group-${index}-remove`} onClick={onRemove}>
          ✕
        </Button>
      </div>
      <ul className="mt-3 flex flex-col gap-1" data-testid={`group-${index}-inns`}>
        {group.inns.length === 0 && <li className="text-sm text-base-3">{t('groups.empty')}</li>}
        {group.inns.map((value, ii) => {
          const carrier = findKnownCarrier(value);
          const path = `carrierGroups.${index}.inns.${ii}`;
          return (
            <li key={value} data-testid="group-inn" className="text-sm">
              <div className="flex items-center gap-2">
                <span className="font-mono text-base-2">{value}</span>
                <span className="text-base-1">
                  {carrier ? carrier.name[lang] : <span className="text-base-3">{t('groups.unknownCarrier')}</span>}
                </span>
                {carrier?.kind === 'mvno' && (
                  <span className="rounded-2xs bg-blue-tint px-1 text-xs text-primary">MVNO</span>
                )}
                <button
                  type="button"
                  aria-label={`${t('admin.remove')} ${value}`}
                  className="ml-auto text-base-4 hover:text-alert"
                  onClick={() =>
                    onChange((g) => {
                      g.inns.splice(ii, 1);
                    })
                  }
                >
                  ✕
                </button>
              </div>
              <FieldError path={path} message={fields[path]} />
            </li>
          );
        })}
      </ul>
      <div className="mt-3 flex items-center gap-2">
        <div className="w-36">
          <TextInput
            label={t('groups.addInn')}
            placeholder={t('groups.innPlaceholder')}
            testId={`group-${index}-new-inn`}
            value={inn}
            onChange={setInn}
          />
        </div>
        <span className="min-w-0 flex-1 truncate text-sm text-base-2" data-testid={`group-${index}-new-inn-carrier`}>
          {known ? known.name[lang] : typed.length === 10 ? t('groups.unknownCarrier') : ''}
        </span>
        <Button testId={`group-${index}-add-inn`} onClick={add} disabled={!typed}>
          {t('groups.addInn')}
        </Button>
      </div>
    </Card>
  );
}
