import { defineConfig } from 'prisma/config';

/**
 * For Prisma's own CLI (`prisma generate`, and `prisma migrate deploy` where its schema engine can be installed).
 * The app itself applies migrations with `npm run db:migrate` (scripts/db/migrate.ts), which needs no engine.
 * SQLite by default; a postgres:// DATABASE_URL selects the derived PostgreSQL schema and its migrations.
 */
const url = process.env.DATABASE_URL || 'file:./data/app.db';
const isPostgres = /^postgres(ql)?:\/\//.test(url);

export default defineConfig({
  schema: isPostgres ? 'prisma/postgresql/schema.prisma' : 'prisma/schema.prisma',
  migrations: { path: isPostgres ? 'prisma/postgresql/migrations' : 'prisma/migrations' },
  datasource: { url },
});
