import { checkDialTemplate, DIAL_NUMBER } from './check-dial-template';

export type BuildDialPatternOptions = { templates: readonly string[] };

/**
 * The PBX-side allow-list of dial strings (the dialplan's DIAL_PATTERN), from the lines' templates: each template
 * literally, `{number}` as digits. POSIX extended syntax for REGEX(); literal characters that mean something there go
 * in brackets rather than behind a backslash, which a dialplan file may eat. Invalid templates are left out.
 */
export function buildDialPattern({ templates }: BuildDialPatternOptions): string {
  const alternatives = new Set<string>();
  for (const template of templates) {
    const checked = checkDialTemplate(template);
    if (!checked.ok) continue;
    const [before, after] = checked.template.split(DIAL_NUMBER) as [string, string];
    alternatives.add(`${literal(before)}[0-9]+${literal(after)}`);
  }
  // No line: a pattern nothing matches, so the dialplan always takes its default.
  return alternatives.size === 0 ? '^$' : `^(${[...alternatives].join('|')})$`;
}

const literal = (text: string) => text.replace(/[.+*]/g, (c) => `[${c}]`);
