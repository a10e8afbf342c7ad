export type StripLeadingCommentsOptions = { text: string };

/** A .conf file from its first section on: its header explains a plain-Asterisk install, wrong advice on FreePBX. */
export function stripLeadingComments({ text }: StripLeadingCommentsOptions): string {
  const start = text.search(/^\[/m);
  return start === -1 ? text : text.slice(start);
}
