import type { B24OAuth } from '@bitrix24/b24jssdk';
import { AppError } from '../../errors/app-error';
import { callPortalRest } from '../rest/call-portal-rest';

export type ReadAllPagesOptions = {
  client: B24OAuth;
  method: string;
  params: Record<string, unknown>;
  /** Rows read at most: a portal bigger than this is read in part (`complete` false). */
  maxRows: number;
};

/** Bitrix24 list methods answer 50 rows a page (`start` = rows to skip). */
const PAGE = 50;

/** Every row of a Bitrix24 list method, page by page with `start`, bounded by maxRows. */
export async function readAllPages(options: ReadAllPagesOptions): Promise<{ rows: unknown[]; complete: boolean }> {
  const { client, method, params, maxRows } = options;
  const rows: unknown[] = [];
  for (;;) {
    const answer = await callPortalRest(client, method, { ...params, start: rows.length });
    if (!answer.ok) throw new AppError('UNAVAILABLE', `Bitrix24 ${method}: ${answer.code} ${answer.description}`);
    const page = Array.isArray(answer.result) ? answer.result : [];
    rows.push(...page.slice(0, maxRows - rows.length));
    if (page.length < PAGE) return { rows, complete: true };
    if (rows.length >= maxRows) return { rows, complete: false };
  }
}
