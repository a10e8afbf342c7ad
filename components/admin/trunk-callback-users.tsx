'use client';

import { useT } from '@/components/shell/use-t';
import type { RoutingSettings } from '@/lib/routing/types';
import { Card, FieldError, SelectInput } from './form-controls';
import type { RoutingSettingsEditor } from './use-routing-settings';
import { useDirectory } from './use-directory';

type TrunkCallbackUsersProps = Pick<RoutingSettingsEditor, 'fields' | 'update'> & { settings: RoutingSettings };

/**
 * Per line: who is rung for a CRM-form callback when the CRM client has nobody responsible (the event has no user of
 * its own). Empty = the portal's administrator.
 */
export function TrunkCallbackUsers({ settings, fields, update }: TrunkCallbackUsersProps) {
  const t = useT();
  const { users } = useDirectory();
  return (
    <Card testId="trunk-callback-users">
      <h3 className="text-sm font-semibold">{t('trunks.callbackUser')}</h3>
      <p className="mb-2 text-xs text-base-3">{t('trunks.callbackUserHint')}</p>
      <div className="grid grid-cols-3 gap-2 text-sm">
        {settings.trunks.map((trunk, i) => (
          <label key={trunk.id} className="flex flex-col gap-1">
            <span>{trunk.name || '—'}</span>
            <SelectInput
              label={`${t('trunks.callbackUser')}: ${trunk.name}`}
              testId={`trunk-${i}-callback-user`}
              value={trunk.callbackUserId ?? ''}
              error={fields[`trunks.${i}.callbackUserId`]}
              onChange={(value) =>
                update((draft) => {
                  draft.trunks[i]!.callbackUserId = value || null;
                })
              }
            >
              <option value="">{t('trunks.callbackUserAdmin')}</option>
              {users.map((user) => (
                <option key={user.id} value={user.id}>
                  {user.name}
                  {user.extension ? ` (${user.extension})` : ''}
                </option>
              ))}
            </SelectInput>
            <FieldError path={`trunks.${i}.callbackUserId`} message={fields[`trunks.${i}.callbackUserId`]} />
          </label>
        ))}
      </div>
    </Card>
  );
}
