import { newTrackedCall, type CallChange, type CallTrackerState } from './call-tracker-state';

export type TrackOriginatedCallOptions = {
  linkedId: string;
  extension: string;
  number: string;
  trunkEndpoint: string;
  sim: number | null;
  b24CallId: string | null;
  /** A CRM-form callback is registered in Bitrix24 as one (TYPE 4); the rest are click-to-calls. */
  origin?: 'click_to_call' | 'callback';
  now: number;
};

/**
 * Registers a click-to-call before its Originate is sent, so the journal has it from the click on and the first
 * Newchannel (whose Linkedid is our ChannelId) joins it instead of being taken for a desk-phone call.
 */
export function trackOriginatedCall(state: CallTrackerState, options: TrackOriginatedCallOptions): CallChange {
  const call = newTrackedCall({
    linkedId: options.linkedId,
    pbxName: state.pbxName,
    origin: options.origin ?? 'click_to_call',
    direction: 'outbound',
    startedAt: options.now,
    extension: options.extension,
    number: options.number,
    trunkEndpoint: options.trunkEndpoint,
    sim: options.sim,
    b24CallId: options.b24CallId,
  });
  state.calls.set(call.linkedId, call);
  return { kind: 'started', call };
}
