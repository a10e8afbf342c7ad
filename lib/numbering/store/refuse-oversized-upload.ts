import { getConfig } from '../../config/load-config';
import { AppError } from '../../errors/app-error';

const MEBIBYTE = 1024 * 1024;

/** The most bytes one numbering import reads (NUMBERING_UPLOAD_MAX_MB): an upload, a download or a file from disk. */
export function numberingUploadMaxBytes(): number {
  return getConfig().NUMBERING_UPLOAD_MAX_MB * MEBIBYTE;
}

/**
 * Throws the refusal once a file is known to be over the limit: from its announced size before reading anything, or
 * from the bytes read so far, so a file far over the limit is never read to its end.
 */
export function refuseOversizedUpload(bytes: number, maxBytes: number): void {
  if (bytes <= maxBytes) return;
  const limit = Math.floor(maxBytes / MEBIBYTE) || `${maxBytes} B`;
  throw new AppError(
    'PAYLOAD_TOO_LARGE',
    `Файл больше ${limit} МБ — предела загрузки (NUMBERING_UPLOAD_MAX_MB); ничего не изменено / ` +
      `The file is over the ${limit} MB import limit (NUMBERING_UPLOAD_MAX_MB); nothing was changed.`,
  );
}
