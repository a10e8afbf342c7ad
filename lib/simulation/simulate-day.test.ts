import { describe, expect, it } from 'vitest';
import { demoRoutingSettings } from '../routing/demo-routing-settings';
import { fullCoverageSettings } from './full-coverage-settings';
import { simulateInMemory } from './simulate-in-memory';

describe('simulateDay through the real registry and routing', () => {
  it('replays the same day for the same seed', async () => {
    const first = await simulateInMemory({ settings: demoRoutingSettings, calls: 300, seed: 7 });
    const second = await simulateInMemory({ settings: demoRoutingSettings, calls: 300, seed: 7 });
    expect(second).toEqual(first);
    expect(first.calls).toBe(300);
    expect(first.cost).toBeGreaterThan(0);
  });

  it('a different seed gives a different day', async () => {
    const a = await simulateInMemory({ settings: demoRoutingSettings, calls: 300, seed: 1 });
    const b = await simulateInMemory({ settings: demoRoutingSettings, calls: 300, seed: 2 });
    expect(b.cost).not.toBe(a.cost);
  });

  it('about 30 % of placed calls go unanswered', async () => {
    const summary = await simulateInMemory({ settings: fullCoverageSettings(), calls: 1000, seed: 3 });
    const placed = summary.calls - summary.blocked;
    expect(summary.answered / placed).toBeGreaterThan(0.62);
    expect(summary.answered / placed).toBeLessThan(0.78);
  });

  it('routing by carrier costs less than the baseline, and a T2 line recovers the "no line" loss', async () => {
    const reference = await simulateInMemory({ settings: demoRoutingSettings, calls: 600, seed: 5 });
    const covered = await simulateInMemory({ settings: fullCoverageSettings(), calls: 600, seed: 5 });
    expect(reference.ratio!).toBeGreaterThan(1);
    expect(covered.ratio!).toBeGreaterThan(reference.ratio!);
    expect(covered.lostTo.noCarrierLine).toBeLessThan(reference.lostTo.noCarrierLine);
  });
});
