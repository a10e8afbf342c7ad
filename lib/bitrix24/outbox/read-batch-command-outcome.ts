import type { RestCallOutcome } from '../rest/call-portal-rest';

/** One command's answer inside a `batch` response: result[key] or result_error[key]. */
export function readBatchCommandOutcome(batchResult: unknown, key: string): RestCallOutcome {
  const body = (batchResult ?? {}) as { result?: unknown; result_error?: unknown };
  const errors = (body.result_error ?? {}) as Record<string, { error?: string; error_description?: string }>;
  const error = Array.isArray(errors) ? undefined : errors[key];
  if (error) {
    const code = String(error.error ?? 'UNKNOWN');
    // Inside a batch there is no HTTP status per command; the code tells the kind.
    const status = code === 'INTERNAL_SERVER_ERROR' ? 500 : 400;
    return { ok: false, code, description: String(error.error_description ?? ''), status };
  }
  const results = (body.result ?? {}) as Record<string, unknown>;
  if (!Array.isArray(results) && key in results) return { ok: true, result: results[key] };
  // Neither result nor error: the portal skipped the command (halt) — try it again.
  return { ok: false, code: 'BATCH_SKIPPED', description: 'no result for the command', status: 503 };
}
