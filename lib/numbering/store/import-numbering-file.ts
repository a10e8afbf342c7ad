import { detectNumberingFile, peekChunks } from './detect-numbering-file';
import { importPortedFile, type ImportPortedResult } from './import-ported-file';
import type { ImportFileOptions } from './import-policy';
import { importRegistryFile, type ImportRegistryResult } from './import-registry-file';
import { chunksOf } from './meter-byte-stream';
import { numberingUploadMaxBytes, refuseOversizedUpload } from './refuse-oversized-upload';

export type NumberingImportResult =
  | ({ type: 'registry' } & ImportRegistryResult)
  | ({ type: 'ported' } & ImportPortedResult);

export type ImportNumberingFileOptions = ImportFileOptions;

/**
 * One entry point for the CLI and the upload box (`chunks: request.body`): a registry extract or an MNP export, told
 * apart by its header, read as it arrives and refused past NUMBERING_UPLOAD_MAX_MB (or `maxBytes`).
 */
export async function importNumberingFile(options: ImportNumberingFileOptions): Promise<NumberingImportResult> {
  const maxBytes = options.maxBytes ?? numberingUploadMaxBytes();
  if (options.totalBytes !== undefined) refuseOversizedUpload(options.totalBytes, maxBytes);
  const { head, chunks } = await peekChunks(chunksOf(options.chunks));
  const read = { ...options, chunks, maxBytes };
  if (detectNumberingFile(head) === 'ported') return { type: 'ported', ...(await importPortedFile(read)) };
  return { type: 'registry', ...(await importRegistryFile(read)) };
}
