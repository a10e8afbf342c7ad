import { describe, expect, it } from 'vitest';
import { demoRoutingSettings } from '../routing/demo-routing-settings';
import { referenceRoutingSettings } from '../routing/reference-routing-settings';
import { workdayStart } from './run-simulation';
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
    const summary = await simulateInMemory({ settings: referenceRoutingSettings, calls: 1000, seed: 3 });
    const placed = summary.calls - summary.blocked;
    expect(summary.answered / placed).toBeGreaterThan(0.62);
    expect(summary.answered / placed).toBeLessThan(0.78);
  });

  it(
    "routing by carrier costs less than the baseline, and the reference's T2 line " + 'recovers the "no line" loss',
    async () => {
      const compact = await simulateInMemory({ settings: demoRoutingSettings, calls: 600, seed: 5 });
      const reference = await simulateInMemory({ settings: referenceRoutingSettings, calls: 600, seed: 5 });
      expect(compact.ratio!).toBeGreaterThan(1);
      expect(reference.ratio!).toBeGreaterThan(compact.ratio!);
      expect(reference.lostTo.noCarrierLine).toBeLessThan(compact.lostTo.noCarrierLine);
    },
  );

  // The goal, on the issue's own command (`npm run simulate -- --calls 5000 --seed N`): deterministic per seed.
  it.each([1, 2, 3])(
    'the reference configuration, 5 000 calls, seed %i: ≥ 3× below the baseline, nearly every call placed',
    async (seed) => {
      const day = await simulateInMemory({ settings: referenceRoutingSettings, calls: 5000, seed });
      expect(day.ratio!).toBeGreaterThanOrEqual(3);
      expect(day.blocked).toBeLessThan(50); // HR's two SIMs at their caps, nothing else
      // What is left is explained, and mostly by numbers no line can take on-net (landlines, unknown carriers).
      expect(day.lostTo.unknownCarrier).toBeGreaterThan(day.lostTo.busy + day.lostTo.caps + day.lostTo.noCarrierLine);
    },
  );
});

describe('workdayStart', () => {
  it('defaults to the last working day that is over, so no call lands in the future', () => {
    const at = (iso: string) => Date.parse(iso);
    // 17:00 Moscow: today's day is not over yet → yesterday's.
    expect(workdayStart(undefined, at('2026-12-01T14:00:00Z'))).toBe(at('2026-11-30T06:00:00Z'));
    // 18:30 Moscow: today's day is over.
    expect(workdayStart(undefined, at('2026-12-01T15:30:00Z'))).toBe(at('2026-12-01T06:00:00Z'));
    expect(workdayStart('2026-01-15')).toBe(at('2026-01-15T06:00:00Z'));
  });
});
