import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export type DatabaseKind = 'sqlite' | 'postgresql';

export type MigrationFile = {
  /** Folder name, e.g. `20261125120000_init`: Prisma's `migration_name`. */
  name: string;
  sql: string;
  /** sha256 (hex) of the file's bytes, as Prisma stores it in `_prisma_migrations.checksum`. */
  checksum: string;
};

// The app, its scripts and tests all run from the project root; import.meta.dirname does not survive Next's bundling.
const projectRoot = process.cwd();

/** One migrations folder per provider, both in Prisma's own layout so `prisma migrate deploy` works too. */
export function migrationsDirFor(kind: DatabaseKind, root = projectRoot): string {
  return kind === 'sqlite' ? path.join(root, 'prisma/migrations') : path.join(root, 'prisma/postgresql/migrations');
}

export function schemaPathFor(kind: DatabaseKind, root = projectRoot): string {
  return kind === 'sqlite'
    ? path.join(root, 'prisma/schema.prisma')
    : path.join(root, 'prisma/postgresql/schema.prisma');
}

export type ReadMigrationsOptions = { dir: string };

/** The migrations in the order Prisma applies them: by folder name (the timestamp prefix). */
export function readMigrations({ dir }: ReadMigrationsOptions): MigrationFile[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(path.join(dir, entry.name, 'migration.sql')))
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const bytes = readFileSync(path.join(dir, name, 'migration.sql'));
      return { name, sql: bytes.toString('utf8'), checksum: createHash('sha256').update(bytes).digest('hex') };
    });
}
