/** Request parsing shared by the REST, OAuth and portal routes: query + body (JSON or form), bracket keys merged. */
import type { IncomingMessage } from 'node:http';
import { parseBracketParams } from './bracket-params';

const MAX_BODY_BYTES = 5 * 1024 * 1024;

export async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new Error('request body too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Bitrix24 accepts params in the query, a form body or a JSON body; the body wins on conflicts. */
export async function readParams(request: IncomingMessage, url: URL): Promise<Record<string, unknown>> {
  const fromQuery = parseBracketParams(url.search.slice(1));
  const text = await readBody(request);
  if (!text) return fromQuery;
  const type = request.headers['content-type'] ?? '';
  if (type.includes('application/json') || /^\s*[{[]/.test(text)) {
    try {
      const parsed = JSON.parse(text) as unknown;
      return typeof parsed === 'object' && parsed !== null ? { ...fromQuery, ...(parsed as object) } : fromQuery;
    } catch {
      return fromQuery;
    }
  }
  return { ...fromQuery, ...parseBracketParams(text) };
}
