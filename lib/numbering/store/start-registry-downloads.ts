import { AppError } from '../../errors/app-error';
import { localizeMessage } from '../../i18n/localize-message';
import { downloadRegistryFile } from './download-registry-file';
import { log } from '../../log/log';

export type RegistryDownloadAttempt = { url: string; at: string; ok: boolean; message: string };

type State = { timer?: NodeJS.Timeout; last: RegistryDownloadAttempt[] };
const holder = globalThis as typeof globalThis & { __registryDownloads?: State };
const state = (holder.__registryDownloads ??= { last: [] });

/** The first attempt waits: a server that just started has calls to route before it has a registry to refresh. */
const outcomeWord: Record<'ru' | 'en', Record<string, string>> = {
  ru: { activated: 'Загружен новый реестр', unchanged: 'Реестр не изменился' },
  en: { activated: 'New registry loaded', unchanged: 'Registry unchanged' },
};

const FIRST_ATTEMPT_AFTER_MS = 5 * 60_000;

export type StartRegistryDownloadsOptions = { urls: readonly string[]; everyHours: number };

/**
 * Refreshes the registry from its publisher on a schedule (daily, keeping the previous copy and a diff —
 * importRegistryFile does both). Without internet every attempt fails with a clear line in the log and on
 * the Registry page, and the registry in use stays.
 */
export function startRegistryDownloads({ urls, everyHours }: StartRegistryDownloadsOptions): void {
  if (state.timer || urls.length === 0) return;
  const run = async () => {
    const attempts: RegistryDownloadAttempt[] = [];
    for (const url of urls) {
      try {
        const result = await downloadRegistryFile({ url });
        // Both languages, as the page's messages are: the Registry page shows the reader's half.
        const message =
          result.outcome === 'rejected'
            ? `Файл отклонён: ${localizeMessage(result.reason ?? '', 'ru')} / ` +
              `File rejected: ${localizeMessage(result.reason ?? '', 'en')}`
            : `${outcomeWord.ru[result.outcome]}: ${result.fileName}, ${result.rows} строк / ` +
              `${outcomeWord.en[result.outcome]}: ${result.fileName}, ${result.rows} rows`;
        attempts.push({ url, at: new Date().toISOString(), ok: result.outcome !== 'rejected', message });
      } catch (error) {
        const detail = (error as Error).message;
        const message = AppError.is(error)
          ? error.message
          : `Непредвиденная ошибка: ${detail} / Unexpected error: ${detail}`;
        if (!AppError.is(error)) log.error('registry download: unexpected error', { url, error });
        attempts.push({ url, at: new Date().toISOString(), ok: false, message });
      }
    }
    state.last = attempts;
    for (const attempt of attempts)
      log.info('scheduled registry download', { ok: attempt.ok, message: attempt.message });
  };
  const schedule = (delay: number) => {
    state.timer = setTimeout(() => void run().finally(() => schedule(everyHours * 3_600_000)), delay);
    state.timer.unref();
  };
  schedule(FIRST_ATTEMPT_AFTER_MS);
}

/** What the Registry page shows about the schedule. */
export function lastRegistryDownloads(): readonly RegistryDownloadAttempt[] {
  return state.last;
}
