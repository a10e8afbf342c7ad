import { AppError } from '../errors/app-error';

/**
 * The request body as text, refused with 413 once it passes `maxBytes`: a declared Content-Length over the limit is
 * refused before reading, and a chunked body stops being read at the first chunk past the limit, so a client
 * streaming gigabytes costs us about `maxBytes`.
 */
export async function readCappedBody(request: Request, maxBytes: number): Promise<string> {
  const tooLarge = () =>
    new AppError('PAYLOAD_TOO_LARGE', 'error.tooLarge', undefined, { limit: Math.ceil(maxBytes / 1024) });
  const declared = Number(request.headers.get('content-length') ?? NaN);
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge();
  if (!request.body) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    chunks.push(value);
  }
  return new TextDecoder().decode(Buffer.concat(chunks));
}
