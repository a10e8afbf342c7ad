import { ClientRequest } from 'node:http';

export type OutgoingRequest = { path: string; body: string; at: number };

/**
 * Every HTTP request this process sends, with its body, timed when Node has handed all of it to the kernel (the
 * request's 'finish'): the moment it leaves the app, whatever the receiver (in this process or not) does next.
 * Installed on ClientRequest's prototype, so it sees a body however early the client writes it.
 */
export function watchOutgoingRequests(): { requests: OutgoingRequest[]; stop(): void } {
  const requests: OutgoingRequest[] = [];
  const bodies = new WeakMap<ClientRequest, string[]>();
  const proto = ClientRequest.prototype as unknown as Record<'write' | 'end', (...args: unknown[]) => unknown>;
  const { write, end } = proto;
  const keep = (request: ClientRequest, chunk: unknown) => {
    let chunks = bodies.get(request);
    if (!chunks) {
      bodies.set(request, (chunks = []));
      request.once('finish', () =>
        requests.push({ path: request.path, body: chunks!.join(''), at: performance.timeOrigin + performance.now() }),
      );
    }
    if (chunk !== undefined && chunk !== null && typeof chunk !== 'function') chunks.push(String(chunk));
  };
  proto.write = function (this: ClientRequest, chunk: unknown, ...rest: unknown[]) {
    keep(this, chunk);
    return write.call(this, chunk, ...rest);
  };
  proto.end = function (this: ClientRequest, chunk?: unknown, ...rest: unknown[]) {
    keep(this, chunk);
    return end.call(this, chunk, ...rest);
  };
  return {
    requests,
    stop() {
      proto.write = write;
      proto.end = end;
    },
  };
}
