import { describe, expect, it } from 'vitest';
import { callDay } from './call-day';

describe('callDay', () => {
  // Moscow is UTC+3 all year: its day starts at 21:00 UTC the evening before.
  it.each([
    ['2026-11-25T20:59:59.999Z', 'Europe/Moscow', '2026-11-25'],
    ['2026-11-25T21:00:00.000Z', 'Europe/Moscow', '2026-11-26'],
    ['2026-11-25T21:00:30.000Z', 'Europe/Moscow', '2026-11-26'],
    ['2026-11-25T20:59:59.999Z', 'Asia/Vladivostok', '2026-11-26'],
    ['2026-11-25T23:59:59.999Z', 'UTC', '2026-11-25'],
    ['2026-11-26T00:00:00.000Z', 'UTC', '2026-11-26'],
    // Half-hour and 45-minute zones: their days start on a minute boundary too.
    ['2026-11-25T18:29:59.999Z', 'Asia/Kolkata', '2026-11-25'],
    ['2026-11-25T18:30:00.000Z', 'Asia/Kolkata', '2026-11-26'],
    ['2026-11-25T18:14:59.999Z', 'Asia/Kathmandu', '2026-11-25'],
    ['2026-11-25T18:15:00.000Z', 'Asia/Kathmandu', '2026-11-26'],
  ])('%s in %s is %s', (instant, zone, day) => {
    expect(callDay(Date.parse(instant), zone)).toBe(day);
  });

  it('stays right when asked back and forth across midnight and between zones (the last minute is remembered)', () => {
    const before = Date.parse('2026-11-25T20:59:59.999Z');
    const after = Date.parse('2026-11-25T21:00:00.000Z');
    const days = [before, after, before, after, after, before].map((at) => callDay(at));
    expect(days).toEqual(['2026-11-25', '2026-11-26', '2026-11-25', '2026-11-26', '2026-11-26', '2026-11-25']);
    expect(callDay(after, 'UTC')).toBe('2026-11-25');
    expect(callDay(after)).toBe('2026-11-26');
  });
});
