import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { testPgUrl } from '../db/testing/create-test-database';
import { holdLeadership, type Leadership } from './hold-leadership';
import { listLeaders } from './list-leaders';

const CHILD = path.join(import.meta.dirname, 'testing', 'lead-until-killed.ts');
const children: ChildProcess[] = [];
const held: Leadership[] = [];

function startChild(url: string, name: string, instanceId: string): { child: ChildProcess; leading: Promise<void> } {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, url, name, instanceId], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.push(child);
  const leading = new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('LEADING') && resolve());
    child.on('exit', () => reject(new Error(`${instanceId} exited before leading`)));
  });
  return { child, leading };
}

async function waitUntil(check: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

afterAll(async () => {
  for (const child of children) child.kill('SIGKILL');
  await Promise.all(held.map((leadership) => leadership.stop()));
});

describe('holdLeadership (PostgreSQL advisory lock)', () => {
  it('one holder at a time; kill -9 of the holder hands over to the standby, and the status names it', async () => {
    const url = new URL(testPgUrl());
    url.searchParams.set('schema', `lead_${process.pid}`);
    const name = 'ami:pbx';
    const first = startChild(url.toString(), name, 'instance-a');
    await first.leading;
    const events: string[] = [];
    const standby = holdLeadership({
      databaseUrl: url.toString(),
      name,
      instanceId: 'instance-b',
      intervalMs: 200,
      onGain: () => events.push('gain'),
      onLose: () => events.push('lose'),
    });
    held.push(standby);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(standby.isLeader()).toBe(false);
    expect((await listLeaders({ databaseUrl: url.toString() })).filter((row) => row.name === name)).toMatchObject([
      { instanceId: 'instance-a' },
    ]);

    const killedAt = Date.now();
    first.child.kill('SIGKILL');
    await waitUntil(() => standby.isLeader(), 10_000);
    console.info(`[leadership] standby took over ${Date.now() - killedAt} ms after kill -9 of the holder`);
    expect(events).toEqual(['gain']);
    expect((await listLeaders({ databaseUrl: url.toString() })).filter((row) => row.name === name)).toMatchObject([
      { instanceId: 'instance-b' },
    ]);

    // A third instance stays standby while B leads; when B stops cleanly, it leads.
    const third = startChild(url.toString(), name, 'instance-c');
    await new Promise((resolve) => setTimeout(resolve, 600));
    await standby.stop();
    expect(events).toEqual(['gain', 'lose']);
    await third.leading;
  });
});
