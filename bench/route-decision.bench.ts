/**
 * In-process routing decision benchmark: `npx tsx bench/route-decision.bench.ts`. Target: ≥ 1 M decisions/s.
 *
 * Baselines measured in the same run: (1) the floor — normalising the number and looking up its carrier, which every
 * decision must do; (2) a naive router written the obvious way (settings arrays searched with find/filter on every
 * call, no compiled maps — it returns only the trunk: no reasons, no fallbacks, so it does less work). Ratios make the
 * numbers comparable across machines; nothing here is asserted in tests.
 */
import { buildCarrierIndex } from '../lib/numbering/registry';
import { loadRegistryFile, bundledRegistryPath } from '../lib/numbering/store';
import { normalizePhoneNumber } from '../lib/numbering/phone';
import { resolveCarrier } from '../lib/numbering/carrier';
import { assessTrunkCapacity } from '../lib/routing/assess-trunk-capacity';
import { compileRoutingSettings } from '../lib/routing/compile-routing-settings';
import { decideRoute } from '../lib/routing/decide-route';
import { demoRoutingSettings } from '../lib/routing/demo-routing-settings';
import type { ResolvedCarrier, SimUsage, UsageByTrunk } from '../lib/routing/types';

const N = 1_000_000;
const REPEATS = 5;
let sink = 0;

function medianRate(count: number, run: () => void): number {
  run();
  const rates: number[] = [];
  for (let i = 0; i < REPEATS; i += 1) {
    const start = performance.now();
    run();
    rates.push(count / ((performance.now() - start) / 1000));
  }
  return rates.sort((a, b) => a - b)[Math.floor(REPEATS / 2)]!;
}

const { registry } = await loadRegistryFile(bundledRegistryPath());
const index = buildCarrierIndex(registry.ranges);
// Real allocated numbers, drawn across the registry, plus a few unknown ones.
const numbers: string[] = [];
for (let i = 0; numbers.length < 4096; i += 1) {
  const range = registry.ranges[(i * 7919) % registry.ranges.length]!;
  // Mostly bare digits (what Asterisk and Bitrix24 send), some formatted by a person.
  numbers.push(
    i % 16 === 0
      ? `7999${String(i).padStart(7, '0')}`
      : i % 4 === 0
        ? `+7 (${range.def}) ${range.from}`
        : `7${range.def}${range.from}`,
  );
}
const callers = [{ departmentIds: ['1'] }, { departmentIds: ['2'] }, { departmentIds: [] }];
const now = Date.now();
const sim = (seconds: number): SimUsage => ({
  busy: false,
  callsToday: 10,
  secondsToday: seconds,
  secondsThisMonth: seconds * 10,
  lastCallEndedAt: now - 60_000,
});
const usage: UsageByTrunk = Object.fromEntries(
  demoRoutingSettings.trunks.map((t) => [t.id, Array.from({ length: t.channels }, (_, i) => sim(i * 60))]),
);
const occupancy = { mts: 1, beeline: 2 };
const settings = compileRoutingSettings(demoRoutingSettings);
const resolve = (e164: string): ResolvedCarrier | null => {
  const found = resolveCarrier({ e164, index });
  return found?.inn ? { inn: found.inn, source: found.source, operator: found.operator } : null;
};

const floor = medianRate(N, () => {
  for (let i = 0; i < N; i += 1) {
    const n = normalizePhoneNumber(numbers[i & 4095]!);
    if (n.ok && resolve(n.e164)) sink += 1;
  }
});

const ours = medianRate(N, () => {
  for (let i = 0; i < N; i += 1) {
    const d = decideRoute({
      number: numbers[i & 4095]!,
      caller: callers[i % 3]!,
      usage,
      occupancy,
      settings,
      resolveCarrier: resolve,
      now,
    });
    if (d.trunk) sink += 1;
  }
});

/** The obvious implementation: search the raw settings on every call. */
function naiveRoute(number: string, departmentIds: string[]): string | null {
  const n = normalizePhoneNumber(number);
  if (!n.ok) return null;
  const inn = resolve(n.e164)?.inn;
  const profile = demoRoutingSettings.profiles.find((p) => p.departmentIds.some((d) => departmentIds.includes(d)));
  const allowed = demoRoutingSettings.trunks.filter((t) => !profile || profile.allowedTrunkIds.includes(t.id));
  const group = demoRoutingSettings.carrierGroups.find((g) => inn && g.inns.includes(inn));
  const ordered = [
    ...allowed.filter((t) => t.carrierGroupId === group?.id),
    ...allowed.filter((t) => t.id === (profile?.defaultTrunkId ?? demoRoutingSettings.defaultTrunkId)),
    ...allowed,
  ];
  const trunk = ordered.find(
    (t) =>
      assessTrunkCapacity({ trunk: t, sims: usage[t.id], busyChannels: occupancy[t.id as keyof typeof occupancy], now })
        .available,
  );
  return trunk?.id ?? null;
}
const naive = medianRate(N / 4, () => {
  for (let i = 0; i < N / 4; i += 1) if (naiveRoute(numbers[i & 4095]!, callers[i % 3]!.departmentIds)) sink += 1;
});

const fmt = (rate: number) => `${(rate / 1e6).toFixed(2)} M/s`;
console.log(`route decision (in-process), ${N.toLocaleString('en')} calls × ${REPEATS} runs, median:`);
console.log(`  normalise + carrier lookup (floor): ${fmt(floor)}`);
console.log(`  naive router (same rules, raw settings): ${fmt(naive)}`);
console.log(
  `  decideRoute: ${fmt(ours)}  — ${(ours / naive).toFixed(2)}× the naive router, ` +
    `${(ours / floor).toFixed(2)}× the floor; target ≥ 1 M/s: ${ours >= 1e6 ? 'met' : 'NOT met'}`,
);
if (sink === 0) console.log('(no routes?)');
