'use client';

import type { useT } from '@/components/shell/use-t';
import { isMessageKey } from '@/lib/i18n/messages';

const tone: Record<string, string> = {
  active: 'bg-green-tint text-success-alt',
  previous: 'bg-blue-tint text-primary',
  archived: 'bg-gray-tint text-base-2',
  rejected: 'bg-red-tint text-alert',
};

/** A version's status as a coloured word, so a rejected upload stands out in a long history. */
export function VersionStatusBadge({ status, t }: { status: string; t: ReturnType<typeof useT> }) {
  const key = `numbering.status.${status}`;
  return (
    <span
      data-testid="version-status"
      data-status={status}
      className={`rounded-2xs px-1.5 py-0.5 text-xs whitespace-nowrap ${tone[status] ?? 'bg-gray-tint text-base-2'}`}
    >
      {isMessageKey(key) ? t(key) : status}
    </span>
  );
}
