import { describe, expect, it } from 'vitest';
import { MAX_HEAD_BYTES, parseDialplanRequestHead } from './parse-dialplan-request-head';

const head = (...lines: string[]) => lines.join('\r\n');

describe('parseDialplanRequestHead', () => {
  it('reads what CURL() sends: method, path, query, the secret header, Accept', () => {
    const parsed = parseDialplanRequestHead(
      head(
        'GET /api/asterisk/route?number=%2B7%20915%201234567&ext=101 HTTP/1.1',
        'Host: 127.0.0.1:3001',
        'Accept: */*',
        'X-Dialplan-Secret:  s3cret  ',
      ),
    );
    expect(parsed).toMatchObject({ method: 'GET', path: '/api/asterisk/route', secret: 's3cret', accept: '*/*' });
    if ('query' in parsed)
      expect([...parsed.query]).toEqual([
        ['number', '+7 915 1234567'],
        ['ext', '101'],
      ]);
  });

  it.each([
    [
      'HTTP/1.0 and no headers',
      head('GET /api/asterisk/route?number=1 HTTP/1.0'),
      { method: 'GET', secret: null, accept: '' },
    ],
    ['no query', head('GET /api/asterisk/route HTTP/1.1', 'Host: x'), { path: '/api/asterisk/route' }],
    [
      'header names in any case',
      head('GET / HTTP/1.1', 'x-DIALPLAN-secret: a', 'ACCEPT: application/json'),
      { secret: 'a', accept: 'application/json' },
    ],
    ['Content-Length: 0 (no body)', head('GET / HTTP/1.1', 'Content-Length: 0'), { method: 'GET' }],
    ['another method (the listener answers 404)', head('POST / HTTP/1.1'), { method: 'POST' }],
  ])('accepts %s', (_name, text, expected) => {
    expect(parseDialplanRequestHead(text)).toMatchObject(expected);
  });

  it.each([
    ['an empty head', ''],
    ['garbage', 'hello'],
    ['HTTP/2 preface', 'PRI * HTTP/2.0'],
    ['a lower-case method', 'get / HTTP/1.1'],
    ['an absolute-form target', 'GET http://x/api/asterisk/route HTTP/1.1'],
    ['a space in the target', 'GET /a b HTTP/1.1'],
    ['HTTP/1.2', 'GET / HTTP/1.2'],
    ['a header without a colon', head('GET / HTTP/1.1', 'Host x')],
    ['a folded header line', head('GET / HTTP/1.1', 'X-A: a', ' folded')],
    ['a space before the colon', head('GET / HTTP/1.1', 'Host : x')],
    ['a body announced by length', head('GET / HTTP/1.1', 'Content-Length: 5')],
    ['a chunked body', head('GET / HTTP/1.1', 'Transfer-Encoding: chunked')],
  ])('refuses %s with 400', (_name, text) => {
    expect(parseDialplanRequestHead(text)).toMatchObject({ status: 400, code: 'BAD_REQUEST' });
  });

  it('refuses a head over the limit with 431', () => {
    const text = head('GET / HTTP/1.1', `X-Pad: ${'a'.repeat(MAX_HEAD_BYTES)}`);
    expect(parseDialplanRequestHead(text)).toMatchObject({ status: 431, code: 'HEADERS_TOO_LARGE' });
  });
});
