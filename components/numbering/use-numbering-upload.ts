'use client';

import { useCallback, useRef, useState } from 'react';
import { useAdminApi } from '@/components/admin/use-admin-api';
import type { ImportProgress, ImportResult } from './numbering-types';
import { readNdjsonLines, readRemainingNdjson } from './read-ndjson-lines';

/** `operatorToken`: sent as X-Operator-Token; with Bitrix24 app keys only the installation's operator may import. */
export type UploadOptions = { acceptRowErrors: boolean; acceptShrink: boolean; operatorToken?: string };

export type UploadState =
  | { phase: 'idle' }
  /** `sent`: bytes the browser has sent; `read`: bytes the server has parsed (its progress lines), `rows` so far. */
  | {
      phase: 'uploading' | 'reading' | 'activating';
      fileName: string;
      total: number;
      sent: number;
      read: number;
      rows: number;
    }
  | { phase: 'done'; fileName: string; total: number; result: ImportResult }
  | { phase: 'failed'; fileName: string; message: string };

type Sent = { status: number; text: string; token?: string };

const NETWORK_ERROR = 'Нет связи с сервером приложения / The app server is unreachable';
const CANCELLED = 'Загрузка отменена, данные в работе не изменились / Upload cancelled, the data in use did not change';
const NO_RESULT = 'Сервер не сообщил результат импорта / The server sent no import result';

/**
 * Uploads a registry or MNP file with a real progress bar. fetch() reports neither upload progress nor a streamed
 * answer in every browser, so this uses XMLHttpRequest: `upload.onprogress` for the bytes sent, and the server's NDJSON
 * progress lines (read from `responseText` as they arrive) for the rows it has parsed. The request carries the same
 * frame-session headers as every other admin call (useAdminApi.authHeaders), and is repeated once after a 401.
 */
export function useNumberingUpload(onFinished: () => void): {
  state: UploadState;
  upload(file: File, options: UploadOptions): Promise<void>;
  cancel(): void;
} {
  const { authHeaders, refreshAfter401 } = useAdminApi();
  const [state, setState] = useState<UploadState>({ phase: 'idle' });
  const current = useRef<XMLHttpRequest | null>(null);

  const upload = useCallback(
    async (file: File, options: UploadOptions) => {
      const fileName = file.name;
      const total = file.size;
      const url = `/api/numbering/import?${new URLSearchParams({
        fileName,
        acceptRowErrors: options.acceptRowErrors ? '1' : '0',
        acceptShrink: options.acceptShrink ? '1' : '0',
      })}`;
      // Filled by the XHR callbacks (an object, so the narrowing of a `let` does not hide the callbacks' writes).
      const answer: { result: ImportResult | null; failure: string | null } = { result: null, failure: null };

      const send = () =>
        new Promise<Sent>((resolve) => {
          const { headers, token } = authHeaders();
          const xhr = new XMLHttpRequest();
          current.current = xhr;
          let offset = 0;
          let progress = { sent: 0, read: 0, rows: 0, phase: 'uploading' as 'uploading' | 'reading' | 'activating' };
          const show = () =>
            setState({
              phase: progress.phase,
              fileName,
              total,
              sent: progress.sent,
              read: progress.read,
              rows: progress.rows,
            });
          const take = (values: unknown[]) => {
            for (const value of values) {
              const line = value as { progress?: ImportProgress; done?: ImportResult; error?: { message: string } };
              if (line.progress)
                progress = {
                  ...progress,
                  phase: line.progress.phase,
                  read: line.progress.bytesRead,
                  rows: line.progress.rows,
                };
              if (line.done) answer.result = line.done;
              if (line.error) answer.failure = line.error.message;
            }
          };
          xhr.open('POST', url);
          for (const [name, value] of Object.entries(headers)) xhr.setRequestHeader(name, value);
          xhr.setRequestHeader('Content-Type', 'application/octet-stream');
          const operatorToken = options.operatorToken?.trim();
          if (operatorToken) xhr.setRequestHeader('X-Operator-Token', operatorToken);
          xhr.upload.onprogress = (event) => {
            progress = { ...progress, sent: event.loaded };
            show();
          };
          xhr.onprogress = () => {
            if (xhr.status !== 200) return;
            const read = readNdjsonLines(xhr.responseText, offset);
            offset = read.offset;
            take(read.values);
            show();
          };
          xhr.onload = () => {
            if (xhr.status === 200) take(readRemainingNdjson(xhr.responseText, offset));
            resolve({ status: xhr.status, text: xhr.responseText, token });
          };
          xhr.onerror = () => resolve({ status: 0, text: '', token });
          xhr.onabort = () => resolve({ status: -1, text: '', token });
          setState({ phase: 'uploading', fileName, total, sent: 0, read: 0, rows: 0 });
          xhr.send(file);
        });

      let sent = await send();
      if (sent.status === 401 && (await refreshAfter401(sent.token))) sent = await send();
      current.current = null;
      const { result, failure } = answer;
      if (sent.status === 200 && result) setState({ phase: 'done', fileName, total, result });
      else setState({ phase: 'failed', fileName, message: failure ?? messageOf(sent) });
      // A rejected import is recorded in the history too, so the page reloads whatever the outcome.
      if (sent.status > 0) onFinished();
    },
    [authHeaders, refreshAfter401, onFinished],
  );

  const cancel = useCallback(() => current.current?.abort(), []);

  return { state, upload, cancel };
}

function messageOf(sent: Sent): string {
  if (sent.status === -1) return CANCELLED;
  if (sent.status === 0) return NETWORK_ERROR;
  if (sent.status === 200) return NO_RESULT;
  try {
    return (JSON.parse(sent.text) as { message?: string }).message ?? `HTTP ${sent.status}`;
  } catch {
    return `HTTP ${sent.status}`;
  }
}
