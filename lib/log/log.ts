/**
 * The app's logger: one JSON object per line (time, level, msg, fields), below LOG_LEVEL dropped.
 * Why not pino: it is not installed here, and these 30 lines give what we use of it (levels, JSON lines, escaping).
 * JSON.stringify escapes CR/LF, so a value taken from a request (a CALL_ID) can never start a forged log line.
 */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
export type LogFields = Record<string, unknown>;
export type LogWrite = (level: LogLevel, line: string) => void;

const rank: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

/** Read per call (not at import) so a test or the dialplan process can set it late; an unknown value means info. */
function threshold(): number {
  const level = process.env.LOG_LEVEL as LogLevel | undefined;
  return rank[level && level in rank ? level : 'info'];
}

function plain(value: unknown): unknown {
  if (!(value instanceof Error)) return value;
  const code = (value as { code?: unknown }).code;
  return { name: value.name, message: value.message, ...(code ? { code } : {}), stack: value.stack };
}

/** Builds one log line; exported for the test of its escaping. */
export function formatLogLine(level: LogLevel, msg: string, fields: LogFields = {}, now = new Date()): string {
  const entries = Object.entries(fields).map(([key, value]) => [key, plain(value)]);
  return JSON.stringify({ time: now.toISOString(), level, msg, ...Object.fromEntries(entries) });
}

const writeToProcess: LogWrite = (level, line) =>
  (level === 'error' || level === 'warn' ? process.stderr : process.stdout).write(`${line}\n`);

function emit(level: LogLevel, msg: string, fields?: LogFields, write: LogWrite = writeToProcess): void {
  if (rank[level] < threshold()) return;
  write(level, formatLogLine(level, msg, fields));
}

export const log = {
  debug: (msg: string, fields?: LogFields) => emit('debug', msg, fields),
  info: (msg: string, fields?: LogFields) => emit('info', msg, fields),
  warn: (msg: string, fields?: LogFields) => emit('warn', msg, fields),
  error: (msg: string, fields?: LogFields) => emit('error', msg, fields),
};
