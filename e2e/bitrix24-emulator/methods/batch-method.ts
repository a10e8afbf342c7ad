/**
 * `batch`: `cmd` = `{key: "method?urlencoded-params"}` (≤50), `halt`, `$result[key][field]`
 * references; answers 200 with result/result_error/result_total/result_next/result_time even when commands fail.
 */
import { parseBracketParams } from '../bracket-params';
import { RestError } from '../rest-error';
import type { MethodContext, MethodResult } from '../method-context';
import { flagParam, param } from '../method-context';

export const MAX_BATCH_COMMANDS = 50;

export type RunCommand = (
  method: string,
  params: Record<string, unknown>,
) => { ok: true; value: MethodResult; time: Record<string, unknown> } | { ok: false; error: RestError };

function lookupPath(value: unknown, path: string[]): unknown {
  return path.reduce<unknown>(
    (node, key) => (typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[key] : undefined),
    value,
  );
}

/** Replaces `$result[key][0][ID]` with the earlier command's value, URL-encoded like the rest of the query. */
function substituteReferences(query: string, results: Record<string, unknown>): string {
  return query.replace(/\$result\[([^\]]+)\]((?:\[[^\]]*\])*)/g, (_match, key: string, rest: string) => {
    const path = [...rest.matchAll(/\[([^\]]*)\]/g)].map((item) => item[1] ?? '');
    const found = lookupPath(results[key], path);
    return found === undefined || typeof found === 'object' ? '' : encodeURIComponent(String(found));
  });
}

/** PHP arrays keyed 0..n-1 serialise as JSON lists, and empty ones as `[]`. */
function phpArray(map: Record<string, unknown>): unknown {
  const keys = Object.keys(map);
  if (keys.length === 0) return [];
  return keys.every((key, index) => key === String(index)) ? Object.values(map) : map;
}

export function runBatch({ params }: MethodContext, runCommand: RunCommand): MethodResult {
  const rawCommands = param(params, 'cmd');
  const commands = Object.entries(typeof rawCommands === 'object' && rawCommands !== null ? rawCommands : {});
  if (commands.length > MAX_BATCH_COMMANDS) {
    throw new RestError('ERROR_BATCH_LENGTH_EXCEEDED', `Max batch length exceeded ${MAX_BATCH_COMMANDS}`, 400);
  }
  const halt = flagParam(params, 'halt', false);
  const result: Record<string, unknown> = {};
  const errors: Record<string, unknown> = {};
  const totals: Record<string, unknown> = {};
  const nexts: Record<string, unknown> = {};
  const times: Record<string, unknown> = {};
  for (const [key, command] of commands) {
    const text = substituteReferences(String(command), result);
    const [method = '', query = ''] = text.split(/\?(.*)/s);
    const outcome =
      method.toLowerCase() === 'batch'
        ? {
            ok: false as const,
            error: new RestError('ERROR_BATCH_METHOD_NOT_ALLOWED', 'Method is not allowed for batch usage', 400),
          }
        : runCommand(method, parseBracketParams(query));
    if (!outcome.ok) {
      errors[key] = { error: outcome.error.code, error_description: outcome.error.description, ...outcome.error.extra };
      if (halt) break;
      continue;
    }
    result[key] = outcome.value.result;
    times[key] = outcome.time;
    if (outcome.value.total !== undefined) totals[key] = outcome.value.total;
    if (outcome.value.next !== undefined) nexts[key] = outcome.value.next;
  }
  return {
    result: {
      result: phpArray(result),
      result_error: phpArray(errors),
      result_total: phpArray(totals),
      result_next: phpArray(nexts),
      result_time: phpArray(times),
    },
  };
}
