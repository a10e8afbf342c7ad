'use client';

import { useRef } from 'react';
import { useT } from '@/components/shell/use-t';
import type { MessageKey } from '@/lib/i18n/messages';
import type { SimCaps, Trunk } from '@/lib/routing/types';
import { addTrunk, removeTrunk } from './edit-trunk-list';
import { Button, Card, FieldError, NumberInput, SelectInput, TextInput } from './form-controls';
import { SettingsPage } from './settings-page';
import { SimsOutBanner } from './sims-out-banner';
import { TrunkCallbackUsers } from './trunk-callback-users';
import { TrunkSims } from './trunk-sims';

const capColumns: { key: keyof SimCaps; label: MessageKey }[] = [
  { key: 'callsPerDay', label: 'trunks.callsPerDay' },
  { key: 'minutesPerDay', label: 'trunks.minutesPerDay' },
  { key: 'minutesPerMonth', label: 'trunks.minutesPerMonth' },
  { key: 'minGapSeconds', label: 'trunks.minGap' },
];

/** "Линии и транки": one row per trunk, sized to fit the 1280 px portal frame without a horizontal scrollbar. */
export function TrunksEditor() {
  const t = useT();
  const nextId = useRef(1);
  return (
    <SettingsPage title="nav.trunks" intro="trunks.intro" owns={['trunks', 'defaultTrunkId', 'simHealth']}>
      {({ settings, fields, update }) => {
        const edit = (index: number, change: (trunk: Trunk) => void) => update((draft) => change(draft.trunks[index]!));
        const err = (index: number, path: string) => fields[`trunks.${index}.${path}`];
        return (
          <>
            <SimsOutBanner />
            <Card testId="trunks">
              <table className="w-full table-fixed border-collapse text-sm">
                <colgroup>
                  <col className="w-[11%]" />
                  <col className="w-[10%]" />
                  <col className="w-[9%]" />
                  <col className="w-[11%]" />
                  <col className="w-[5%]" />
                  <col className="w-[7%]" />
                  <col className="w-[7%]" />
                  <col className="w-[7%]" />
                  <col className="w-[6%]" />
                  <col className="w-[7%]" />
                  <col className="w-[7%]" />
                  <col className="w-[4%]" />
                  <col className="w-[5%]" />
                  <col className="w-[4%]" />
                </colgroup>
                <thead>
                  <tr className="border-b border-base-6 text-left align-bottom text-xs font-semibold text-base-3">
                    <th className="px-1 pb-2">{t('trunks.name')}</th>
                    <th className="px-1 pb-2">{t('trunks.lineNumber')}</th>
                    <th className="px-1 pb-2">{t('trunks.dial')}</th>
                    <th className="px-1 pb-2">{t('trunks.carrierGroup')}</th>
                    <th className="px-1 pb-2">{t('trunks.channels')}</th>
                    {capColumns.map((c) => (
                      <th key={c.key} className="px-1 pb-2">
                        {t(c.label)}
                      </th>
                    ))}
                    <th className="px-1 pb-2">{t('trunks.onNet')}</th>
                    <th className="px-1 pb-2">{t('trunks.offNet')}</th>
                    <th className="px-1 pb-2">{t('trunks.enabled')}</th>
                    <th className="px-1 pb-2">{t('trunks.defaultTrunk')}</th>
                    <th className="px-1 pb-2">
                      <span className="sr-only">{t('admin.remove')}</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {settings.trunks.map((trunk, i) => (
                    <tr
                      key={trunk.id}
                      data-testid={`trunk-row-${i}`}
                      data-trunk={trunk.name}
                      className="border-b border-base-7 align-top"
                    >
                      <td className="p-1">
                        <TextInput
                          label={t('trunks.name')}
                          testId={`trunk-${i}-name`}
                          value={trunk.name}
                          error={err(i, 'name')}
                          onChange={(v) =>
                            edit(i, (d) => {
                              d.name = v;
                            })
                          }
                        />
                        <FieldError path={`trunks.${i}.name`} message={err(i, 'name')} />
                      </td>
                      <td className="p-1">
                        <TextInput
                          label={t('trunks.lineNumber')}
                          testId={`trunk-${i}-lineNumber`}
                          placeholder="74950000001"
                          value={trunk.lineNumber}
                          error={err(i, 'lineNumber')}
                          onChange={(v) =>
                            edit(i, (d) => {
                              d.lineNumber = v;
                            })
                          }
                        />
                        <FieldError path={`trunks.${i}.lineNumber`} message={err(i, 'lineNumber')} />
                      </td>
                      <td className="p-1">
                        <TextInput
                          label={t('trunks.dial')}
                          testId={`trunk-${i}-dial`}
                          placeholder="PJSIP/{number}@gw_mts"
                          value={trunk.dial}
                          error={err(i, 'dial')}
                          onChange={(v) =>
                            edit(i, (d) => {
                              d.dial = v;
                            })
                          }
                        />
                        <FieldError path={`trunks.${i}.dial`} message={err(i, 'dial')} />
                      </td>
                      <td className="p-1">
                        <SelectInput
                          label={t('trunks.carrierGroup')}
                          testId={`trunk-${i}-carrierGroup`}
                          value={trunk.carrierGroupId}
                          error={err(i, 'carrierGroupId')}
                          onChange={(v) =>
                            edit(i, (d) => {
                              d.carrierGroupId = v;
                            })
                          }
                        >
                          <option value="">{t('trunks.noGroup')}</option>
                          {settings.carrierGroups.map((g) => (
                            <option key={g.id} value={g.id}>
                              {g.name}
                            </option>
                          ))}
                        </SelectInput>
                        <FieldError path={`trunks.${i}.carrierGroupId`} message={err(i, 'carrierGroupId')} />
                      </td>
                      <td className="p-1">
                        <NumberInput
                          label={t('trunks.channels')}
                          testId={`trunk-${i}-channels`}
                          value={trunk.channels}
                          error={err(i, 'channels')}
                          onChange={(v) =>
                            edit(i, (d) => {
                              d.channels = v ?? 0;
                            })
                          }
                        />
                        <FieldError path={`trunks.${i}.channels`} message={err(i, 'channels')} />
                      </td>
                      {capColumns.map((c) => (
                        <td key={c.key} className="p-1">
                          <NumberInput
                            nullable
                            placeholder="∞"
                            label={t(c.label)}
                            testId={`trunk-${i}-${c.key}`}
                            value={trunk.caps[c.key]}
                            error={err(i, `caps.${c.key}`)}
                            onChange={(v) =>
                              edit(i, (d) => {
                                d.caps[c.key] = v;
                              })
                            }
                          />
                          <FieldError path={`trunks.${i}.caps.${c.key}`} message={err(i, `caps.${c.key}`)} />
                        </td>
                      ))}
                      <td className="p-1">
                        <NumberInput
                          scale={100}
                          label={t('trunks.onNet')}
                          testId={`trunk-${i}-onNet`}
                          value={trunk.tariff.onNetKopecks}
                          error={err(i, 'tariff.onNetKopecks')}
                          onChange={(v) =>
                            edit(i, (d) => {
                              d.tariff.onNetKopecks = v ?? 0;
                            })
                          }
                        />
                        <FieldError path={`trunks.${i}.tariff.onNetKopecks`} message={err(i, 'tariff.onNetKopecks')} />
                      </td>
                      <td className="p-1">
                        <NumberInput
                          scale={100}
                          label={t('trunks.offNet')}
                          testId={`trunk-${i}-offNet`}
                          value={trunk.tariff.offNetKopecks}
                          error={err(i, 'tariff.offNetKopecks')}
                          onChange={(v) =>
                            edit(i, (d) => {
                              d.tariff.offNetKopecks = v ?? 0;
                            })
                          }
                        />
                        <FieldError
                          path={`trunks.${i}.tariff.offNetKopecks`}
                          message={err(i, 'tariff.offNetKopecks')}
                        />
                      </td>
                      <td className="p-1 pt-2 text-center">
                        <input
                          type="checkbox"
                          aria-label={t('trunks.enabled')}
                          data-testid={`trunk-${i}-enabled`}
                          checked={trunk.enabled}
                          onChange={(e) =>
                            edit(i, (d) => {
                              d.enabled = e.target.checked;
                            })
                          }
                          className="size-4 accent-primary"
                        />
                      </td>
                      <td className="p-1 pt-2 text-center">
                        <input
                          type="radio"
                          name="default-trunk"
                          aria-label={`${t('trunks.defaultTrunk')}: ${trunk.name}`}
                          data-testid={`trunk-${i}-default`}
                          checked={settings.defaultTrunkId === trunk.id}
                          onChange={() =>
                            update((d) => {
                              d.defaultTrunkId = trunk.id;
                            })
                          }
                          className="size-4 accent-primary"
                        />
                      </td>
                      <td className="p-1 text-center">
                        <Button
                          kind="danger"
                          title={t('admin.remove')}
                          testId={`trunk-${i}-remove`}
                          onClick={() => update((d) => removeTrunk(d, i))}
                        >
                          ✕
                        </Button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {settings.trunks.length === 0 && (
                <p data-testid="trunks-empty" className="py-3 text-sm text-base-2">
                  {t('trunks.empty')}
                </p>
              )}
              <div className="mt-3 flex items-center justify-between gap-4">
                <Button
                  testId="add-trunk"
                  onClick={() => update((d) => addTrunk(d, `new-trunk-${Date.now()}-${nextId.current++}`))}
                >
                  + {t('trunks.add')}
                </Button>
                <p className="text-xs text-base-3">{t('trunks.capsHint')}</p>
                <p className="text-xs text-base-3" data-testid="trunks-dial-hint">
                  {t('trunks.dialHint')}
                </p>
              </div>
            </Card>
            <Card testId="default-trunk">
              <div className="flex items-center gap-3 text-sm">
                <span className="font-semibold">{t('trunks.defaultTrunk')}:</span>
                <span data-testid="default-trunk-name">
                  {settings.trunks.find((x) => x.id === settings.defaultTrunkId)?.name ?? '—'}
                </span>
                <span className="text-base-3">{t('trunks.defaultHint')}</span>
              </div>
              <FieldError path="defaultTrunkId" message={fields.defaultTrunkId} />
            </Card>
            <TrunkSims settings={settings} fields={fields} update={update} />
            <TrunkCallbackUsers settings={settings} fields={fields} update={update} />
          </>
        );
      }}
    </SettingsPage>
  );
}
