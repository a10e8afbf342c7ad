import { detectNumberingFile, peekChunks } from './detect-numbering-file';
import { importPortedFile, type ImportPortedResult } from './import-ported-file';
import type { ImportFileOptions } from './import-policy';
import { importRegistryFile, type ImportRegistryResult } from './import-registry-file';

export type NumberingImportResult = ({ type: 'registry' } & ImportRegistryResult) | ({ type: 'ported' } & ImportPortedResult);

export type ImportNumberingFileOptions = ImportFileOptions;

/** One entry point for the CLI and the upload box: a registry extract or an MNP export, told apart by its header. */
export async function importNumberingFile(options: ImportNumberingFileOptions): Promise<NumberingImportResult> {
  const { head, chunks } = await peekChunks(options.chunks);
  if (detectNumberingFile(head) === 'ported') return { type: 'ported', ...(await importPortedFile({ ...options, chunks })) };
  return { type: 'registry', ...(await importRegistryFile({ ...options, chunks })) };
}
