/**
 * voximplant.statistic.get: the call history, one row per finished call (what `finish` wrote), with the attached
 * record's file id. Filters on exact field values (CALL_ID, EXTERNAL_CALL_ID, …); pages of 50 like every list.
 */
import type { MethodTable } from '../method-context';
import { PAGE_SIZE, intParam, param } from '../method-context';

export const statisticMethods: MethodTable = {
  'voximplant.statistic.get': {
    scope: 'telephony',
    handler: ({ portal, params }) => {
      const rawFilter = param(params, 'FILTER');
      const filter = typeof rawFilter === 'object' && rawFilter !== null ? (rawFilter as Record<string, unknown>) : {};
      const rows = portal.calls
        .filter((call) => call.statistic)
        .map((call) => ({
          ...call.statistic,
          CALL_RECORD_ID: call.record ? String(call.record.fileId) : null,
          RECORD_FILE_ID: call.record ? String(call.record.fileId) : null,
        }))
        .filter((row: Record<string, unknown>) =>
          Object.entries(filter).every(([key, value]) => String(row[key]) === String(value)),
        );
      const start = Math.max(0, intParam(params, 'start', 0));
      const page = rows.slice(start, start + PAGE_SIZE);
      const next = start + PAGE_SIZE < rows.length ? start + PAGE_SIZE : undefined;
      return { result: page, total: rows.length, ...(next === undefined ? {} : { next }) };
    },
  },
};
