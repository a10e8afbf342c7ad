/** The app-under-test's database (the current PBX profile's), opened for one piece of setup or checking, then closed. */
import { loadConfig } from '../../lib/config/load-config';
import { createDb, type Db } from '../../lib/db/client';
import { currentProfile } from './current-profile';

export async function withAppDb<T>(work: (db: Db) => Promise<T>): Promise<T> {
  const env = { DATABASE_URL: currentProfile().databaseUrl };
  const db = createDb({ database: loadConfig({ env }).database });
  try {
    return await work(db);
  } finally {
    await db.$disconnect();
  }
}
