import type { AmiActionFields } from '../asterisk/ami/ami-message';
import { AppError } from '../errors/app-error';
import { checkDialTemplate, renderDialString } from '../routing/dial-template/check-dial-template';

/** The channel variable carrying the decided line's complete dial string, e.g. PJSIP/79151234567@Beeline-GoIP. */
export const DIAL_VARIABLE = 'B24_DIAL';
/** The lines to try in order (the drop-in's [b24-split-dials] checks each again), joined by DIALS_SEPARATOR. */
export const DIALS_VARIABLE = 'B24_DIALS';
/** Never a dial-string character (checkDialTemplate refuses it), and plain in the dialplan's FILTER and CUT. */
export const DIALS_SEPARATOR = '^';
export const DEFAULT_ORIGINATE_CHANNEL = 'PJSIP/{ext}';
export const DEFAULT_ORIGINATE_CONTEXT = 'outbound';

export type BuildOriginateActionOptions = {
  /** The manager's extension, rung first. */
  extension: string;
  /** The client's number, E.164 digits. */
  number: string;
  /** The decided line's dial template (Trunk.dial). */
  dial: string;
  /** The decision's fallback lines' dial templates, tried in order when the gateway cannot carry the call. */
  fallbackDials?: readonly string[];
  linkedId: string;
  callId?: string | null;
  decisionId?: string | null;
  /** The call's recording upload token (issueRecordingToken); absent or null: not recorded. */
  recordToken?: string | null;
  ringTimeoutMs?: number;
  /** The PBX's way to ring a manager and where the answered leg dials from (PbxConfig; defaults: the drop-in's). */
  originateChannel?: string;
  originateContext?: string;
};

/** The action to send, and the line key (template endpoint) the tracker knows the client leg by. */
export type OriginateAction = { action: AmiActionFields & { Action: string }; line: string };

const EXTENSION = /^\d{2,8}$/;
const NUMBER = /^\d{5,15}$/;
const TOKEN = /^[A-Za-z0-9._:-]{1,100}$/;
const RECORD_TOKEN = /^[A-Za-z0-9._-]{1,500}$/;

/**
 * The Originate for one click-to-call, every value checked: nothing from a request reaches the PBX's dialplan text,
 * only channel variables the dialplan validates again. The line travels two ways: TRUNK (its endpoint, what the
 * drop-in's [outbound] dials as PJSIP/<number>@TRUNK) and B24_DIAL (the whole dial string, inherited, so FreePBX's
 * predial hook on the outbound leg can dial exactly the line the app decided).
 */
export function buildOriginateAction(options: BuildOriginateActionOptions): OriginateAction {
  if (!EXTENSION.test(options.extension))
    throw new AppError('INVALID_INPUT', `Extension "${options.extension}" is not a phone extension`, {
      extension: 'digits',
    });
  if (!NUMBER.test(options.number))
    throw new AppError('INVALID_INPUT', `Number "${options.number}" must be 5–15 digits`, { number: 'digits' });
  const line = checkDialTemplate(options.dial);
  if (!line.ok)
    throw new AppError('INVALID_INPUT', `Line "${options.dial}" has no valid dial template (${line.problem})`, {
      dial: line.problem,
    });
  for (const [name, value] of [
    ['callId', options.callId],
    ['decisionId', options.decisionId],
  ] as const) {
    if (value && !TOKEN.test(value))
      throw new AppError('INVALID_INPUT', `${name} has characters the PBX cannot carry`, { [name]: 'format' });
  }
  const first = renderDialString(line.template, options.number);
  // Checked like the first line; a fallback whose template is broken is left out, it never fails the call.
  const fallbacks = (options.fallbackDials ?? []).flatMap((dial) => {
    const checked = checkDialTemplate(dial);
    return checked.ok ? [renderDialString(checked.template, options.number)] : [];
  });
  const variables = [
    `TRUNK=${line.resource}`,
    `__${DIAL_VARIABLE}=${first}`,
    `__${DIALS_VARIABLE}=${[first, ...fallbacks].join(DIALS_SEPARATOR)}`,
    `MANAGER_EXT=${options.extension}`,
  ];
  // Double underscore: inherited by the trunk leg and transfer targets, so the gateway and the tracker see the id.
  if (options.callId) variables.push(`__B24_CALL_ID=${options.callId}`);
  if (options.decisionId) variables.push(`__B24_DECISION_ID=${options.decisionId}`);
  if (options.recordToken && !RECORD_TOKEN.test(options.recordToken))
    throw new AppError('INVALID_INPUT', 'The recording token has characters the PBX cannot carry', {
      record: 'format',
    });
  // Inherited so the trunk leg's pre-dial handler sees them; the channel variable overrides the PBX's global RECORD.
  // The token also tells FreePBX's post-recording command (MIXMON_POST, the kit) which call the file belongs to.
  variables.push(`__RECORD=${options.recordToken ? 1 : 0}`);
  if (options.recordToken) variables.push(`__B24_REC_TOKEN=${options.recordToken}`);
  const action = {
    Action: 'Originate',
    Channel: (options.originateChannel ?? DEFAULT_ORIGINATE_CHANNEL).replace('{ext}', options.extension),
    Context: options.originateContext ?? DEFAULT_ORIGINATE_CONTEXT,
    Exten: options.number,
    Priority: 1,
    CallerID: `"${options.number}" <${options.number}>`,
    Timeout: options.ringTimeoutMs ?? 30_000,
    Async: 'true',
    ChannelId: options.linkedId,
    Variable: variables,
  };
  return { action, line: line.resource };
}
