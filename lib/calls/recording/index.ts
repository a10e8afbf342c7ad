export { decideRecording, type RecordingDecision } from './decide-recording';
export { expectRecording, RECORDING_MISSING_EVENT } from './expect-recording';
export { issueRecordingToken, issueRecordingTokenAnywhere, type RecordingRequest } from './issue-recording-token';
export { receiveCallRecording, RECORDING_RECEIVED_EVENT, type ReceivedRecording } from './receive-call-recording';
export { shouldRecordCall } from './should-record-call';
