import { describe, expect, it } from 'vitest';
import { redirectFrameLoad } from './redirect-frame-load';

describe('redirectFrameLoad', () => {
  it('sends the POSTed frame to the GET page with the same query', () => {
    const response = redirectFrameLoad({
      path: ['admin', 'trunks'],
      requestUrl: 'http://app.local/b24/admin/trunks?DOMAIN=portal.example&PROTOCOL=1&LANG=en&APP_SID=abc',
    });
    expect(response.status).toBe(303);
    expect(response.headers.get('Location')).toBe('/admin/trunks?DOMAIN=portal.example&PROTOCOL=1&LANG=en&APP_SID=abc');
  });

  it.each([
    [[]],
    [['']],
    [['..']],
    [['Admin']],
    [['admin', '/evil.example']],
    [['a', 'b', 'c', 'd', 'e']],
    [['%2F%2Fevil']],
  ])('refuses unsafe path %j', (path) => {
    expect(redirectFrameLoad({ path, requestUrl: 'http://app.local/b24/x' }).status).toBe(404);
  });
});
