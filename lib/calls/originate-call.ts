import { randomUUID } from 'node:crypto';
import { AppError } from '../errors/app-error';
import { NOT_PLACED_STATUS_CODE } from './b24-status-code';
import type { CallTracking } from './call-tracking';
import { buildOriginateAction } from './build-originate-action';
import { sendDigitsAfterAnswer } from './send-digits-after-answer';
import { trackOriginatedCall } from './track-originated-call';
import type { AmiManager } from '../asterisk/ami-manager';

export type OriginateOptions = {
  /** The manager's extension: rung first (PJSIP/<extension>). */
  extension: string;
  /** The client's number, E.164 digits. */
  number: string;
  /** The decided line's dial template (Trunk.dial), e.g. "PJSIP/{number}@Beeline-GoIP". */
  dial: string;
  /** The decision's fallback lines' dial templates: the PBX tries them when the gateway cannot carry the call. */
  fallbackDials?: readonly string[];
  /** The Bitrix24 CALL_ID (from ONEXTERNALCALLSTART), inherited by every leg as B24_CALL_ID. */
  callId?: string | null;
  /** The route decision's id and body, stored with the call so the journal says why this trunk. */
  decisionId?: string | null;
  decision?: unknown;
  portalId: number;
  /** The manager's user row, when the caller found it. */
  userId?: number | null;
  sim?: number | null;
  requestedLine?: string | null;
  carrierInn?: string | null;
  carrierSource?: string | null;
  /**
   * Record the client leg with this upload token (issueRecordingToken): MixMonitor in the PBX's trunk pre-dial
   * handler, whose post-command uploads the closed file to the app; null: not recorded.
   */
  recordToken?: string | null;
  /** Ms the manager has to answer. */
  ringTimeoutMs?: number;
  /** Test/bench hook: called when the Originate bytes have been handed to the socket. */
  onWritten?: () => void;
  /** The PBX to place the call on, and the tracking that follows it there. */
  manager: AmiManager;
  tracking: CallTracking;
  /** The journal key; given when the journal row was claimed before the Originate (a Bitrix24 CALL_ID's). */
  linkedId?: string;
  /** How the call came to be; a callback is registered in Bitrix24 as one. */
  origin?: 'click_to_call' | 'callback';
  /** The client's extension (parseDialExtension): sent as DTMF on the client's leg once it answers. */
  dialExtension?: string | null;
  /** Pause between the client's answer and the extension's first digit. */
  dtmfDelayMs?: number;
};

const DTMF = /^[0-9*#]{1,16}$/;

/**
 * Click-to-call: Originate (Async) to the manager's phone (the PBX's originate channel, PJSIP/<ext> by default); when
 * they answer, the PBX's originate context dials the client through the decided line (buildOriginateAction says how
 * the line travels). Our generated ChannelId becomes the Linkedid of every leg: the journal key. The manager's phone
 * shows the client's number (CallerID).
 */
export const newLinkedId = (): string => `c2c-${randomUUID()}`;

export async function originate(options: OriginateOptions): Promise<{ linkedId: string }> {
  if (options.dialExtension && !DTMF.test(options.dialExtension))
    throw new AppError('INVALID_INPUT', 'The extension may hold only digits, * and #', { dialExtension: 'format' });
  const { manager, tracking } = options;
  const linkedId = options.linkedId ?? newLinkedId();
  const { pbx } = manager.options;
  const { action, line } = buildOriginateAction({
    ...options,
    linkedId,
    originateChannel: pbx.originateChannel,
    originateContext: pbx.originateContext,
  });

  tracking.remember(linkedId, {
    portalId: options.portalId,
    userId: options.userId,
    decision: options.decision,
    requestedLine: options.requestedLine,
    carrierInn: options.carrierInn,
    carrierSource: options.carrierSource,
  });
  const started = trackOriginatedCall(tracking.state, {
    linkedId,
    extension: options.extension,
    number: options.number,
    trunkEndpoint: line,
    sim: options.sim ?? null,
    b24CallId: options.callId ?? null,
    origin: options.origin,
    now: Date.now(),
  });
  if (options.dialExtension) {
    const digits = options.dialExtension;
    sendDigitsAfterAnswer({ manager, tracking, linkedId, digits, delayMs: options.dtmfDelayMs });
  }
  const sent = manager.action(action, { onWritten: options.onWritten });
  // The journal write goes after the Originate is on the wire: the click-to-call latency budget is for Asterisk.
  tracking.record([started]);
  try {
    await sent;
  } catch (error) {
    const call = tracking.state.calls.get(linkedId);
    if (call && call.status !== 'ended') {
      Object.assign(call, {
        status: 'ended',
        endedAt: Date.now(),
        talkSec: 0,
        durationSec: 0,
        b24StatusCode: NOT_PLACED_STATUS_CODE,
      });
      tracking.state.calls.delete(linkedId);
      tracking.record([
        { kind: 'ended', call, detail: { reason: 'originate_failed', error: (error as Error).message } },
      ]);
    }
    throw error instanceof AppError
      ? error
      : new AppError('UNAVAILABLE', `The PBX refused the call: ${(error as Error).message}`);
  }
  return { linkedId };
}
