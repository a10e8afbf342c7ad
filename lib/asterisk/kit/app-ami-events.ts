/**
 * The AMI events the app reads (lib/calls/apply-ami-event.ts, the reconnect's FullyBooted), and the only variables
 * whose VarSet it needs. The install kit's `eventfilter=` lines let exactly these through.
 */
export const APP_AMI_EVENTS = [
  'Newchannel',
  'Newstate',
  'Hangup',
  'DialBegin',
  'DialEnd',
  'BridgeEnter',
  'BlindTransfer',
  'AttendedTransfer',
  'OriginateResponse',
  'UserEvent',
  'FullyBooted',
  // qualify results and modems coming and going: which lines can carry a call right now (class `call`)
  'DeviceStateChange',
] as const;

export const APP_AMI_VARIABLES = ['B24_CALL_ID', 'MIXMONITOR_FILENAME'] as const;

/** The rights the app's AMI user needs, no more (checked on Asterisk 22: README, PBX section). */
export const APP_AMI_RIGHTS = { read: ['call', 'dialplan', 'user'], write: ['originate', 'reporting'] } as const;
