import { describe, expect, it } from 'vitest';
import { runUrgent, urgentWorkYielded } from './urgent-work';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('urgent work goes first', () => {
  it('background work goes on at once when nothing urgent runs', () => {
    expect(urgentWorkYielded()).toBeUndefined();
  });

  it('background work waits while urgent work runs, and goes on once it is done', async () => {
    let finish!: () => void;
    const urgent = runUrgent(() => new Promise<void>((resolve) => (finish = resolve)));
    let goneOn = false;
    const background = urgentWorkYielded()!.then(() => (goneOn = true));
    await sleep(5);
    expect(goneOn).toBe(false);
    finish();
    await Promise.all([urgent, background]);
    expect(goneOn).toBe(true);
  });

  it('urgent work that runs long (a slow Bitrix24) holds background work back for its first moments only', async () => {
    let urgentDone = false;
    const slow = runUrgent(() => sleep(1_000)).then(() => (urgentDone = true));
    expect(urgentWorkYielded()).toBeDefined();
    await urgentWorkYielded();
    expect(urgentDone).toBe(false);
    expect(urgentWorkYielded()).toBeUndefined();
    await slow;
  });
});
