/**
 * A line's dial template: what Dial() gets for the line with the client's number in place of `{number}`, e.g.
 * `PJSIP/{number}@Beeline-GoIP`, `SIP/beeline/{number}`, `IAX2/gw/{number}`, `Dongle/g1/{number}`,
 * `PJSIP/1#{number}@goip`. The one check every way in uses (admin page, settings import, originate): the template ends
 * up in a channel variable that Dial() splits on `,` `&` `|` and that FreePBX's macros pass on, so anything that could
 * reach another Dial option, channel or application is refused here, before it is ever stored.
 */
export const DIAL_NUMBER = '{number}';
export const DIAL_TEMPLATE_MAX = 120;
/** Channel technologies a GSM line is reached by; `Local` is not one (it would run arbitrary dialplan). */
export const DIAL_TECHNOLOGIES = ['PJSIP', 'SIP', 'IAX2', 'Dongle'] as const;
export type DialTechnology = (typeof DIAL_TECHNOLOGIES)[number];

export type DialTemplateProblem = 'empty' | 'tooLong' | 'technology' | 'number' | 'forbidden' | 'characters' | 'line';
export type DialTemplateCheck =
  | { ok: true; template: string; technology: DialTechnology; resource: string }
  | { ok: false; problem: DialTemplateProblem; character?: string };

/** Characters that separate Dial() arguments, channels or options, or end a dialplan line. */
const FORBIDDEN = /[&,()|;\r\n]/;
/** What is left once `{number}` is taken out: dial-string characters only (no `$`, quotes, spaces or braces). */
const ALLOWED = /^[A-Za-z0-9_.\-/@:#+*=!~]*$/;
/** The endpoint / peer / device / group the template dials through: how its channels are named. */
const RESOURCE = /^[A-Za-z0-9_.:~!-]{1,64}$/;

/** Checks and normalises a template (trimmed, technology spelt as Asterisk lists it). */
export function checkDialTemplate(input: string): DialTemplateCheck {
  const trimmed = input.trim();
  if (trimmed === '') return { ok: false, problem: 'empty' };
  if (trimmed.length > DIAL_TEMPLATE_MAX) return { ok: false, problem: 'tooLong' };
  const forbidden = FORBIDDEN.exec(trimmed);
  if (forbidden) return { ok: false, problem: 'forbidden', character: forbidden[0] };
  const slash = trimmed.indexOf('/');
  const technology = DIAL_TECHNOLOGIES.find((t) => t.toLowerCase() === trimmed.slice(0, slash).toLowerCase());
  if (slash < 0 || !technology) return { ok: false, problem: 'technology' };
  const rest = trimmed.slice(slash + 1);
  if (rest.split(DIAL_NUMBER).length !== 2) return { ok: false, problem: 'number' };
  const stray = [...rest.replace(DIAL_NUMBER, '')].find((c) => !ALLOWED.test(c));
  if (stray !== undefined) return { ok: false, problem: 'characters', character: stray };
  const resource = dialResource(rest);
  if (!resource || resource.includes(DIAL_NUMBER) || !RESOURCE.test(resource)) return { ok: false, problem: 'line' };
  return { ok: true, template: `${technology}/${rest}`, technology, resource };
}

/**
 * The resource of a dial string after its technology: `peer/…` (SIP, IAX2 `[user@]peer/…`, Dongle `g1/…`) or
 * `…@endpoint` (PJSIP, SIP `number@peer`). Also reads an AMI DialBegin's DialString, which has the same shape.
 */
export function dialResource(rest: string): string | null {
  const slash = rest.indexOf('/');
  if (slash >= 0) {
    const first = rest.slice(0, slash);
    return first.slice(first.lastIndexOf('@') + 1) || null;
  }
  const at = rest.lastIndexOf('@');
  return at >= 0 ? rest.slice(at + 1) || null : null;
}

/** The dial string for one call: the number (digits only, checked by the caller) in place of `{number}`. */
export function renderDialString(template: string, number: string): string {
  return template.replace(DIAL_NUMBER, number);
}

/** The line key a stored template's channels are known by (gw_mts, Beeline-GoIP, g1); null for an invalid one. */
export function dialTemplateLine(template: string): string | null {
  const checked = checkDialTemplate(template);
  return checked.ok ? checked.resource : null;
}
