import type { DatabaseConfig } from '../connection-config';
import { openSqlConnection } from '../migrate/open-sql-connection';
import { compareShapes } from './compare-shapes';
import { readDeclaredShape } from './read-declared-shape';
import { readPostgresqlShape } from './read-postgresql-shape';
import { readSqliteShape } from './read-sqlite-shape';

export type FindDriftOptions = {
  database: DatabaseConfig;
  /** The schema's text — prisma/schema.prisma (or its PostgreSQL copy), or an edited copy in tests. */
  schema: string;
};

/** The differences between a live database and a Prisma schema; empty when they agree. */
export async function findDrift({ database, schema }: FindDriftOptions): Promise<string[]> {
  const connection = await openSqlConnection({ database });
  try {
    const actual =
      connection.kind === 'sqlite' ? await readSqliteShape(connection) : await readPostgresqlShape(connection);
    return compareShapes({ declared: readDeclaredShape({ schema, provider: database.kind }), actual });
  } finally {
    await connection.close();
  }
}
