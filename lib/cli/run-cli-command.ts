import { AppError } from '../errors/app-error';

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
    process.stderr.write(`${error.message}\n`);
    process.exitCode = 1;
  } finally {
    await cleanup();
  }
}
