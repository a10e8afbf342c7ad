import pg from 'pg';
import { PrismaPg } from '@prisma/adapter-pg';
import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';

/** Postgres' internal one-byte `"char"` type, used all over pg_catalog (relkind, contype, …). */
const CHAR_OID = 18;
const TEXT_OID = 25;

/**
 * @prisma/adapter-pg refuses `"char"` columns, and the schema engine reads exactly those when it describes a
 * database (pg_catalog). Relabelling them as text is lossless (they are single characters in text format).
 */
class CharAsTextPool extends pg.Pool {
  // Only the promise form is used by the adapter; anything else passes through untouched.
  override query(...args: unknown[]): never {
    const result = (super.query as (...a: unknown[]) => unknown)(...args);
    if (!(result instanceof Promise)) return result as never;
    return result.then((answer: pg.QueryResult) => {
      for (const field of answer?.fields ?? []) if (field.dataTypeID === CHAR_OID) field.dataTypeID = TEXT_OID;
      return answer;
    }) as never;
  }
}

export type CreatePgSchemaEngineAdapterOptions = { connectionString: string };

/**
 * A driver adapter factory for the schema engine on PostgreSQL. The shadow database (for replaying migrations) is
 * a throw-away database, so the role needs CREATEDB — as with `prisma migrate dev`.
 */
export function createPgSchemaEngineAdapter({
  connectionString,
}: CreatePgSchemaEngineAdapterOptions): SqlMigrationAwareDriverAdapterFactory {
  const connectTo = (config: pg.PoolConfig) =>
    new PrismaPg(new CharAsTextPool(config), { disposeExternalPool: true }).connect();
  return {
    provider: 'postgres',
    adapterName: '@prisma/adapter-pg',
    connect: () => connectTo({ connectionString }),
    async connectToShadowDb(): Promise<SqlDriverAdapter> {
      const database = `prisma_shadow_${crypto.randomUUID().replace(/-/g, '')}`;
      const admin = new pg.Client({ connectionString });
      await admin.connect();
      await admin.query(`CREATE DATABASE "${database}"`);
      const url = new URL(connectionString);
      url.pathname = `/${database}`;
      url.searchParams.delete('schema');
      const adapter = await connectTo({ connectionString: url.toString() });
      const dispose = adapter.dispose.bind(adapter);
      adapter.dispose = async () => {
        await dispose();
        await admin.query(`DROP DATABASE IF EXISTS "${database}"`).finally(() => admin.end());
      };
      return adapter;
    },
  };
}
