/** The app-under-test's database, opened for one piece of test setup or checking and closed after it. */
import { loadConfig } from '../../lib/config/load-config';
import { createDb, type Db } from '../../lib/db/client';
import { E2E_DATABASE_URL } from './e2e-env';

export async function withAppDb<T>(work: (db: Db) => Promise<T>): Promise<T> {
  const db = createDb({ database: loadConfig({ env: { DATABASE_URL: E2E_DATABASE_URL } }).database });
  try {
    return await work(db);
  } finally {
    await db.$disconnect();
  }
}
