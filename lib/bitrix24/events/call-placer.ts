import { AppError } from '../../errors/app-error';

export type PlaceCallRequest = {
  portalId: number;
  /** ONEXTERNALCALLSTART's CALL_ID (already registered by Bitrix24), or null for a CRM-form callback. */
  b24CallId: string | null;
  origin: 'click_to_call' | 'callback';
  /** The manager's desk phone, rung first; the client is dialled when it answers. */
  extension: string;
  /** E.164 digits without "+". */
  number: string;
  /** LINE_NUMBER as the manager chose it ('' / null = automatic): lets the placer re-route with the live SIM load. */
  requestedLine: string | null;
  /** Our route decision without live SIM load; a placer that routes itself (placeClickToCall) may ignore it. */
  trunk: { id: number; name: string; dialTarget: string; lineNumber: string };
  pbxName: string;
};
export type PlacedCall = { linkedId: string };
export type PlaceCall = (request: PlaceCallRequest) => Promise<PlacedCall>;

const holder = globalThis as typeof globalThis & { __b24CallPlacer?: PlaceCall };

/**
 * The seam to the AMI side ([4/6], lib/asterisk + lib/calls): it registers its originate here at start-up
 * (`setCallPlacer(...)`). Until then click-to-call answers "PBX unavailable" and the Bitrix24 call is finished as failed.
 */
export function setCallPlacer(placeCall: PlaceCall | undefined): void {
  holder.__b24CallPlacer = placeCall;
}

export const placeCallThroughPbx: PlaceCall = (request) => {
  const placer = holder.__b24CallPlacer;
  if (!placer) return Promise.reject(new AppError('UNAVAILABLE', 'No PBX connection can place calls yet'));
  return placer(request);
};
