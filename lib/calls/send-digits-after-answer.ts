import type { AmiManager } from '../asterisk/ami-manager';
import type { CallChange } from './call-tracker-state';
import type { CallTracking } from './call-tracking';

export type SendDigitsAfterAnswerOptions = {
  manager: AmiManager;
  tracking: CallTracking;
  linkedId: string;
  /** Already validated (parseDialExtension): digits, * and #. */
  digits: string;
  /** Pause between the client's answer and the first digit: the far end's menu must be listening. */
  delayMs?: number;
  /** How long the follow-up waits for the answer before it gives up (the call rang out, or never connected). */
  waitMs?: number;
};

const DIGIT_MS = 250;
const DEFAULT_DELAY_MS = 2_000;
const DEFAULT_WAIT_MS = 5 * 60_000;

/**
 * Dials the extension of a CRM number ("доб. 123") once the client's leg is answered: AMI PlayDTMF on that leg, one
 * digit at a time (RFC 4733 out of the trunk), whatever dialplan the PBX runs. The journal gets a 'dtmf' change with
 * the digits sent, or the reason they were not. Never throws: a lost extension must not end the call.
 */
export function sendDigitsAfterAnswer(options: SendDigitsAfterAnswerOptions): void {
  const { manager, tracking, linkedId, digits } = options;
  const onChange = (change: CallChange) => {
    if (change.call.linkedId !== linkedId) return;
    if (change.kind === 'ended') return stop();
    if (change.kind !== 'answered') return;
    stop();
    setTimeout(() => void play(), options.delayMs ?? DEFAULT_DELAY_MS);
  };
  const timer = setTimeout(() => stop(), options.waitMs ?? DEFAULT_WAIT_MS);
  timer.unref?.();
  function stop() {
    clearTimeout(timer);
    tracking.off('change', onChange);
  }
  async function play() {
    const call = tracking.state.calls.get(linkedId);
    const channel = call?.trunkUniqueid ? tracking.state.channels.get(call.trunkUniqueid)?.name : undefined;
    if (!call || !channel || call.status === 'ended') return;
    let sent = '';
    let error: string | null = null;
    try {
      for (const digit of digits) {
        await manager.action({ Action: 'PlayDTMF', Channel: channel, Digit: digit, Duration: DIGIT_MS });
        sent += digit;
      }
    } catch (failure) {
      error = (failure as Error).message.slice(0, 200);
    }
    tracking.record([{ kind: 'dtmf', call: { ...call }, detail: { digits, sent, error } }]);
  }
  tracking.on('change', onChange);
}
