import type { AmiManager } from '../asterisk/ami-manager';
import type { Db } from '../db/client';
import { AppError } from '../errors/app-error';
import type { RouteDecision } from '../routing/decide-route';
import { routeCall } from '../routing/route-call';
import type { Caller } from '../routing/types';
import type { CallTracking } from './call-tracking';
import { getSimLoad } from './get-sim-load';
import { originate } from './originate-call';
import { shouldRecordCall } from './should-record-call';

export type PlaceClickToCallOptions = {
  db: Db;
  portalId: number;
  extension: string;
  number: string;
  requestedLine?: string | null;
  callId?: string | null;
  /** When the caller is known by department rather than by extension (the CLI's default Sales caller). */
  caller?: Caller;
  manager: AmiManager;
  tracking: CallTracking;
  onWritten?: () => void;
};

/**
 * What a click in Bitrix24 (or `npm run call`) does: decide the trunk with the live SIM load, then originate through
 * it. The decision (with its reasons) is stored on the call, so the journal says why this line was used.
 */
export async function placeClickToCall(options: PlaceClickToCallOptions): Promise<{ decision: RouteDecision; linkedId: string }> {
  const [{ occupancy, usage }, record] = await Promise.all([
    getSimLoad({ db: options.db, portalId: options.portalId, trackers: [options.tracking.state] }),
    shouldRecordCall({ db: options.db, portalId: options.portalId, number: options.number }),
  ]);
  const decision = await routeCall({
    portalId: options.portalId, number: options.number, extension: options.extension, caller: options.caller, requestedLine: options.requestedLine, occupancy, usage, db: options.db,
  });
  if (!decision.trunk) throw new AppError('UNAVAILABLE', 'No line can take this call now: every allowed line is busy or at a SIM limit');
  const { linkedId } = await originate({
    extension: options.extension,
    number: decision.number.e164,
    trunk: decision.trunk.dialTarget,
    sim: decision.trunk.sim,
    record,
    callId: options.callId,
    decision,
    portalId: options.portalId,
    requestedLine: options.requestedLine,
    carrierInn: decision.carrier?.inn ?? null,
    carrierSource: decision.carrier?.source ?? 'unknown',
    manager: options.manager,
    tracking: options.tracking,
    onWritten: options.onWritten,
  });
  return { decision, linkedId };
}
