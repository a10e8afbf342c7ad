import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';

export type CreateSqliteSchemaEngineAdapterOptions = {
  /** Defaults to an in-memory database, which is all a diff needs. */
  url?: string;
};

/**
 * A driver adapter factory for the schema engine on SQLite. The engine hands a whole migration script to
 * `executeRaw`, which better-sqlite3 refuses ("more than one statement"): a script without parameters goes to
 * `executeScript` instead, which runs it as one batch.
 */
export function createSqliteSchemaEngineAdapter({
  url = ':memory:',
}: CreateSqliteSchemaEngineAdapterOptions = {}): SqlMigrationAwareDriverAdapterFactory {
  const factory = new PrismaBetterSqlite3({ url });
  return {
    provider: 'sqlite',
    adapterName: factory.adapterName,
    connect: async () => acceptScripts(await factory.connect()),
    connectToShadowDb: async () => acceptScripts(await factory.connectToShadowDb()),
  };
}

function acceptScripts(adapter: SqlDriverAdapter): SqlDriverAdapter {
  const executeRaw = adapter.executeRaw.bind(adapter);
  adapter.executeRaw = async (query) => {
    if (query.args.length > 0) return executeRaw(query);
    await adapter.executeScript(query.sql);
    return 0;
  };
  return adapter;
}
