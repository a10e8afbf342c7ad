'use client';

import { useT } from '@/components/shell/use-t';
import type { MessageKey } from '@/lib/i18n/messages';
import { DEFAULT_SIM_HEALTH } from '@/lib/routing/sim-health-defaults';
import type { RoutingSettings, SimHealthThresholds } from '@/lib/routing/types';
import { Card, FieldError, NumberInput } from './form-controls';
import type { RoutingSettingsEditor } from './use-routing-settings';

type TrunkSimsProps = Pick<RoutingSettingsEditor, 'fields' | 'update'> & { settings: RoutingSettings };

const thresholdFields: { key: keyof SimHealthThresholds; label: MessageKey }[] = [
  { key: 'failuresInRow', label: 'sims.failuresInRow' },
  { key: 'shortCallsInRow', label: 'sims.shortCallsInRow' },
  { key: 'shortCallSeconds', label: 'sims.shortCallSeconds' },
];

/** Per line: a dial template per SIM (or none: the gateway picks the port); and when a SIM is taken out of rotation. */
export function TrunkSims({ settings, fields, update }: TrunkSimsProps) {
  const t = useT();
  const health = settings.simHealth ?? DEFAULT_SIM_HEALTH;
  const simError = (i: number) => Object.entries(fields).find(([path]) => path.startsWith(`trunks.${i}.simDials`))?.[1];
  return (
    <Card testId="trunk-sims">
      <h3 className="text-sm font-semibold">{t('sims.title')}</h3>
      <p className="mb-2 text-xs text-base-3">{t('sims.hint')}</p>
      <div className="grid grid-cols-3 gap-2 text-sm">
        {settings.trunks.map((trunk, i) => (
          <label key={trunk.id} className="flex flex-col gap-1">
            <span>
              {trunk.name || '—'} ·{' '}
              <span className="text-base-3">{trunk.simDials?.length ? t('sims.perSim') : t('sims.gatewayPicks')}</span>
            </span>
            <textarea
              aria-label={`${t('sims.templates')}: ${trunk.name}`}
              data-testid={`trunk-${i}-sim-dials`}
              rows={Math.min(Math.max(trunk.channels, 2), 8)}
              value={(trunk.simDials ?? []).join('\n')}
              placeholder={`PJSIP/1#{number}@goip\nPJSIP/2#{number}@goip`}
              onChange={(event) =>
                update((draft) => {
                  draft.trunks[i]!.simDials = event.target.value === '' ? [] : event.target.value.split('\n');
                })
              }
              className="w-full rounded-xs border border-base-5 bg-base-8 px-2 py-1 font-mono text-xs"
            />
            <FieldError path={`trunks.${i}.simDials`} message={simError(i)} />
          </label>
        ))}
      </div>
      <h3 className="mt-4 text-sm font-semibold">{t('sims.health')}</h3>
      <p className="mb-2 text-xs text-base-3">{t('sims.healthHint')}</p>
      <div className="grid grid-cols-3 gap-2 text-sm">
        {thresholdFields.map(({ key, label }) => (
          <label key={key} className="flex flex-col gap-1">
            <span>{t(label)}</span>
            <NumberInput
              label={t(label)}
              testId={`sim-health-${key}`}
              value={health[key]}
              error={fields[`simHealth.${key}`]}
              onChange={(value) =>
                update((draft) => {
                  draft.simHealth = { ...(draft.simHealth ?? DEFAULT_SIM_HEALTH), [key]: value ?? 0 };
                })
              }
            />
            <FieldError path={`simHealth.${key}`} message={fields[`simHealth.${key}`]} />
          </label>
        ))}
      </div>
    </Card>
  );
}
