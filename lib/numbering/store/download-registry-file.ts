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
  if (!response.ok)
    throw await unavailable(db, url, {
      ru: `сервер ответил HTTP ${response.status}`,
      en: `the server answered HTTP ${response.status}`,
    });
  const type = response.headers.get('content-type') ?? '';
  if (/text\/html/i.test(type))
    throw await unavailable(db, url, {
      ru: 'сервер прислал веб-страницу вместо CSV-файла (капча или страница ошибки)',
      en: 'the server sent a web page instead of the CSV file (a captcha or an error page)',
    });
  const length = Number(response.headers.get('content-length') ?? NaN);
  if (length > MAX_REGISTRY_BYTES)
    throw await unavailable(db, url, {
      ru: `файл размером ${length} байт больше предела ${MAX_REGISTRY_BYTES}`,
      en: `the file is ${length} bytes, over the ${MAX_REGISTRY_BYTES} limit`,
    });
  if (!response.body) throw await unavailable(db, url, { ru: 'ответ пришёл без тела', en: 'the response has no body' });
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
    const detail = (error as Error).message;
    throw await unavailable(db, url, {
      ru: `загрузка оборвалась (${detail})`,
      en: `the download broke off (${detail})`,
    });
  }
}

/** Why a download failed, in both languages: the Registry page shows the reader's half (localizeMessage). */
type Why = { ru: string; en: string };

function describeFetchError(error: unknown, timeoutMs: number): Why {
  const err = error as Error & { cause?: { code?: string; message?: string } };
  if (err.name === 'TimeoutError' || err.name === 'AbortError') {
    const s = Math.round(timeoutMs / 1000);
    return { ru: `нет ответа за ${s} с`, en: `no answer within ${s} s` };
  }
  const code = err.cause?.code;
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN')
    return {
      ru: `имя сервера не находится (${code}): похоже, у этого сервера нет доступа в интернет`,
      en: `the host name does not resolve (${code}): this server seems to have no internet access`,
    };
  if (code === 'ECONNREFUSED') return { ru: 'в соединении отказано', en: 'the connection was refused' };
  const detail = code ? `${code}: ${err.cause?.message ?? err.message}` : (err.cause?.message ?? err.message);
  return { ru: `ошибка сети (${detail})`, en: `network error (${detail})` };
}

async function unavailable(db: Db, url: string, why: Why): Promise<AppError> {
  let inUse: Why = { ru: '', en: '' };
  try {
    const data = await getNumberingData({ db });
    const files = (rows: string) => data.files.map((f) => `${f.fileName} (${f.rows} ${rows})`).join(', ');
    inUse = {
      ru: ` Действует прежний реестр: ${files('строк')}.`,
      en: ` The registry in use stays: ${files('rows')}.`,
    };
  } catch {
    // The message about the download matters more than the one about the data in use.
  }
  return new AppError(
    'UNAVAILABLE',
    `Не удалось скачать реестр нумерации с ${url}: ${why.ru}.${inUse.ru} Загрузите файл на странице «Реестр» ` +
      `или выполните \`npm run numbering -- import <файл>\`. / ` +
      `Cannot download the numbering registry from ${url}: ${why.en}.${inUse.en} Upload the file on the Registry ` +
      `page or run \`npm run numbering -- import <file>\`.`,
  );
}
