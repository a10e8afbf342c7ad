'use client';

import { translate, type MessageKey } from '@/lib/i18n/messages';
import { useB24Frame } from './frame-provider';

const labels: Record<ReturnType<typeof useB24Frame>['status'], MessageKey> = {
  loading: 'frame.loading',
  frame: 'frame.connected',
  standalone: 'frame.standalone',
  error: 'frame.error',
};

const tones = {
  loading: 'text-base-3',
  frame: 'text-success-alt',
  standalone: 'text-warning',
  error: 'text-alert',
} as const;

/**
 * A one-line badge telling whether the app runs inside a portal, standalone, or failed to connect. Standalone, it says
 * what the pages can do: an installation without Bitrix24 app keys runs its local portal from here (`localMode`), one
 * with keys shows portal settings only inside Bitrix24.
 */
export function FrameStatus({ localMode = false }: { localMode?: boolean }) {
  const { status, lang, memberId, error } = useB24Frame();
  const label = status === 'standalone' && localMode ? 'frame.standaloneLocal' : labels[status];
  return (
    <p
      data-testid="frame-status"
      data-status={status}
      role="status"
      className={`text-sm ${tones[status]}`}
      title={error}
    >
      {translate(lang, label)}
      {status === 'frame' && memberId ? ` · ${memberId}` : null}
    </p>
  );
}
