import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb, type Db } from './client';
import { createTestDatabase, type TestDatabase } from './testing/create-test-database';
import { takeNamedWriteLock, takeWriteLock } from './take-write-lock';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const run = promisify(execFile);

// Two connections to one SQLite file, as the app and a CLI (or the app's two threads) have.
describe('a read-then-write transaction while another connection writes (SQLite)', () => {
  let test: TestDatabase;
  let other: Db;
  beforeAll(async () => {
    test = await createTestDatabase({ kind: 'sqlite' });
    other = createDb({ database: test.database });
    await test.db().portal.create({
      data: {
        memberId: 'lock-test',
        domain: 'lock.test',
        clientEndpoint: 'https://lock.test/rest/',
        accessToken: '',
        refreshToken: '',
        expiresAt: new Date(),
      },
    });
  });
  afterAll(async () => {
    await other?.$disconnect();
    await test?.dispose();
  });

  async function readThenWrite(first?: typeof takeWriteLock): Promise<void> {
    await test.db().$transaction(async (tx) => {
      if (first) await first(tx);
      await tx.portal.findMany();
      await pause(300); // the other connection writes meanwhile
      await tx.portal.updateMany({ where: { memberId: 'lock-test' }, data: { lang: 'ru' } });
    });
  }

  it('without the lock first, the stale read cannot be upgraded: P1008 at once', async () => {
    const tx = readThenWrite();
    await pause(100);
    await other.portal.updateMany({ where: { memberId: 'lock-test' }, data: { lang: 'en' } });
    await expect(tx).rejects.toMatchObject({ code: 'P1008' });
  });

  it('with takeWriteLock first, the other writer (another process) waits for it and both succeed', async () => {
    const tx = readThenWrite(takeWriteLock);
    await pause(100);
    // Another process: in this one the synchronous driver's busy wait would block the transaction it waits for.
    const file = test.database.kind === 'sqlite' ? test.database.file : '';
    const script =
      "const D=require('better-sqlite3');new D(process.argv[1]).prepare(\"UPDATE Portal SET lang='en' WHERE " +
      "memberId='lock-test'\").run()";
    await run(process.execPath, ['-e', script, file]);
    await expect(tx).resolves.toBeUndefined();
    expect((await other.portal.findUniqueOrThrow({ where: { memberId: 'lock-test' } })).lang).toBe('en');
  });
});

// Two app instances on one PostgreSQL: there the named lock is what serialises (on SQLite, one writer at a time is the
// database's own rule, shown above).
describe('takeNamedWriteLock on PostgreSQL', () => {
  let test: TestDatabase;
  let other: Db;
  beforeAll(async () => {
    test = await createTestDatabase({ kind: 'postgresql' });
    other = createDb({ database: test.database });
  });
  afterAll(async () => {
    await other?.$disconnect();
    await test?.dispose();
  });

  /** Holds the lock for 300 ms in one client's transaction: when it got the lock, and when the transaction ended. */
  async function hold(db: Db, name: string, startAfterMs: number): Promise<{ got: number; ended: number }> {
    await pause(startAfterMs);
    let got = 0;
    await db.$transaction(async (tx) => {
      await takeNamedWriteLock(tx, db, name);
      got = performance.now();
      await pause(300);
    });
    return { got, ended: performance.now() };
  }

  it('runs two transactions with the same name one after the other', async () => {
    const both = await Promise.all([hold(test.db(), 'numbering:DEF-9xx', 0), hold(other, 'numbering:DEF-9xx', 50)]);
    const [earlier, later] = both.sort((a, b) => a.got - b.got);
    expect(later!.got).toBeGreaterThanOrEqual(earlier!.ended - 5);
  });

  it('lets transactions with different names run side by side', async () => {
    const both = await Promise.all([hold(test.db(), 'numbering:DEF-9xx', 0), hold(other, 'numbering:ported', 50)]);
    const [earlier, later] = both.sort((a, b) => a.got - b.got);
    expect(later!.got).toBeLessThan(earlier!.ended);
  });
});
