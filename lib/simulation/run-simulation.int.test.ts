import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../db/testing/create-test-database';
import { seedDemoPortal } from '../routing/settings/seed-demo-portal';
import { runSimulation } from './run-simulation';
import { SIMULATION_ORIGIN } from './write-simulated-calls';

let database: TestDatabase;
let portalId: number;
beforeAll(async () => {
  database = await createTestDatabase({ kind: 'sqlite' });
  ({ portalId } = await seedDemoPortal({ db: database.db() }));
});
afterAll(() => database.dispose());

describe('runSimulation into the journal (real SQLite)', () => {
  it('writes one row per call, idempotently per seed, and the rows sum to the summary', async () => {
    const db = database.db();
    const first = await runSimulation({ db, portalId, calls: 200, seed: 11, day: '2026-03-02' });
    const again = await runSimulation({ db, portalId, calls: 200, seed: 11, day: '2026-03-02' });
    await runSimulation({ db, portalId, calls: 50, seed: 12, day: '2026-03-02' });
    expect(again.summary).toEqual(first.summary);
    expect(await db.call.count({ where: { origin: SIMULATION_ORIGIN } })).toBe(250);
    const rows = await db.call.aggregate({
      where: { linkedId: { startsWith: `sim-${portalId}-11-` } },
      _sum: { costKopecks: true, baselineCostKopecks: true },
    });
    expect(rows._sum.costKopecks).toBe(first.summary.cost);
    expect(rows._sum.baselineCostKopecks).toBe(first.summary.baselineCost);
    const sales = await db.call.findFirst({
      where: { extension: '101', origin: SIMULATION_ORIGIN },
      include: { user: true, trunk: true },
    });
    expect(sales?.user?.extension).toBe('101');
  });
});
