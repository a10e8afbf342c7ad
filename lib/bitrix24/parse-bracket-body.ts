/**
 * Bitrix24 posts events form-encoded with PHP bracket keys (`auth[member_id]=…`, `data[CALL_ID]=…`).
 * `formData()` would give flat keys, so we rebuild the nested object. Keys that could reach Object.prototype are
 * dropped and nesting/size are capped: this parser runs on unauthenticated input.
 */
export type BracketTree = { [key: string]: string | BracketTree };

const FORBIDDEN_KEYS = new Set(['__proto__', 'prototype', 'constructor']);
const MAX_DEPTH = 6;
const MAX_PAIRS = 500;

export function parseBracketBody(text: string): BracketTree {
  const root: BracketTree = Object.create(null) as BracketTree;
  let pairs = 0;
  for (const [rawKey, value] of new URLSearchParams(text)) {
    if (++pairs > MAX_PAIRS) break;
    const path = splitKey(rawKey);
    if (path.length === 0 || path.length > MAX_DEPTH || path.some((segment) => FORBIDDEN_KEYS.has(segment))) continue;
    let node = root;
    for (let index = 0; index < path.length - 1; index += 1) {
      const segment = path[index]!;
      const child = node[segment];
      if (typeof child === 'object') node = child;
      else node = node[segment] = Object.create(null) as BracketTree;
    }
    const last = path[path.length - 1]!;
    node[last === '' ? String(Object.keys(node).length) : last] = value;
  }
  return root;
}

function splitKey(rawKey: string): string[] {
  const open = rawKey.indexOf('[');
  if (open <= 0) return rawKey ? [rawKey] : [];
  const path = [rawKey.slice(0, open)];
  for (const match of rawKey.slice(open).matchAll(/\[([^\]]*)\]/g)) path.push(match[1] ?? '');
  return path;
}

/** A string leaf at `tree[a][b]…`, or '' when missing or not a string. */
export function readBracketString(tree: BracketTree, ...path: string[]): string {
  let node: string | BracketTree | undefined = tree;
  for (const segment of path) {
    if (typeof node !== 'object') return '';
    node = node[segment];
  }
  return typeof node === 'string' ? node : '';
}
