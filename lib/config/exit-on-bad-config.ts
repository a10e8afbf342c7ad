import { AppError } from '../errors/app-error';
import { getConfig, type AppConfig } from './load-config';

/** For entry points (server start, CLIs): a bad variable ends the process with one line, no stack. */
export function getConfigOrExit(): AppConfig {
  try {
    return getConfig();
  } catch (error) {
    if (AppError.is(error)) {
      process.stderr.write(`Configuration error: ${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
}
