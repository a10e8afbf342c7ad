import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkDb } from './check-db';
import { findDrift } from './drift/find-drift';
import { schemaPathFor } from './migrate/read-migrations';
import { createTestDatabase, type TestDatabase } from './testing/create-test-database';

/** Edits that a schema change without a migration would make; each must show up as drift. */
function mutate(schema: string): string {
  const edits: Array<[string, string]> = [
    ['  hangupCause         Int?\n', '  hangupCause         Int?\n  carrierNote         String?\n'],
    ['  extension String?\n', '  extension String\n'],
    ['  @@index([status, pbxName])\n', ''],
  ];
  return edits.reduce((text, [from, to]) => {
    if (!text.includes(from)) throw new Error(`test schema edit no longer applies: ${JSON.stringify(from)}`);
    return text.replace(from, to);
  }, schema);
}

describe.each(['sqlite', 'postgresql'] as const)('database schema on %s', (kind) => {
  const schema = readFileSync(schemaPathFor(kind), 'utf8');
  let test: TestDatabase;

  beforeAll(async () => {
    test = await createTestDatabase({ kind });
  });
  afterAll(async () => {
    await test?.dispose();
  });

  it(
    'matches schema.prisma after the committed migrations (tables, ' + 'columns, types, defaults, keys, indexes)',
    async () => {
      // An empty list is the pass; otherwise the assertion prints one line per difference.
      expect(await findDrift({ database: test.database, schema })).toEqual([]);
    },
  );

  it('reports drift when the schema changes without a migration', async () => {
    const drift = await findDrift({ database: test.database, schema: mutate(schema) });
    expect([...drift].sort()).toEqual([
      'column Call.carrierNote: declared, missing in the database',
      'column User.extension: declared NOT NULL, actual NULL',
      'index Call(status,pbxName): in the database, not declared',
    ]);
  });

  it('stores and reads back a portal, a trunk and a call through the Prisma client', async () => {
    const db = test.db();
    const portal = await db.portal.create({
      data: {
        memberId: `m-${kind}`,
        domain: 'example.bitrix24.ru',
        clientEndpoint: 'https://example.bitrix24.ru/rest/',
        accessToken: 'a',
        refreshToken: 'r',
        expiresAt: new Date('2026-01-01T00:00:00Z'),
      },
    });
    const group = await db.carrierGroup.create({
      data: {
        portalId: portal.id,
        name: 'MTS',
        brand: 'МТС',
        inns: { create: [{ portalId: portal.id, inn: '7740000076' }] },
      },
    });
    const trunk = await db.trunk.create({
      data: {
        portalId: portal.id,
        name: 'МТС-1',
        lineNumber: '74950000001',
        dial: 'PJSIP/{number}@gw-mts',
        carrierGroupId: group.id,
        channels: 4,
        minutesPerDay: 300,
        tariffOnNetKopecks: 0,
        tariffOffNetKopecks: 250,
      },
    });
    const decision = { trunk: 'МТС-1', reasons: ['МТС по реестру (диапазон 915…)'] };
    const call = await db.call.create({
      data: {
        portalId: portal.id,
        linkedId: `linked-${kind}`,
        direction: 'outbound',
        origin: 'click_to_call',
        number: '79150000000',
        trunkId: trunk.id,
        trunkName: trunk.name,
        decision,
        costKopecks: 500,
        startedAt: new Date('2026-01-02T10:00:00.123Z'),
        events: { create: [{ kind: 'originate', payload: { channel: 'PJSIP/101' } }] },
      },
    });

    const read = await db.call.findUniqueOrThrow({
      where: { linkedId: `linked-${kind}` },
      include: { trunk: { include: { carrierGroup: { include: { inns: true } } } }, events: true },
    });
    expect(read.decision).toEqual(decision);
    expect(read.startedAt.toISOString()).toBe('2026-01-02T10:00:00.123Z');
    expect(read.registered).toBe(false);
    expect(read.status).toBe('started');
    expect(read.trunk?.minutesPerDay).toBe(300);
    expect(read.trunk?.callsPerDay).toBeNull();
    expect(read.trunk?.carrierGroup?.inns.map((i) => i.inn)).toEqual(['7740000076']);
    expect(read.events.map((e) => e.payload)).toEqual([{ channel: 'PJSIP/101' }]);

    await expect(
      db.call.create({
        data: {
          portalId: portal.id,
          linkedId: call.linkedId,
          direction: 'outbound',
          origin: 'desk_phone',
          number: '1',
        },
      }),
    ).rejects.toMatchObject({ code: 'P2002' });
    await db.portal.delete({ where: { id: portal.id } });
    expect(await db.call.count()).toBe(0); // portal data goes with its portal
  });

  it('reports health: reachable and no migration pending', async () => {
    const health = await checkDb({ db: test.db(), kind });
    expect(health).toMatchObject({ ok: true, kind, migrations: { pending: 0 } });
    expect(health.migrations!.applied).toBeGreaterThan(0);
  });

  it('reports pending migrations on a database that was never migrated', async () => {
    const bare = await createTestDatabase({ kind, migrate: false });
    try {
      const health = await checkDb({ db: bare.db(), kind });
      expect(health).toMatchObject({ ok: false, kind, migrations: { applied: 0 } });
      expect(health.migrations!.pending).toBeGreaterThan(0);
    } finally {
      await bare.dispose();
    }
  });
});
