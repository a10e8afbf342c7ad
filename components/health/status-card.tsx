import type { ReactNode } from 'react';

type StatusCardProps = { title: string; ok: boolean; testId: string; children: ReactNode };

/** A Bitrix24-style card with a coloured status dot; the dot's meaning is repeated in text for screen readers. */
export function StatusCard({ title, ok, testId, children }: StatusCardProps) {
  return (
    <article className="rounded-lg bg-base-8 p-4 shadow-sm" data-testid={testId} data-ok={ok}>
      <h3 className="mb-2 flex items-center gap-2 text-lg font-semibold text-base-1">
        <span aria-hidden className={`inline-block size-2.5 rounded-full ${ok ? 'bg-success' : 'bg-alert'}`} />
        {title}
        <span className="sr-only">{ok ? 'OK' : 'problem'}</span>
      </h3>
      <div className="text-sm text-base-2">{children}</div>
    </article>
  );
}
