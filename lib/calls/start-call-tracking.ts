import { getAmiManagers } from '../asterisk/get-ami-managers';
import { getDb } from '../db/client';
import { AppError } from '../errors/app-error';
import { setCallPlacer } from '../bitrix24/events/call-placer';
import type { CallTrackerState } from './call-tracker-state';
import { CallTracking } from './call-tracking';
import { followCallChanges } from './follow-call-changes';
import { placeClickToCall } from './place-click-to-call';

const holder = globalThis as typeof globalThis & { __callTracking?: Map<string, CallTracking> };

/**
 * Starts one AMI manager per configured PBX and the call tracking fed by it, once per process (globalThis, so
 * Next.js's module copies share them). Called from instrumentation.ts; CLIs call it too.
 */
export function startCallTracking(): Map<string, CallTracking> {
  if (!holder.__callTracking) {
    const trackings = new Map<string, CallTracking>();
    // Tracking must listen before the first 'connected' so its re-sync runs on the very first login too.
    const managers = getAmiManagers();
    for (const [name, manager] of managers) {
      const tracking = new CallTracking({ manager, db: getDb() });
      followCallChanges({ tracking, db: getDb() });
      trackings.set(name, tracking);
    }
    holder.__callTracking = trackings;
    // Bitrix24's click-to-call events (lib/bitrix24/events) place calls through the PBX named in the decision's trunk,
    // re-routed here with the live SIM load.
    setCallPlacer(async (request) => {
      const manager = managers.get(request.pbxName) ?? managers.values().next().value!;
      const tracking = trackings.get(request.pbxName) ?? trackings.values().next().value!;
      const { linkedId } = await placeClickToCall({
        db: getDb(), portalId: request.portalId, extension: request.extension, number: request.number,
        requestedLine: request.requestedLine, callId: request.b24CallId, manager, tracking,
      });
      return { linkedId };
    });
  }
  return holder.__callTracking;
}

/** The live state of every PBX's tracking (what the SIM load is read from). */
export function trackedCallStates(): CallTrackerState[] {
  return [...startCallTracking().values()].map((tracking) => tracking.state);
}

/** The tracking of one PBX (the only one when name is omitted and one PBX is configured). */
export function getCallTracking(name?: string): CallTracking {
  const all = startCallTracking();
  const found = name ? all.get(name) : all.size === 1 ? all.values().next().value : undefined;
  if (!found) throw new AppError('NOT_FOUND', name ? `PBX "${name}" is not configured` : 'Name the PBX: several (or none) are configured');
  return found;
}
