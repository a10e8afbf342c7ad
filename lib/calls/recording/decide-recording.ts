import { decideRegistration, type ListItem, type RegistrationCall } from '../../lists/decide-registration';

export type DecideRecordingOptions = {
  /** The portal's recording switch (Lists page). */
  enabled: boolean;
  /** The portal's never-record list and whitelists. */
  lists: ListItem[];
  call: RegistrationCall;
};

export type RecordingDecision = { record: boolean; reason: 'off' | 'never_record' | 'not_whitelisted' | 'whitelisted' };

/**
 * Whether the PBX records a call, whatever its type (click-to-call, callback, desk phone, incoming): the portal's
 * switch, then the same lists as CRM registration — never-record wins over everything, and a call that does not go
 * into the CRM has nowhere for its recording to go, so only whitelisted calls are recorded.
 */
export function decideRecording({ enabled, lists, call }: DecideRecordingOptions): RecordingDecision {
  if (!enabled) return { record: false, reason: 'off' };
  const registration = decideRegistration({ call, lists });
  if (registration.reason === 'never_record') return { record: false, reason: 'never_record' };
  return registration.register ? { record: true, reason: 'whitelisted' } : { record: false, reason: 'not_whitelisted' };
}
