'use client';

import { useState } from 'react';
import { Button, Card, TextInput } from '@/components/admin/form-controls';
import { localizeMessage } from '@/lib/i18n/localize-message';
import type { useT } from '@/components/shell/use-t';
import type { Lang } from '@/lib/i18n/lang';
import { formatBytes } from '@/lib/format/format-bytes';
import { ImportResultView } from './import-result-view';
import { UploadProgress } from './upload-progress';
import { useNumberingUpload, type UploadOptions } from './use-numbering-upload';

type UploadBoxProps = {
  carrierName(inn: string): string;
  /** Called after every finished upload (a refusal is recorded in the history too). */
  onImported(): void;
  t: ReturnType<typeof useT>;
  lang: Lang;
};

/**
 * One box for every numbering file: registry extracts and MNP exports alike (the server tells them apart by the
 * header), so the admin never has to know which is which. The chosen file stays selected after a refusal, so the
 * "import anyway" choices re-send it without picking it again.
 */
export function UploadBox({ carrierName, onImported, t, lang }: UploadBoxProps) {
  const { state, upload, cancel } = useNumberingUpload(onImported);
  const [file, setFile] = useState<File | null>(null);
  const [operatorToken, setOperatorToken] = useState('');
  const busy = state.phase === 'uploading' || state.phase === 'reading' || state.phase === 'activating';
  const start = (options: UploadOptions) => {
    if (file) void upload(file, { ...options, operatorToken });
  };

  return (
    <Card testId="upload-box">
      <h3 className="text-lg font-semibold text-base-1">{t('numbering.upload.title')}</h3>
      <p className="mt-0.5 text-xs text-base-2">{t('numbering.upload.hint')}</p>
      <div className="mt-3 flex flex-wrap items-center gap-3">
        {/* The native file button speaks the browser's language; this label speaks the portal's. */}
        <label
          className={
            `rounded-xs border border-base-5 bg-base-8 px-3 py-1 text-sm font-medium text-base-1 ` +
            `hover:border-primary hover:text-primary focus-within:border-primary ` +
            `${busy ? 'pointer-events-none opacity-50' : 'cursor-pointer'}`
          }
        >
          {t('numbering.upload.choose')}
          <input
            type="file"
            accept=".csv,.txt,text/csv"
            aria-label={t('numbering.upload.file')}
            data-testid="upload-file"
            disabled={busy}
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
            className="sr-only"
          />
        </label>
        <span data-testid="upload-file-name" className="max-w-64 truncate text-sm text-base-1" title={file?.name}>
          {file ? file.name : <span className="text-base-3">{t('numbering.upload.noFile')}</span>}
        </span>
        {file && <span className="text-xs text-base-3">{formatBytes(file.size, lang)}</span>}
        <Button
          kind="primary"
          testId="upload-start"
          disabled={!file || busy}
          onClick={() => start({ acceptRowErrors: false, acceptShrink: false })}
        >
          {t('numbering.upload.start')}
        </Button>
        {busy && (
          <Button testId="upload-cancel" onClick={cancel}>
            {t('numbering.upload.cancel')}
          </Button>
        )}
      </div>
      <div className="mt-3 max-w-80">
        <TextInput
          type="password"
          label={t('numbering.upload.operatorToken')}
          testId="upload-operator-token"
          placeholder={t('numbering.upload.operatorToken')}
          value={operatorToken}
          onChange={setOperatorToken}
        />
      </div>
      <p className="mt-0.5 text-xs text-base-3">{t('numbering.upload.operatorTokenHint')}</p>
      <UploadProgress state={state} t={t} lang={lang} />
      {state.phase === 'failed' && (
        <p role="alert" data-testid="upload-failed" className="mt-3 text-sm text-alert">
          {t('numbering.upload.failed')}: {localizeMessage(state.message, lang)}
        </p>
      )}
      {state.phase === 'done' && (
        <ImportResultView
          key={`${state.fileName}-${state.result.ms}`}
          result={state.result}
          carrierName={carrierName}
          t={t}
          lang={lang}
          onRetry={start}
        />
      )}
    </Card>
  );
}
