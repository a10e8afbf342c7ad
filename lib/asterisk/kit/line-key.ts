export type LineKeyOptions = { endpoint: string };

/** A line's name as part of a global variable's name: the dialplan turns "-" into "_" with REPLACE() the same way. */
export function lineKey({ endpoint }: LineKeyOptions): string {
  return endpoint.replaceAll('-', '_');
}
