/** Tiny REST client for the emulator's own tests: JSON body with `auth`, like the SDK sends. */
import { encodeBracketParams } from './bracket-params';

export type RestReply = { status: number; body: Record<string, any> };

export async function callRest(
  baseUrl: string,
  method: string,
  params: Record<string, unknown>,
  auth: string | undefined,
  encoding: 'json' | 'form' = 'json',
): Promise<RestReply> {
  const payload = auth === undefined ? params : { ...params, auth };
  const response = await fetch(`${baseUrl}/rest/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': encoding === 'json' ? 'application/json' : 'application/x-www-form-urlencoded' },
    body: encoding === 'json' ? JSON.stringify(payload) : encodeBracketParams(payload),
  });
  return { status: response.status, body: (await response.json()) as Record<string, any> };
}
