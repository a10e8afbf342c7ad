import type { Db } from '../db/client';
import { placeOutgoingCall, type OutgoingCallRequest, type OutgoingCallResult } from './place-outgoing-call';
import { startCallTracking } from './start-call-tracking';

/** How a caller outside lib/calls places a call; tests hand their own (their PBX, their database). */
export type PlaceCall = (request: OutgoingCallRequest & { db: Db }) => Promise<OutgoingCallResult>;

/** placeOutgoingCall on the PBXes this process is connected to (none configured: the call is refused as 503). */
export const placeCallOnConnectedPbx: PlaceCall = (request) =>
  placeOutgoingCall({ ...request, ami: startCallTracking() });
