import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { AppError } from '../../errors/app-error';
import { pgConnectionFor, sqliteFilePath, type DatabaseConfig } from '../connection-config';

/**
 * The few raw operations the migration step needs, over the plain drivers: a migration script is many
 * statements, which Prisma's client cannot run, and the step must not depend on a generated client.
 */
export type SqlConnection = {
  kind: DatabaseConfig['kind'];
  /** Parameters are `?` in SQL text; they are renumbered to `$n` for PostgreSQL. */
  query<Row = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<Row[]>;
  /** Runs a multi-statement script. */
  execScript(sql: string): Promise<void>;
  close(): Promise<void>;
};

export type OpenSqlConnectionOptions = { database: DatabaseConfig };

export async function openSqlConnection({ database }: OpenSqlConnectionOptions): Promise<SqlConnection> {
  if (database.kind === 'sqlite') {
    const file = sqliteFilePath(database.file);
    if (file !== ':memory:') mkdirSync(path.dirname(file), { recursive: true });
    let db: Database.Database;
    try {
      db = new Database(file, { timeout: 10_000 });
    } catch (error) {
      throw new AppError('UNAVAILABLE', `Cannot open the SQLite database ${file}: ${(error as Error).message}`);
    }
    return {
      kind: 'sqlite',
      async query<Row>(sql: string, params: unknown[] = []) {
        const statement = db.prepare(sql);
        if (statement.reader) return statement.all(...params) as Row[];
        statement.run(...params);
        return [];
      },
      async execScript(sql) {
        db.exec(sql);
      },
      async close() {
        db.close();
      },
    };
  }
  const client = new pg.Client(pgConnectionFor(database.url));
  try {
    await client.connect();
  } catch (error) {
    const { host } = new URL(database.url);
    throw new AppError(
      'UNAVAILABLE',
      `Cannot connect to PostgreSQL at ${host}: ${(error as Error).message || (error as { code?: string }).code}`,
    );
  }
  return {
    kind: 'postgresql',
    async query<Row>(sql: string, params: unknown[] = []) {
      let n = 0;
      const result = await client.query(
        sql.replace(/\?/g, () => `$${++n}`),
        params,
      );
      return result.rows as Row[];
    },
    async execScript(sql) {
      await client.query(sql);
    },
    async close() {
      await client.end();
    },
  };
}
