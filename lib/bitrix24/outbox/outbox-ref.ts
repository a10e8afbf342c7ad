/**
 * A param value that is another outbox message's result, e.g. `finish`'s CALL_ID = `register`'s answer. Messages with
 * references wait until the referenced message is done; this is how register → show → finish → attachRecord stay in
 * order while every one of them is persisted before anything is sent.
 */
export type OutboxRef = { $outboxRef: string; path: string };

export function outboxRef(dedupeKey: string, path: string): OutboxRef {
  return { $outboxRef: dedupeKey, path };
}

function isRef(value: unknown): value is OutboxRef {
  return typeof value === 'object' && value !== null && typeof (value as OutboxRef).$outboxRef === 'string';
}

/** Param key listing messages that must be done first without passing on their results (e.g. bind before lines). */
export const AFTER_KEY = '$after';

/** The dedupe keys a message's params refer to (top level only: that is all the call pipeline needs). */
export function listOutboxRefs(params: Record<string, unknown>): string[] {
  const after = Array.isArray(params[AFTER_KEY]) ? (params[AFTER_KEY] as unknown[]).map(String) : [];
  return [
    ...after,
    ...Object.values(params)
      .filter(isRef)
      .map((ref) => ref.$outboxRef),
  ];
}

/** Params with references replaced by the referenced results; `undefined` when a path is missing in a result. */
export function resolveOutboxRefs(
  params: Record<string, unknown>,
  results: Map<string, unknown>,
): Record<string, unknown> | undefined {
  const resolved: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(params)) {
    if (key === AFTER_KEY) continue;
    if (!isRef(value)) {
      resolved[key] = value;
      continue;
    }
    let node: unknown = results.get(value.$outboxRef);
    for (const segment of value.path.split('.'))
      node = typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[segment] : undefined;
    if (node === undefined || node === null || typeof node === 'object') return undefined;
    resolved[key] = typeof node === 'number' ? String(node) : node;
  }
  return resolved;
}
