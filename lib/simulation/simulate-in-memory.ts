import type { CarrierIndex } from '../numbering/registry';
import { getBundledRegistryIndex } from '../numbering/store';
import type { RoutingSettings } from '../routing/types';
import { demoCallers, pickSimulatedCallers } from './pick-simulated-callers';
import { resolveWithRegistry } from './resolve-with-registry';
import { simulateDay } from './simulate-day';
import { summarizeSimulation, type SimulationSummary } from './simulation-summary';
import { workdayStart } from './run-simulation';

export type SimulateInMemoryOptions = {
  settings: RoutingSettings;
  calls: number;
  seed: number;
  day?: string;
  mix?: 'registry' | 'subscribers';
  /** The registry to dial into; the bundled one by default, so the answer does not depend on a database. */
  index?: CarrierIndex;
};

/** A day through given settings and the demo people, without a database: "what would this configuration save?". */
export async function simulateInMemory({
  settings,
  calls,
  seed,
  day,
  mix = 'registry',
  index,
}: SimulateInMemoryOptions): Promise<SimulationSummary> {
  const registry = { index: index ?? (await getBundledRegistryIndex()) };
  const simulated = simulateDay({
    calls,
    seed,
    settings,
    callers: pickSimulatedCallers({ settings, callers: demoCallers }),
    index: registry.index,
    resolveCarrier: resolveWithRegistry({ index: registry.index }),
    dayStart: workdayStart(day ?? '2026-01-15'),
    // 'subscribers': people on the networks the configuration has groups for.
    mix:
      mix === 'registry'
        ? { kind: 'registry' }
        : { kind: 'subscribers', inns: new Set(settings.carrierGroups.flatMap((g) => g.inns)) },
  });
  return summarizeSimulation(simulated, settings.trunks);
}
