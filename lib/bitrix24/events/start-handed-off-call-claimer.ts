import { placeCallOnConnectedPbx } from '../../calls/place-call-on-connected-pbx';
import { ownedPbxNames } from '../../calls/start-call-tracking';
import { getDb } from '../../db/client';
import { log } from '../../log/log';
import { placeHandedOffCalls } from './place-handed-off-calls';

/** A handed-off click waits at most this long on top of its Originate; a cheap indexed query per tick. */
const POLL_MS = 200;
const holder = globalThis as typeof globalThis & { __handedOffClaimer?: NodeJS.Timeout };

/**
 * Places what waits in the journal for this instance while it owns PBXes (placeHandedOffCalls): the click-to-calls and
 * callbacks that instances without the PBX left for it, and callbacks waiting for a free line (deferCallback). Started
 * once per server from instrumentation.ts.
 */
export function startHandedOffCallClaimer(): void {
  if (holder.__handedOffClaimer) return;
  const inFlight = new Set<number>();
  let running = false;
  holder.__handedOffClaimer = setInterval(() => {
    const pbxNames = ownedPbxNames();
    if (running || pbxNames.length === 0) return;
    running = true;
    const deps = { db: getDb(), placeCall: placeCallOnConnectedPbx, log: (line: string) => log.warn(line) };
    placeHandedOffCalls({ ...deps, pbxNames, inFlight })
      .catch((error: unknown) => log.error('calls: placing handed-off click-to-calls failed', { error }))
      .finally(() => (running = false));
  }, POLL_MS);
  holder.__handedOffClaimer.unref();
}
