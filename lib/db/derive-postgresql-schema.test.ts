import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { derivePostgresqlSchema } from './derive-postgresql-schema';
import { schemaPathFor } from './migrate/read-migrations';

describe('derivePostgresqlSchema', () => {
  it(
    'matches the committed prisma/postgresql/schema.prisma (run `npm run db:generate` after editing ' +
      'prisma/schema.prisma)',
    () => {
      const derived = derivePostgresqlSchema(readFileSync(schemaPathFor('sqlite'), 'utf8'));
      expect(readFileSync(schemaPathFor('postgresql'), 'utf8')).toBe(derived);
    },
  );

  it('swaps only the provider and the client output', () => {
    const derived = derivePostgresqlSchema(readFileSync(schemaPathFor('sqlite'), 'utf8'));
    expect(derived).toContain('provider = "postgresql"');
    expect(derived).toContain('output       = "../../lib/db/generated/postgresql"');
    expect(derived).not.toContain('"sqlite"');
  });

  it('refuses provider-specific native types', () => {
    const source = readFileSync(schemaPathFor('sqlite'), 'utf8').replace(
      '  domain           String\n',
      '  domain           String @db.VarChar(200)\n',
    );
    expect(() => derivePostgresqlSchema(source)).toThrow(
      /native types are provider-specific, remove "domain\s+String @db.VarChar"/,
    );
  });
});
