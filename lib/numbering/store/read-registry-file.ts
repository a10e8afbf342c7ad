import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../../errors/app-error';
import { parseRegistryStream, type ParsedRegistryStream } from '../registry';
import { meterByteStream } from './meter-byte-stream';

/** The full ABC+DEF registry is tens of MB; anything far larger is not a registry extract. */
export const MAX_REGISTRY_BYTES = 256 * 1024 * 1024;

export type OpenedFile = { chunks: AsyncIterable<Uint8Array>; totalBytes: number; fileName: string };

/** A local file as a stream of chunks, with the clear errors an admin needs (missing, a directory, absurdly large). */
export async function openFileChunks(filePath: string, maxBytes = MAX_REGISTRY_BYTES): Promise<OpenedFile> {
  const fileName = path.basename(filePath);
  try {
    const info = await stat(filePath);
    if (!info.isFile()) throw new AppError('INVALID_INPUT', `"${filePath}" is not a file.`);
    if (info.size > maxBytes)
      throw new AppError('INVALID_INPUT', `"${fileName}" is ${info.size} bytes; the limit is ${maxBytes}.`);
    return { chunks: createReadStream(filePath, { highWaterMark: 1 << 16 }), totalBytes: info.size, fileName };
  } catch (cause) {
    if (AppError.is(cause)) throw cause;
    const code = (cause as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new AppError('NOT_FOUND', `File not found: ${filePath}`);
    throw new AppError('UNAVAILABLE', `Cannot read ${filePath}: ${(cause as Error).message}`);
  }
}

/** Parses a registry file from disk (the bundled default, a CLI path). */
export async function readRegistryFile(filePath: string): Promise<{ parsed: ParsedRegistryStream; sha256: string }> {
  const { chunks, totalBytes, fileName } = await openFileChunks(filePath);
  const metered = meterByteStream(chunks, { maxBytes: MAX_REGISTRY_BYTES, totalBytes });
  const parsed = await parseRegistryStream(metered.chunks, { fileName, totalBytes });
  return { parsed, sha256: metered.sha256() };
}
