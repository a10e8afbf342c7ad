/** Per-SIM caps count by the carrier's calendar day; Russian carriers bill in Moscow time unless a portal says otherwise. */
export const DEFAULT_USAGE_TIME_ZONE = 'Europe/Moscow';

const formats = new Map<string, Intl.DateTimeFormat>();

/** "YYYY-MM-DD" of the instant in the time zone (the SimUsage.day key). */
export function callDay(at: number, timeZone = DEFAULT_USAGE_TIME_ZONE): string {
  let format = formats.get(timeZone);
  if (!format) formats.set(timeZone, (format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })));
  return format.format(at);
}
