import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../db/testing/create-test-database';
import { seedDemoPortal } from '../routing/settings/seed-demo-portal';
import { loadSavingsReport } from '../savings/load-savings-report';
import { parseDateRange } from '../savings/parse-date-range';
import { runSimulation, type SimulationRun } from '../simulation/run-simulation';
import { exportJournalCsv } from './export-journal-csv';
import { parseJournalFilters } from './journal-filters';
import { queryJournal } from './query-journal';

let database: TestDatabase;
let portalId: number;
let run: SimulationRun;
beforeAll(async () => {
  database = await createTestDatabase({ kind: 'sqlite' });
  ({ portalId } = await seedDemoPortal({ db: database.db() }));
  run = await runSimulation({ db: database.db(), portalId, calls: 300, seed: 3, day: '2026-03-02' });
});
afterAll(() => database.dispose());

const filters = (params: Record<string, string>) => parseJournalFilters(new URLSearchParams(params));

describe('the journal and the savings report over a simulated day (real SQLite)', () => {
  it('pages newest first with reasons in the reader language', async () => {
    const page = await queryJournal({ db: database.db(), portalId, filters: filters({}), lang: 'en' });
    expect(page.total).toBe(300);
    expect(page.entries).toHaveLength(50);
    expect(page.entries[0]!.startedAt >= page.entries[1]!.startedAt).toBe(true);
    expect(page.entries.find((e) => e.trunkName)!.reasons.join(' ')).toMatch(/department: |→ /);
  });

  it('filters by line, department, carrier group, status and date', async () => {
    const db = database.db();
    const mts = run.settings.trunks.find((t) => t.name === 'МТС')!;
    const byTrunk = await queryJournal({ db, portalId, filters: filters({ trunk: mts.id }), lang: 'ru' });
    expect(byTrunk.total).toBe(run.calls.filter((c) => c.decision.trunk?.id === mts.id).length);
    const hr = await queryJournal({ db, portalId, filters: filters({ department: '2' }), lang: 'ru' });
    expect(hr.total).toBe(run.calls.filter((c) => c.extension.startsWith('2')).length);
    const group = run.settings.carrierGroups.find((g) => g.name === 'МТС')!;
    const byCarrier = await queryJournal({ db, portalId, filters: filters({ carrier: group.id }), lang: 'ru' });
    expect(byCarrier.total).toBe(run.calls.filter((c) => c.decision.carrier?.groupId === group.id).length);
    const answered = await queryJournal({ db, portalId, filters: filters({ status: 'answered' }), lang: 'ru' });
    expect(answered.total).toBe(run.summary.answered);
    const failed = await queryJournal({ db, portalId, filters: filters({ status: 'failed' }), lang: 'ru' });
    expect(failed.total).toBe(run.summary.blocked);
    const otherDay = await queryJournal({ db, portalId, filters: filters({ from: '2026-03-03' }), lang: 'ru' });
    expect(otherDay.total).toBe(0);
  });

  it('the savings report agrees with the simulation summary; SIM use stays within caps', async () => {
    const report = await loadSavingsReport({
      db: database.db(),
      portalId,
      range: parseDateRange(new URLSearchParams({ from: '2026-03-02', to: '2026-03-02' })),
    });
    const { blocked, ...simulated } = run.summary;
    expect(blocked).toBeGreaterThanOrEqual(0);
    expect(report.summary).toEqual(simulated);
    expect(report.days.map((d) => d.day)).toEqual(['2026-03-02']);
    for (const sim of report.sims) expect(sim.busiestDayCalls).toBeLessThanOrEqual(sim.caps!.callsPerDay!);
    expect(report.trunks.reduce((sum, t) => sum + t.cost, 0)).toBe(run.summary.cost);
  });

  it('exports every matching call as CSV', async () => {
    const csv = await exportJournalCsv({ db: database.db(), portalId, filters: filters({}), lang: 'ru' });
    expect(csv.trim().split('\r\n')).toHaveLength(301);
    expect(csv).toContain('Причины маршрута');
  });
});
