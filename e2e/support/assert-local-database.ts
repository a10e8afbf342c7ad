/**
 * E2E runs write to whatever DATABASE_URL names, so refuse anything but a local SQLite file or a server on
 * loopback: a typo must never point the tests at a real database.
 */
export function assertLocalDatabase(databaseUrl: string | undefined): void {
  if (!databaseUrl || databaseUrl.startsWith('file:')) return;
  let host = '';
  try {
    host = new URL(databaseUrl).hostname;
  } catch {
    throw new Error('E2E refused: DATABASE_URL is not a URL; use file:… or a 127.0.0.1 server');
  }
  if (!['127.0.0.1', 'localhost', '[::1]', '::1'].includes(host)) {
    throw new Error(`E2E refused: DATABASE_URL points at "${host}"; only a local file or 127.0.0.1 is allowed`);
  }
}
