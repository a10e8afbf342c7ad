'use client';

import { useT } from '@/components/shell/use-t';
import { SettingSwitchCard } from './setting-switch-card';

/** The admin's recording switch: the PBX records the calls that go into the CRM and sends the files to Bitrix24. */
export function RecordingCard() {
  const t = useT();
  return (
    <SettingSwitchCard
      url="/api/settings/recording"
      field="recordingEnabled"
      title={t('health.recording')}
      label={t('health.recording.enabled')}
      testId="health-recording"
      switchTestId="recording-enabled"
    />
  );
}
