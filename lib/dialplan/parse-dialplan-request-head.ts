/**
 * The request head the dialplan listener accepts (start-dialplan-listener.ts): what Asterisk's `${CURL()}` and any
 * HTTP/1.x client send for a GET without a body. Strict on purpose — the listener answers one route on loopback, so
 * anything unusual is refused with a status rather than guessed at.
 */
export type DialplanRequestHead = {
  method: string;
  /** The target's path, compared as sent (no dot-segment normalisation: a PBX has no reason to send any). */
  path: string;
  query: URLSearchParams;
  secret: string | null;
  accept: string;
};

export type DialplanHeadRejection = { status: 400 | 431; code: 'BAD_REQUEST' | 'HEADERS_TOO_LARGE'; message: string };

/** Larger heads are refused (431); node:http's own default limit is 16 KB, a CURL() request is ~150 bytes. */
export const MAX_HEAD_BYTES = 8_192;

const REQUEST_LINE = /^([A-Z]{1,16}) (\/[^ ]*) HTTP\/1\.[01]$/;
// RFC 9110 token characters for the name; no leading whitespace (obsolete line folding is refused).
const HEADER_LINE = /^([!#$%&'*+\-.^_`|~0-9A-Za-z]+):[ \t]*(.*?)[ \t]*$/;

const bad = (message: string): DialplanHeadRejection => ({ status: 400, code: 'BAD_REQUEST', message });

/**
 * Parses the head (request line and header lines, as latin1 text without the blank line that ends it). A request that
 * announces a body is refused: this route takes none, and an unread body would be taken for the next request's head.
 */
export function parseDialplanRequestHead(head: string): DialplanRequestHead | DialplanHeadRejection {
  if (head.length > MAX_HEAD_BYTES)
    return { status: 431, code: 'HEADERS_TOO_LARGE', message: `request head over ${MAX_HEAD_BYTES} bytes` };
  const lines = head.split('\r\n');
  const requestLine = REQUEST_LINE.exec(lines[0]!);
  if (!requestLine) return bad('malformed request line');
  let secret: string | null = null;
  let accept = '';
  for (let i = 1; i < lines.length; i += 1) {
    const header = HEADER_LINE.exec(lines[i]!);
    if (!header) return bad(`malformed header line ${i + 1}`);
    const name = header[1]!.toLowerCase();
    const value = header[2]!;
    if (name === 'x-dialplan-secret') secret = value;
    else if (name === 'accept') accept = value;
    else if (name === 'transfer-encoding' || (name === 'content-length' && value !== '0'))
      return bad('this route takes no request body');
  }
  const target = requestLine[2]!;
  const mark = target.indexOf('?');
  return {
    method: requestLine[1]!,
    path: mark < 0 ? target : target.slice(0, mark),
    query: new URLSearchParams(mark < 0 ? '' : target.slice(mark + 1)),
    secret,
    accept,
  };
}

export function isHeadRejection(parsed: DialplanRequestHead | DialplanHeadRejection): parsed is DialplanHeadRejection {
  return 'status' in parsed;
}
