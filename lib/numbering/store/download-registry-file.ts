import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import type { Db } from '../../db/client';
import { getDb } from '../../db/client';
import { AppError } from '../../errors/app-error';
import { getNumberingData } from './get-numbering-data';
import { importRegistryFile, type ImportRegistryResult } from './import-registry-file';
import { MAX_REGISTRY_BYTES } from './read-registry-file';

/** Where Минцифры publishes the registry today; the admin may configure mirrors instead. */
export const officialRegistryUrls = ['https://opendata.digital.gov.ru/downloads/DEF-9xx.csv'] as const;

export type DownloadRegistryFileOptions = { url: string; db?: Db; timeoutMs?: number; fetchImpl?: typeof fetch };

/**
 * Downloads one registry file and imports it like an upload (same checks, same atomic switch). A server without
 * internet, a mirror that is down or answers with an HTML error page all end in one AppError that says what failed and
 * that the registry in use stays — never in a half-imported registry.
 */
export async function downloadRegistryFile({
  url,
  db = getDb(),
  timeoutMs = 60_000,
  fetchImpl = fetch,
}: DownloadRegistryFileOptions): Promise<ImportRegistryResult> {
  const fileName = decodeURIComponent(new URL(url).pathname.split('/').pop() || 'registry.csv');
  let response: Response;
  try {
    response = await fetchImpl(url, { signal: AbortSignal.timeout(timeoutMs), redirect: 'follow' });
  } catch (error) {
    throw await unavailable(db, url, describeFetchError(error, timeoutMs));
  }
  if (!response.ok) throw await unavailable(db, url, `the server answered HTTP ${response.status}`);
  const type = response.headers.get('content-type') ?? '';
  if (/text\/html/i.test(type))
    throw await unavailable(db, url, 'the server sent a web page instead of the CSV file (a captcha or an error page)');
  const length = Number(response.headers.get('content-length') ?? NaN);
  if (length > MAX_REGISTRY_BYTES)
    throw await unavailable(db, url, `the file is ${length} bytes, over the ${MAX_REGISTRY_BYTES} limit`);
  if (!response.body) throw await unavailable(db, url, 'the response has no body');
  const chunks = Readable.fromWeb(response.body as unknown as WebReadableStream<Uint8Array>);
  try {
    return await importRegistryFile({
      chunks,
      fileName,
      totalBytes: Number.isFinite(length) ? length : undefined,
      source: 'download',
      db,
    });
  } catch (error) {
    // importRegistryFile answers bad content with a 'rejected' result; what it throws is the stream failing mid-file.
    if (!AppError.is(error) && !(error instanceof Error)) throw error;
    throw await unavailable(db, url, `the download broke off (${(error as Error).message})`);
  }
}

function describeFetchError(error: unknown, timeoutMs: number): string {
  const err = error as Error & { cause?: { code?: string; message?: string } };
  if (err.name === 'TimeoutError' || err.name === 'AbortError')
    return `no answer within ${Math.round(timeoutMs / 1000)} s`;
  const code = err.cause?.code;
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN')
    return `the host name does not resolve (${code}): this server seems to have no internet access`;
  if (code === 'ECONNREFUSED') return 'the connection was refused';
  if (code) return `${code}: ${err.cause?.message ?? err.message}`;
  return err.cause?.message ?? err.message;
}

async function unavailable(db: Db, url: string, why: string): Promise<AppError> {
  let inUse = '';
  try {
    const data = await getNumberingData({ db });
    inUse = ` The registry in use stays: ${data.files.map((f) => `${f.fileName} (${f.rows} rows)`).join(', ')}.`;
  } catch {
    // The message about the download matters more than the one about the data in use.
  }
  return new AppError(
    'UNAVAILABLE',
    `Cannot download the numbering registry from ${url}: ${why}.${inUse} Upload the file on the Registry page ` +
      `or run \`npm run numbering -- import <file>\`.`,
  );
}
