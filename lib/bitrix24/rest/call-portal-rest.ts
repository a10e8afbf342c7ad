import type { B24OAuth } from '@bitrix24/b24jssdk';

export type RestCallOutcome =
  | { ok: true; result: unknown }
  | { ok: false; code: string; description: string; status: number };

/** One REST request through the portal's SDK client, with every failure turned into a value (code + HTTP status). */
export async function callPortalRest(
  client: B24OAuth,
  method: string,
  params: Record<string, unknown>,
): Promise<RestCallOutcome> {
  try {
    const answer = await client.actions.v2.call.make<unknown>({ method, params });
    if (answer.isSuccess) return { ok: true, result: answer.getData()?.result };
    const error = answer.getErrors().next().value as { code?: string; message?: string; status?: number } | undefined;
    return {
      ok: false,
      code: String(error?.code ?? 'UNKNOWN'),
      description: error?.message ?? '',
      status: error?.status ?? answer.getStatus(),
    };
  } catch (error) {
    const failure = error as { code?: unknown; message?: string; status?: number; description?: string };
    return {
      ok: false,
      code: String(failure.code ?? 'UNKNOWN'),
      description: String(failure.description ?? failure.message ?? error),
      status: typeof failure.status === 'number' ? failure.status : 0,
    };
  }
}
