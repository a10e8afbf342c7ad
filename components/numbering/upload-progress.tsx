'use client';

import type { useT } from '@/components/shell/use-t';
import type { Lang } from '@/lib/i18n/lang';
import { formatBytes } from '@/lib/format/format-bytes';
import { formatCount } from '@/lib/format/format-count';
import type { UploadState } from './use-numbering-upload';

/**
 * One bar for two things happening at once: the browser sending the file and the server checking its rows as they
 * arrive. Half the bar each, so it does not sit at 100 % while a 50 MB file is still being checked. It stays drawn
 * (full) once the import has finished, next to the result.
 */
export function UploadProgress({ state, t, lang }: { state: UploadState; t: ReturnType<typeof useT>; lang: Lang }) {
  if (state.phase === 'idle' || state.phase === 'failed') return null;
  const busy = state.phase !== 'done';
  const total = Math.max(state.total, 1);
  const percent =
    busy && state.phase !== 'activating'
      ? Math.min(99, Math.floor(((state.sent + state.read) / (2 * total)) * 100))
      : 100;
  const phaseKey =
    state.phase === 'done' ? 'numbering.upload.phase.done' : (`numbering.upload.phase.${state.phase}` as const);
  return (
    <div className="mt-3" data-testid="upload-progress" data-phase={state.phase}>
      <div className="flex justify-between gap-2 text-xs text-base-2">
        <span data-testid="upload-phase" className="font-semibold">
          {t(phaseKey)}
        </span>
        <span className="tabular-nums">{percent}%</span>
      </div>
      <div
        role="progressbar"
        aria-label={t('numbering.upload.progress')}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-busy={busy}
        className="mt-1 h-2 overflow-hidden rounded-2xs bg-base-7"
      >
        <div
          className={`h-full transition-[width] ${busy ? 'bg-primary' : 'bg-success'}`}
          style={{ width: `${percent}%` }}
        />
      </div>
      {busy && (
        <p className="mt-1 text-xs text-base-3 tabular-nums">
          {t('numbering.upload.sent')} {formatBytes(state.sent, lang)} / {formatBytes(state.total, lang)} ·{' '}
          {t('numbering.upload.checked')} {formatBytes(state.read, lang)}, {formatCount({ value: state.rows, lang })}{' '}
          {t('numbering.upload.rows')}
        </p>
      )}
    </div>
  );
}
