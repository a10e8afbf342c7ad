import type { ReactNode } from 'react';

/** null = nothing to check yet (e.g. no PBX configured): neither green nor red. */
type StatusCardProps = { title: string; ok: boolean | null; statusText: string; testId: string; children: ReactNode };

/** A Bitrix24-style card with a coloured status dot; the dot's meaning is repeated in text for screen readers. */
export function StatusCard({ title, ok, statusText, testId, children }: StatusCardProps) {
  const dot = ok === null ? 'bg-base-4' : ok ? 'bg-success' : 'bg-alert';
  return (
    <article className="rounded-lg bg-base-8 p-4 shadow-sm" data-testid={testId} data-ok={ok === null ? 'unset' : ok}>
      <h3 className="mb-2 flex items-center gap-2 text-lg font-semibold text-base-1">
        <span aria-hidden className={`inline-block size-2.5 rounded-full ${dot}`} />
        {title}
        <span className="sr-only">{statusText}</span>
      </h3>
      <div className="text-sm text-base-2">{children}</div>
    </article>
  );
}
