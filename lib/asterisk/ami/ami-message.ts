/**
 * One AMI message as received: header name → value. A header that appears more than once (Output:, Variable:,
 * ChanVariable:) keeps every value in order as an array — asterisk-ami-client keeps only the last one
 * (lib/asterisk/README.md), which loses `Command` output and multi-value variables.
 */
export type AmiMessage = Record<string, string | string[]>;

/** What we send: a value may be a list, each item written as its own header line (never joined with commas). */
export type AmiActionFields = Record<string, string | number | boolean | readonly string[] | undefined>;

/** The first value of a header (or undefined), for code that expects a single value. */
export function amiField(message: AmiMessage, name: string): string | undefined {
  const value = message[name];
  return Array.isArray(value) ? value[0] : value;
}

/** Every value of a header, for repeated headers such as Output: or ChanVariable:. */
export function amiFieldList(message: AmiMessage, name: string): string[] {
  const value = message[name];
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}
