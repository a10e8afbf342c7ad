import { AppError } from '../../errors/app-error';

export type ReadUploadBodyOptions = {
  body: ReadableStream<Uint8Array> | null;
  maxBytes: number;
  /** The whole body must have arrived by then (ms), or the upload is refused and the connection dropped. */
  timeoutMs: number;
};

/** A binary upload, refused past maxBytes (413) or past its time (408-like UNAVAILABLE): a PBX cannot hold us up. */
export async function readUploadBody({ body, maxBytes, timeoutMs }: ReadUploadBodyOptions): Promise<Buffer> {
  if (!body) return Buffer.alloc(0);
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new AppError('UNAVAILABLE', 'The recording did not arrive in time')), timeoutMs);
  });
  try {
    for (;;) {
      const { done, value } = await Promise.race([reader.read(), late]);
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes)
        throw new AppError('PAYLOAD_TOO_LARGE', 'error.tooLarge', undefined, { limit: Math.ceil(maxBytes / 1024) });
      chunks.push(value);
    }
    return Buffer.concat(chunks);
  } catch (error) {
    await reader.cancel().catch(() => undefined);
    throw error;
  } finally {
    clearTimeout(timer);
  }
}
