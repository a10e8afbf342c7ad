import { describe, expect, it } from 'vitest';
import { pickRouteUrl } from './pick-route-url';

describe('pickRouteUrl', () => {
  it.each([
    ['http://localhost:3000', '127.0.0.1:3001', 'http://127.0.0.1:3001/api/asterisk/route'],
    ['https://calls.example.com', '0.0.0.0:3001', 'http://calls.example.com:3001/api/asterisk/route'],
    ['https://calls.example.com', '[::]:3101', 'http://calls.example.com:3101/api/asterisk/route'],
    ['https://calls.example.com', '10.0.0.5:3001', 'http://10.0.0.5:3001/api/asterisk/route'],
    ['https://calls.example.com/', 'off', 'https://calls.example.com/api/asterisk/route'],
    ['http://localhost:3000', 'off', 'http://localhost:3000/api/asterisk/route'],
  ])('PUBLIC_URL %s, DIALPLAN_LISTEN %s → %s', (publicUrl, dialplanListen, expected) => {
    expect(pickRouteUrl({ publicUrl, dialplanListen })).toBe(expected);
  });
});
