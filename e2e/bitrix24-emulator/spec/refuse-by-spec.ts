/**
 * The error the portal gives for a call its spec refuses: the method page's own error where the page documents one
 * for that parameter, else ERROR_ARGUMENT with the `argument` field (the shape placement-bind.md shows).
 * Unknown parameter names are not refused: the portal ignores them.
 */
import { RestError } from '../rest-error';
import { checkCallAgainstSpec, type SpecViolation } from './check-call-against-spec';
import { loadMethodSpec } from './load-method-spec';

const core = (description: string) => new RestError('ERROR_CORE', description, 400);

/** method → parameter → the documented refusal (telephony-external-*.md error tables). */
const DOCUMENTED_MISSING: Record<string, Record<string, () => RestError>> = {
  'telephony.externalcall.register': {
    USER_ID: () => core('USER_ID or USER_PHONE_INNER should be set'),
    PHONE_NUMBER: () => core('Unsupported phone number format'),
    TYPE: () => core('Unknown TYPE'),
  },
  'telephony.externalcall.finish': {
    USER_ID: () => core('USER_ID or USER_PHONE_INNER should be set'),
    CALL_ID: () => new RestError('INVALID_ARGUMENT', 'CALL_ID must be a string', 400),
  },
  'telephony.externalline.add': { NUMBER: () => core('NUMBER should not be empty') },
  'telephony.externalline.update': { NUMBER: () => core('NUMBER should not be empty') },
  'telephony.externalline.delete': { NUMBER: () => core('NUMBER should not be empty') },
  'telephony.externalcall.searchcrmentities': { PHONE_NUMBER: () => core('PHONE_NUMBER is empty') },
};

function argumentError(name: string, description: string): RestError {
  return new RestError('ERROR_ARGUMENT', description, 400, { argument: name });
}

function toRestError(method: string, violation: Exclude<SpecViolation, { kind: 'unknown' }>): RestError {
  if (violation.kind === 'type') {
    return argumentError(violation.name, `Argument '${violation.name}' must be of type ${violation.expected}`);
  }
  const documented = violation.names.map((name) => DOCUMENTED_MISSING[method]?.[name.toUpperCase()]).find(Boolean);
  const name = violation.names[0] ?? '';
  return documented ? documented() : argumentError(name, `Argument '${name}' is null or empty`);
}

/** The refusal for a call the vendored spec does not allow, or `undefined` when it passes (or has no spec). */
export function refuseBySpec(method: string, params: Record<string, unknown>): RestError | undefined {
  const spec = loadMethodSpec(method);
  if (!spec) return undefined;
  const first = checkCallAgainstSpec({ spec, params }).find(
    (item): item is Exclude<SpecViolation, { kind: 'unknown' }> => item.kind !== 'unknown',
  );
  return first ? toRestError(spec.method.toLowerCase(), first) : undefined;
}
