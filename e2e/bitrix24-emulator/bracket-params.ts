/**
 * PHP-style bracket keys (`data[PHONE_NUMBER]=…`, `filter[>ID]=5`, `cmd[a]=…`): Bitrix24 sends and accepts them,
 * so the emulator parses them like PHP's `parse_str` and encodes events the same way.
 */

type Tree = Record<string, unknown>;

/** Parses an urlencoded string into nested objects; `a[]=1&a[]=2` (or `a[0]`, `a[1]`) becomes an array. */
export function parseBracketParams(text: string): Tree {
  const root: Tree = {};
  for (const [rawKey, value] of new URLSearchParams(text)) assignBracketKey(root, rawKey, value);
  return listsToArrays(root) as Tree;
}

function assignBracketKey(root: Tree, rawKey: string, value: string): void {
  const open = rawKey.indexOf('[');
  const path = open <= 0 ? [rawKey] : [rawKey.slice(0, open)];
  if (open > 0) for (const match of rawKey.slice(open).matchAll(/\[([^\]]*)\]/g)) path.push(match[1] ?? '');
  let node = root;
  path.forEach((segment, index) => {
    const key = segment === '' ? String(Object.keys(node).length) : segment;
    if (index === path.length - 1) {
      node[key] = value;
      return;
    }
    const child = node[key];
    node = (typeof child === 'object' && child !== null ? child : (node[key] = {})) as Tree;
  });
}

/** PHP arrays with keys 0..n-1 are lists; JSON-encode them as arrays, like Bitrix24 does. */
function listsToArrays(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  const entries = Object.entries(value as Tree).map(([key, item]) => [key, listsToArrays(item)] as const);
  const isList = entries.length > 0 && entries.every(([key], index) => key === String(index));
  return isList ? entries.map(([, item]) => item) : Object.fromEntries(entries);
}

/** Encodes nested objects/arrays as bracket keys, the way Bitrix24 posts events and the SDK builds batch commands. */
export function encodeBracketParams(value: Record<string, unknown>): string {
  const pairs: string[] = [];
  const walk = (prefix: string, item: unknown): void => {
    if (item === null || item === undefined) {
      pairs.push(`${encodeURIComponent(prefix)}=`);
    } else if (Array.isArray(item)) {
      for (const [index, entry] of item.entries()) walk(`${prefix}[${index}]`, entry);
    } else if (typeof item === 'object') {
      for (const [key, entry] of Object.entries(item)) walk(prefix ? `${prefix}[${key}]` : key, entry);
    } else {
      pairs.push(`${encodeURIComponent(prefix)}=${encodeURIComponent(String(item))}`);
    }
  };
  walk('', value);
  return pairs.join('&');
}
