import { AppError } from '../errors/app-error';
import { renderAppError } from '../errors/render-app-error';
import { pickLang } from '../i18n/lang';
import { localizeMessage } from '../i18n/localize-message';

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
    const lang = pickLang(process.env.LANG);
    const { message, fields = {} } = renderAppError(error, lang);
    // Still one line: the first few invalid fields (a settings import), each as its path and what is wrong.
    const where = Object.entries(fields)
      .slice(0, 5)
      .map(([path, text]) => `${path}: ${localizeMessage(text, lang)}`);
    const more = Object.keys(fields).length > 5 ? ` (+${Object.keys(fields).length - 5})` : '';
    process.stderr.write(`${where.length ? `${message}: ${where.join('; ')}${more}` : message}\n`);
    process.exitCode = 1;
  } finally {
    await cleanup();
  }
}
