/**
 * Params → PHP bracket query (`FILTER[UF_PHONE_INNER]=101&USER_ID[0]=3`): the form `batch` commands are written in
 * (`cmd[key]=method?<query>`). Null/undefined values are left out.
 */
export function encodeBracketQuery(params: Record<string, unknown>): string {
  const pairs: string[] = [];
  const walk = (prefix: string, value: unknown): void => {
    if (value === null || value === undefined) return;
    if (Array.isArray(value)) {
      for (const [index, item] of value.entries()) walk(`${prefix}[${index}]`, item);
    } else if (typeof value === 'object')
      for (const [key, item] of Object.entries(value)) walk(prefix ? `${prefix}[${key}]` : key, item);
    else {
      const text = typeof value === 'boolean' ? (value ? 'Y' : 'N') : String(value);
      pairs.push(`${encodeURIComponent(prefix)}=${encodeURIComponent(text)}`);
    }
  };
  walk('', params);
  return pairs.join('&');
}
