/** What every emulated REST method receives and returns, plus the small parameter helpers they share. */
import type { EmulatorState } from './emulator-state';
import type { Portal, TokenRecord, UserSeed } from './types';

export type MethodContext = {
  state: EmulatorState;
  portal: Portal;
  user: UserSeed;
  token: TokenRecord;
  params: Record<string, unknown>;
};

export type MethodResult = { result: unknown; total?: number; next?: number };
export type MethodHandler = (context: MethodContext) => MethodResult;
export type MethodTable = Record<string, { scope: string; handler: MethodHandler }>;

export const PAGE_SIZE = 50;

/** Bitrix24 reads top-level params case-insensitively (`filter`/`FILTER`, `start`/`START`). */
export function param(params: Record<string, unknown>, name: string): unknown {
  if (name in params) return params[name];
  const lower = name.toLowerCase();
  const key = Object.keys(params).find((item) => item.toLowerCase() === lower);
  return key === undefined ? undefined : params[key];
}

export function stringParam(params: Record<string, unknown>, name: string): string {
  const value = param(params, name);
  return value === undefined || value === null ? '' : String(value);
}

export function intParam(params: Record<string, unknown>, name: string, fallback: number): number {
  const value = Number.parseInt(stringParam(params, name), 10);
  return Number.isFinite(value) ? value : fallback;
}

/** `Y`/`1`/`true` style flags as Bitrix24 accepts them from forms and JSON alike. */
export function flagParam(params: Record<string, unknown>, name: string, fallback: boolean): boolean {
  const value = param(params, name);
  if (value === undefined || value === null || value === '') return fallback;
  return value === true || ['1', 'y', 'true'].includes(String(value).toLowerCase());
}

export function objectParam(params: Record<string, unknown>, name: string): Record<string, unknown> {
  const value = param(params, name);
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
}

/** List methods: 50 rows a page, `total`, and `next` only while more rows remain; `start=-1` skips the count. */
export function paginate(rows: unknown[], params: Record<string, unknown>): MethodResult {
  const start = intParam(params, 'start', 0);
  if (start === -1) return { result: rows.slice(0, PAGE_SIZE) };
  const page = rows.slice(Math.max(start, 0), Math.max(start, 0) + PAGE_SIZE);
  const next = start + PAGE_SIZE < rows.length ? start + PAGE_SIZE : undefined;
  return next === undefined ? { result: page, total: rows.length } : { result: page, total: rows.length, next };
}

/** PHP serialises an empty associative array as `[]`; keep that quirk so clients handle it. */
export function phpObject(value: Record<string, unknown>): unknown {
  return Object.keys(value).length === 0 ? [] : value;
}
