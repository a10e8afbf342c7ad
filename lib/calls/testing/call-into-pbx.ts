import type { AmiConnection } from '../../asterisk/ami/ami-connection';

export type CallIntoPbxOptions = {
  /** The gateway simulator's AMI (ClickToCallHarness.gateway). */
  gateway: AmiConnection;
  /** Which gateway the call arrives through: beeline, megafon, mts, hr1, hr2 (its in-<gw> endpoint). */
  through: string;
  /** The company's line number the client dialled (the trunk's lineNumber, e.g. 74950000201). */
  lineNumber: string;
  /** The client's own number (the caller ID the PBX sees). */
  from: string;
  /** Which PBX the client calls: ours (default) or the FreePBX-shaped one (the gateway's fpbx-in-<gw> endpoints). */
  pbx?: 'pbx' | 'fpbx';
  /** Give up after this long unanswered (an abandoned call); default: wait up to a minute for an answer. */
  abandonAfterMs?: number;
};

/**
 * A client calls the PBX through the gateway simulator (its [client] context): answered, the client talks for the
 * gateway's CLIENT_TALK_SECS and hangs up; with abandonAfterMs the client hangs up while it still rings. Resolves once
 * the gateway accepted the Originate (the call goes on in Asterisk).
 */
export async function callIntoPbx(options: CallIntoPbxOptions): Promise<void> {
  const number = options.lineNumber.replace(/\D/g, '');
  const from = options.from.replace(/\D/g, '');
  const line = options.through.replace(/[^a-z0-9]/g, '');
  const reply = await options.gateway.action({
    Action: 'Originate',
    Channel: `PJSIP/${number}@${options.pbx === 'fpbx' ? 'fpbx-' : ''}in-${line}`,
    Context: 'client',
    Exten: 's',
    Priority: '1',
    CallerID: `"${from}" <${from}>`,
    Timeout: String(options.abandonAfterMs ?? 60_000),
    Async: 'true',
  });
  if (reply.Response !== 'Success') throw new Error(`gateway refused the call: ${String(reply.Message)}`);
}
