import type { ReservedByTrunk, UsageByTrunk } from './types';

/** One decided SIM whose call has not shown up in the live load yet. */
export type SimReservation = { trunkId: string; sim: number; until: number };

export type LiveReservationsOptions = {
  reservations: readonly SimReservation[];
  usage: UsageByTrunk | undefined;
  now: number;
};

/**
 * Which reservations still hold: not expired, and their SIM not yet busy in the live load. Once the call's channel is
 * up the live load carries the SIM itself; a call that never came (the PBX fell back, the phone hung up first) frees
 * its SIM at `until`.
 */
export function liveReservations({ reservations, usage, now }: LiveReservationsOptions): SimReservation[] {
  return reservations.filter((held) => held.until > now && usage?.[held.trunkId]?.[held.sim]?.busy !== true);
}

/** The reservations as the decision reads them: SIM slots per trunk id. */
export function reservedByTrunk(reservations: readonly SimReservation[]): ReservedByTrunk {
  const byTrunk: Record<string, number[]> = {};
  for (const { trunkId, sim } of reservations) (byTrunk[trunkId] ??= []).push(sim);
  return byTrunk;
}

/**
 * Long enough for the slowest path from a decision to the SIM showing busy here (dialplan → Dial → AMI → the app's
 * tracking → the 50 ms live summary to the dialplan process); short enough that a call which never came does not keep
 * a SIM from the next one for long.
 */
export const RESERVATION_MS = 5000;

/** The process's table: whoever decides holds it for the moment between decision and channel. */
export type SimReservations = {
  /** The reservations that still hold against this load, pruning the others. */
  held(usage: UsageByTrunk | undefined, now: number): ReservedByTrunk;
  hold(trunkId: string, sim: number, now: number): void;
  /** The decided call will not be placed after all: its SIM is free again. */
  release(trunkId: string, sim: number): void;
};

export function createSimReservations(holdMs: number = RESERVATION_MS): SimReservations {
  let table: SimReservation[] = [];
  return {
    held(usage, now) {
      table = liveReservations({ reservations: table, usage, now });
      return reservedByTrunk(table);
    },
    hold(trunkId, sim, now) {
      table.push({ trunkId, sim, until: now + holdMs });
    },
    release(trunkId, sim) {
      const index = table.findIndex((held) => held.trunkId === trunkId && held.sim === sim);
      if (index >= 0) table.splice(index, 1);
    },
  };
}

const holder = globalThis as typeof globalThis & { __simReservations?: SimReservations };

/** This process's one table (on globalThis so Next's module copies share it): the dialplan process's, or the app's. */
export function processSimReservations(): SimReservations {
  return (holder.__simReservations ??= createSimReservations());
}

/** The process's table for a decision nobody will dial (a person's question): it sees the held SIMs, holds none. */
export function peekSimReservations(): SimReservations {
  const table = processSimReservations();
  return { held: table.held, hold: () => undefined, release: () => undefined };
}
