import { createHash } from 'node:crypto';
import { refuseOversizedUpload } from './refuse-oversized-upload';

/** The bytes of a file as they arrive: a request body (web stream), a file or download stream, or a generator. */
export type ByteSource = AsyncIterable<Uint8Array> | ReadableStream<Uint8Array>;

export type MeterByteStreamOptions = {
  /** Past this many bytes reading stops and the import is refused. */
  readonly maxBytes: number;
  /** The announced size (Content-Length, file size): over maxBytes, refused before the first byte is read. */
  readonly totalBytes?: number;
};

export type MeteredByteStream = {
  readonly chunks: AsyncIterable<Uint8Array>;
  /** Bytes handed on so far. */
  readonly bytesRead: () => number;
  /** Hex SHA-256 of the bytes handed on: identifies the exact copy imported once the chunks are read to the end. */
  readonly sha256: () => string;
};

/**
 * Counts, hashes and caps the bytes of an import as the parser pulls them. The cap is checked before a chunk is handed
 * on, and the refusal closes the source (a request body is cancelled), so an oversized upload is never read whole.
 */
export function meterByteStream(
  source: ByteSource,
  { maxBytes, totalBytes }: MeterByteStreamOptions,
): MeteredByteStream {
  if (totalBytes !== undefined) refuseOversizedUpload(totalBytes, maxBytes);
  const hash = createHash('sha256');
  let bytes = 0;
  async function* metered(): AsyncIterable<Uint8Array> {
    for await (const chunk of chunksOf(source)) {
      refuseOversizedUpload(bytes + chunk.byteLength, maxBytes);
      bytes += chunk.byteLength;
      hash.update(chunk);
      yield chunk;
    }
  }
  return { chunks: metered(), bytesRead: () => bytes, sha256: () => hash.copy().digest('hex') };
}

/** A web stream as chunks; leaving the loop early (a refusal) cancels it, so nothing more is read. */
export async function* chunksOf(source: ByteSource): AsyncIterable<Uint8Array> {
  if (Symbol.asyncIterator in source) {
    yield* source;
    return;
  }
  const reader = source.getReader();
  let finished = false;
  try {
    for (;;) {
      const step = await reader.read();
      if (step.done) {
        finished = true;
        return;
      }
      yield step.value;
    }
  } finally {
    if (!finished) await reader.cancel().catch(() => undefined);
    reader.releaseLock();
  }
}
