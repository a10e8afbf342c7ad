import { AppError } from '../errors/app-error';
import { renderAppError } from '../errors/render-app-error';
import { pickLang } from '../i18n/lang';

export type RunCliCommandOptions = {
  main: () => Promise<void>;
  /** Always runs (close the database, stop AMI sessions), so the process can exit on its own. */
  cleanup: () => Promise<void> | void;
};

/**
 * The admin CLIs' shared ending: an expected failure (AppError) is one line on stderr and exit code 1; anything else
 * is a bug and keeps its stack trace.
 */
export async function runCliCommand({ main, cleanup }: RunCliCommandOptions): Promise<void> {
  try {
    await main();
  } catch (error) {
    if (!AppError.is(error)) throw error;
    // The terminal's locale picks the language: ru_RU.UTF-8 or none → Russian, another locale → English.
    process.stderr.write(`${renderAppError(error, pickLang(process.env.LANG)).message}\n`);
    process.exitCode = 1;
  } finally {
    await cleanup();
  }
}
