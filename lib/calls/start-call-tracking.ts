import { getAmiManagers } from '../asterisk/get-ami-managers';
import { getDb } from '../db/client';
import { AppError } from '../errors/app-error';
import { CallTracking } from './call-tracking';

const holder = globalThis as typeof globalThis & { __callTracking?: Map<string, CallTracking> };

/**
 * Starts one AMI manager per configured PBX and the call tracking fed by it, once per process (globalThis, so
 * Next.js's module copies share them). Called from instrumentation.ts; CLIs call it too.
 */
export function startCallTracking(): Map<string, CallTracking> {
  if (!holder.__callTracking) {
    const trackings = new Map<string, CallTracking>();
    // Tracking must listen before the first 'connected' so its re-sync runs on the very first login too.
    for (const [name, manager] of getAmiManagers()) trackings.set(name, new CallTracking({ manager, db: getDb() }));
    holder.__callTracking = trackings;
  }
  return holder.__callTracking;
}

/** The tracking of one PBX (the only one when name is omitted and one PBX is configured). */
export function getCallTracking(name?: string): CallTracking {
  const all = startCallTracking();
  const found = name ? all.get(name) : all.size === 1 ? all.values().next().value : undefined;
  if (!found) throw new AppError('NOT_FOUND', name ? `PBX "${name}" is not configured` : 'Name the PBX: several (or none) are configured');
  return found;
}
