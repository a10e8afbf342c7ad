'use client';

import { useT } from '@/components/shell/use-t';
import { SettingSwitchCard } from './setting-switch-card';

/** The admin's choice for incoming calls: whether a caller unknown to the CRM becomes a lead (register's CRM_CREATE). */
export function IncomingCrmCard() {
  const t = useT();
  return (
    <SettingSwitchCard
      url="/api/settings/incoming"
      field="crmCreate"
      title={t('health.incoming')}
      label={t('health.incoming.crmCreate')}
      testId="health-incoming"
      switchTestId="incoming-crm-create"
    />
  );
}
