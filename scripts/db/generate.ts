/**
 * `npm run db:generate`: derives prisma/postgresql/schema.prisma from prisma/schema.prisma and generates both
 * Prisma clients into lib/db/generated/{sqlite,postgresql}. Skips the work when nothing changed since last time,
 * because the quick-start commands call it on every run.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { derivePostgresqlSchema } from '../../lib/db/derive-postgresql-schema';

const root = path.resolve(import.meta.dirname, '../..');
const sourcePath = path.join(root, 'prisma/schema.prisma');
const derivedPath = path.join(root, 'prisma/postgresql/schema.prisma');
const generatedDir = path.join(root, 'lib/db/generated');
const stampPath = path.join(generatedDir, '.stamp');

const source = readFileSync(sourcePath, 'utf8');
const derived = derivePostgresqlSchema(source);
if (!existsSync(derivedPath) || readFileSync(derivedPath, 'utf8') !== derived) {
  mkdirSync(path.dirname(derivedPath), { recursive: true });
  writeFileSync(derivedPath, derived);
  console.log('[db:generate] wrote prisma/postgresql/schema.prisma');
}

const prismaVersion = JSON.parse(readFileSync(path.join(root, 'node_modules/prisma/package.json'), 'utf8'))
  .version as string;
const stamp = createHash('sha256').update(prismaVersion).update(source).update(derived).digest('hex');
const outputsExist = ['sqlite', 'postgresql'].every((kind) => existsSync(path.join(generatedDir, kind, 'client.ts')));
if (
  outputsExist &&
  existsSync(stampPath) &&
  readFileSync(stampPath, 'utf8') === stamp &&
  !process.argv.includes('--force')
) {
  console.log('[db:generate] clients up to date');
  process.exit(0);
}

// `prisma generate` needs no schema engine, but the CLI insists on finding one: any existing file satisfies it,
// since the real binary cannot be downloaded here.
const env = {
  ...process.env,
  PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY || '/bin/true',
  PRISMA_HIDE_UPDATE_MESSAGE: '1',
};
for (const schema of [sourcePath, derivedPath]) {
  execFileSync(path.join(root, 'node_modules/.bin/prisma'), ['generate', '--schema', schema], {
    cwd: root,
    env,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}
mkdirSync(generatedDir, { recursive: true });
writeFileSync(stampPath, stamp);
console.log('[db:generate] generated lib/db/generated/{sqlite,postgresql}');
