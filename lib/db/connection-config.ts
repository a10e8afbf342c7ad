import path from 'node:path';

export type DatabaseConfig = { kind: 'sqlite'; file: string } | { kind: 'postgresql'; url: string };

/** SQLite paths are relative to the working directory (the project root for npm scripts and Next.js). */
export function sqliteFilePath(file: string): string {
  return file === ':memory:' ? file : path.resolve(file);
}

export type PgConnection = { connectionString: string; schema?: string; options?: string };

/**
 * Prisma's `?schema=` URL parameter is Prisma's, not libpq's: strip it from the URL and make it both the adapter's
 * schema (for the client's queries) and the session's search_path (for raw SQL and migrations).
 */
export function pgConnectionFor(url: string): PgConnection {
  const parsed = new URL(url);
  const schema = parsed.searchParams.get('schema') ?? undefined;
  parsed.searchParams.delete('schema');
  if (!schema) return { connectionString: parsed.toString() };
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(schema))
    throw new Error(`DATABASE_URL: schema "${schema}" must be a plain identifier`);
  return { connectionString: parsed.toString(), schema, options: `-c search_path=${schema}` };
}
