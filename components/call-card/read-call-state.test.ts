import { describe, expect, it } from 'vitest';
import fixture from '../../e2e/bitrix24-emulator/conformance/fixtures/CallCard.CallStateChanged.json';
import { readCallState } from './read-call-state';

describe('readCallState (CallCard::CallStateChanged)', () => {
  it(`reads the state string the portal passes (${fixture.doc})`, () => {
    const [state] = fixture.sample.callbackArguments;
    expect(readCallState(state)).toBe('idle');
  });

  it('reads the value of the frame message "<callbackId>:\\"connected\\"" the SDK hands to the callback', () => {
    const message = 'cb17:"connected"';
    expect(readCallState(JSON.parse(message.slice(message.indexOf(':') + 1)))).toBe('connected');
  });

  it('is no state for an object: the portal never sends {callState}', () => {
    expect(readCallState({ callState: 'idle' })).toBeNull();
    expect(readCallState(undefined)).toBeNull();
  });
});
