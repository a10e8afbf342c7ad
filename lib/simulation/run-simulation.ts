import type { Db } from '../db/client';
import { AppError } from '../errors/app-error';
import { getNumberingData } from '../numbering/store';
import { loadRoutingSettings } from '../routing/settings/load-routing-settings';
import { getRoutingContext } from '../routing/settings/get-routing-context';
import type { RoutingSettings } from '../routing/types';
import { pickSimulatedCallers } from './pick-simulated-callers';
import { resolveWithRegistry } from './resolve-with-registry';
import { simulateDay, WORKDAY_HOURS, type SimulatedCall } from './simulate-day';
import { summarizeSimulation, type SimulationSummary } from './simulation-summary';
import { writeSimulatedCalls } from './write-simulated-calls';

export type RunSimulationOptions = {
  db: Db;
  portalId: number;
  calls: number;
  seed: number;
  /** YYYY-MM-DD; the day runs 09:00–18:00 Moscow time. Default: the last working day that is over. */
  day?: string;
  /** Write the calls into the journal (default true). */
  write?: boolean;
};

export type SimulationRun = { summary: SimulationSummary; calls: SimulatedCall[]; settings: RoutingSettings };

/**
 * A simulated day for a portal: its real settings, people, overrides and the active registry → journal rows + summary.
 */
export async function runSimulation(options: RunSimulationOptions): Promise<SimulationRun> {
  const { db, portalId } = options;
  const [settings, context, registry] = await Promise.all([
    loadRoutingSettings({ db, portalId }),
    getRoutingContext({ portalId, db }),
    getNumberingData({ db }),
  ]);
  const users = await db.user.findMany({
    where: { portalId, extension: { not: null } },
    select: { id: true, extension: true },
  });
  const callers = pickSimulatedCallers({
    settings,
    callers: context.callers,
    userIds: new Map(users.map((u) => [u.extension!, u.id])),
  });
  if (callers.length === 0)
    throw new AppError(
      'NOT_FOUND',
      'В портале нет менеджеров Продаж/HR с внутренними номерами: выполните `npm run seed -- demo` / ' +
        'No Sales/HR managers with extensions: run `npm run seed -- demo`',
    );
  const calls = simulateDay({
    calls: options.calls,
    seed: options.seed,
    settings,
    callers,
    index: registry.index,
    resolveCarrier: resolveWithRegistry({
      index: registry.index,
      portalOverrides: context.overrides,
      overrides: registry.overrides,
      ported: registry.ported?.index ?? null,
    }),
    dayStart: workdayStart(options.day),
  });
  if (options.write !== false) await writeSimulatedCalls({ db, portalId, seed: options.seed, calls, settings });
  return { summary: summarizeSimulation(calls, settings.trunks), calls, settings };
}

/**
 * 09:00 Moscow (UTC+3, no DST) of the given day; by default of the last working day already over, so no simulated
 * call lands in the future (today's day ends at 18:00 Moscow).
 */
export function workdayStart(day?: string, now = Date.now()): number {
  if (day === undefined) {
    const today = Date.parse(`${new Date(now).toISOString().slice(0, 10)}T06:00:00Z`);
    return today + WORKDAY_HOURS * 3_600_000 <= now ? today : today - 24 * 3_600_000;
  }
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day))
    throw new AppError('INVALID_INPUT', `Дата должна быть в виде ГГГГ-ММ-ДД / The day must be YYYY-MM-DD: ${day}`);
  return Date.parse(`${day}T06:00:00Z`);
}
