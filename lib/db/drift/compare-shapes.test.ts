import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { schemaPathFor } from '../migrate/read-migrations';
import { compareShapes } from './compare-shapes';
import { readDeclaredShape } from './read-declared-shape';

const schema = readFileSync(schemaPathFor('sqlite'), 'utf8');

describe('compareShapes', () => {
  it('finds nothing between a schema and itself', () => {
    const shape = readDeclaredShape({ schema, provider: 'sqlite' });
    expect(compareShapes({ declared: shape, actual: shape })).toEqual([]);
  });

  it('names every kind of difference on one line each', () => {
    const actual = readDeclaredShape({ schema, provider: 'postgresql' });
    const edited = schema
      .replace('  channels            Int      @default(1)', '  channels            Int      @default(2)')
      .replace('  lastError     String?', '  lastError     String?\n  lastErrorAt   DateTime?')
      .replace('onDelete: SetNull)\n  trunk  Trunk?', 'onDelete: Cascade)\n  trunk  Trunk?')
      .replace(/model NumberOverride \{[^}]*\}\n/, '')
      .replace('  numberOverrides NumberOverride[]\n', '');
    const declared = readDeclaredShape({ schema: edited, provider: 'postgresql' });
    expect(compareShapes({ declared, actual })).toEqual([
      'foreign key Call(userId -> User(id) on delete CASCADE on update CASCADE): declared, missing in the database',
      'foreign key Call(userId -> User(id) on delete SET NULL on update CASCADE): in the database, not declared',
      'table NumberOverride: in the database, not declared',
      'column OutboxMessage.lastErrorAt: declared, missing in the database',
      'column Trunk.channels: default declared 2, actual 1',
    ]);
  });

  it("maps Prisma types to each provider's column types", () => {
    const sqlite = readDeclaredShape({ schema, provider: 'sqlite' }).Call!.columns;
    const postgresql = readDeclaredShape({ schema, provider: 'postgresql' }).Call!.columns;
    expect([sqlite.startedAt, sqlite.decision, sqlite.id]).toEqual([
      { type: 'DATETIME', nullable: false, default: 'now' },
      { type: 'JSONB', nullable: true, default: null },
      { type: 'INTEGER', nullable: false, default: 'autoincrement' },
    ]);
    expect(postgresql.startedAt).toEqual({ type: 'timestamp(3)', nullable: false, default: 'now' });
    expect(postgresql.status).toEqual({ type: 'text', nullable: false, default: "'started'" });
  });
});
