import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../db/testing/create-test-database';
import { answerDialplanRequest } from './answer-dialplan-request';
import { seedDemoPortal } from '../routing/settings/seed-demo-portal';

// The endpoint on a fresh install (real SQLite, migrated, nothing configured) and after the lines are set up.
describe('the dialplan endpoint before any line is set up', () => {
  let test: TestDatabase;
  beforeAll(async () => {
    test = await createTestDatabase({ kind: 'sqlite' });
    process.env.DATABASE_URL = `file:${test.database.kind === 'sqlite' ? test.database.file : ''}`;
  });
  afterAll(() => test?.dispose());

  const ask = () => answerDialplanRequest({ number: '79151234567', ext: '101', json: false, fromLoopback: true, readSimLoad: async () => null });

  it('answers an error rather than NO_ROUTE, so the dialplan takes its default trunk instead of congestion', async () => {
    expect(await ask()).toMatchObject({ status: 503, body: 'ERROR UNAVAILABLE' });
  });

  it('routes as soon as the lines exist (the save forgets the cached settings)', async () => {
    await seedDemoPortal({ db: test.db() });
    expect(await ask()).toMatchObject({ status: 200, body: 'gw_mts' });
  });
});
