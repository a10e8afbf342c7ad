import { once } from 'node:events';
import { createGzip } from 'node:zlib';

export type GzipWhileReading = {
  /** The same chunks, each also written to the compressor as it passes. */
  readonly chunks: AsyncIterable<Uint8Array>;
  /** The gzip of every chunk that passed; call once they are all read. */
  readonly finish: () => Promise<Buffer>;
  /** Drops the compressor of a file that will not be kept. */
  readonly discard: () => void;
};

/**
 * Compresses a file's bytes as they are read, so an import keeps its copy for the database (a tenth of the size)
 * rather than the raw upload until the end.
 */
export function gzipWhileReading(source: AsyncIterable<Uint8Array>): GzipWhileReading {
  const gzip = createGzip();
  const compressed: Buffer[] = [];
  gzip.on('data', (piece: Buffer) => compressed.push(piece));
  async function* passing(): AsyncIterable<Uint8Array> {
    for await (const chunk of source) {
      gzip.write(chunk);
      yield chunk;
    }
  }
  return {
    chunks: passing(),
    finish: async () => {
      const ended = once(gzip, 'end');
      gzip.end();
      await ended;
      return Buffer.concat(compressed);
    },
    discard: () => gzip.destroy(),
  };
}
