'use client';

import { useEffect, useState } from 'react';
import { Button, Card, SelectInput } from '@/components/admin/form-controls';
import { useAdminApi } from '@/components/admin/use-admin-api';
import { useDirectory } from '@/components/admin/use-directory';
import { useFitFrame } from '@/components/admin/use-fit-frame';
import { useCsvDownload } from '@/components/savings/use-csv-download';
import { useT } from '@/components/shell/use-t';
import { journalStatuses } from '@/lib/journal/journal-filters';
import type { JournalPage } from '@/lib/journal/query-journal';
import type { RoutingSettings } from '@/lib/routing/types';
import { JournalTable } from './journal-table';

type Filters = {
  user: string;
  department: string;
  trunk: string;
  carrier: string;
  status: string;
  from: string;
  to: string;
};
const noFilters: Filters = { user: '', department: '', trunk: '', carrier: '', status: '', from: '', to: '' };
type State = { kind: 'loading' } | { kind: 'failed'; message: string } | { kind: 'done'; data: JournalPage };

/** "Журнал звонков": the portal's calls with filters, route reasons, duration, cost and Bitrix24 registration. */
export function CallsJournal() {
  const t = useT();
  const { ready, call, lang } = useAdminApi();
  const directory = useDirectory();
  const csv = useCsvDownload();
  useFitFrame();
  const [settings, setSettings] = useState<RoutingSettings | null>(null);
  const [filters, setFilters] = useState<Filters>(noFilters);
  const [page, setPage] = useState(1);
  const [state, setState] = useState<State>({ kind: 'loading' });
  const query = new URLSearchParams(Object.entries(filters).filter(([, v]) => v)).toString();

  useEffect(() => {
    if (!ready) return;
    void call<RoutingSettings>('/api/settings/routing').then((r) => {
      if (r.ok) setSettings(r.data);
    });
  }, [ready, call]);
  useEffect(() => {
    if (!ready) return;
    let alive = true;
    setState({ kind: 'loading' });
    void call<JournalPage>(`/api/journal?${query}${query ? '&' : ''}page=${page}&lang=${lang}`).then((result) => {
      if (alive)
        setState(result.ok ? { kind: 'done', data: result.data } : { kind: 'failed', message: result.message });
    });
    return () => {
      alive = false;
    };
  }, [ready, call, query, page, lang]);

  const set = (key: keyof Filters) => (value: string) => {
    setFilters((current) => ({ ...current, [key]: value }));
    setPage(1);
  };
  const pages = state.kind === 'done' ? Math.max(1, Math.ceil(state.data.total / state.data.pageSize)) : 1;
  const dateInput = (key: 'from' | 'to') => (
    <input
      type="date"
      id={`journal-${key}`}
      data-testid={`journal-${key}`}
      value={filters[key]}
      onChange={(e) => set(key)(e.target.value)}
      className="mt-1 block w-full rounded-xs border border-base-5 bg-base-8 px-2 py-1 text-sm text-base-1"
    />
  );

  return (
    <div className="flex min-w-0 flex-col gap-4" data-testid="calls-journal">
      <div className="flex items-end justify-between gap-4">
        <div>
          <h2 className="text-2xl font-semibold text-base-1">{t('nav.journal')}</h2>
          <p className="mt-1 text-sm text-base-2">{t('journal.intro')}</p>
        </div>
        <Button
          testId="journal-csv"
          disabled={csv.busy}
          onClick={() => void csv.download(`/api/journal.csv?${query}${query ? '&' : ''}lang=${lang}`, 'calls.csv')}
        >
          {csv.busy ? t('common.exporting') : t('common.exportCsv')}
        </Button>
      </div>
      {csv.error && (
        <p role="alert" className="text-sm text-alert">
          {csv.error}
        </p>
      )}
      <Card>
        <div className="grid grid-cols-[repeat(5,minmax(0,1fr))_9rem_9rem] items-end gap-3">
          <label className="text-xs font-semibold text-base-3">
            {t('journal.user')}
            <SelectInput label={t('journal.user')} testId="journal-user" value={filters.user} onChange={set('user')}>
              <option value="">{t('common.any')}</option>
              {directory.users.map((u) => (
                <option key={u.id} value={u.id}>
                  {u.name}
                  {u.extension ? ` — ${u.extension}` : ''}
                </option>
              ))}
            </SelectInput>
          </label>
          <label className="text-xs font-semibold text-base-3">
            {t('journal.department')}
            <SelectInput
              label={t('journal.department')}
              testId="journal-department"
              value={filters.department}
              onChange={set('department')}
            >
              <option value="">{t('common.any')}</option>
              {directory.departments.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.name}
                </option>
              ))}
            </SelectInput>
          </label>
          <label className="text-xs font-semibold text-base-3">
            {t('journal.trunk')}
            <SelectInput
              label={t('journal.trunk')}
              testId="journal-trunk-filter"
              value={filters.trunk}
              onChange={set('trunk')}
            >
              <option value="">{t('common.any')}</option>
              {settings?.trunks.map((trunk) => (
                <option key={trunk.id} value={trunk.id}>
                  {trunk.name}
                </option>
              ))}
            </SelectInput>
          </label>
          <label className="text-xs font-semibold text-base-3">
            {t('journal.carrier')}
            <SelectInput
              label={t('journal.carrier')}
              testId="journal-carrier"
              value={filters.carrier}
              onChange={set('carrier')}
            >
              <option value="">{t('common.any')}</option>
              {settings?.carrierGroups.map((group) => (
                <option key={group.id} value={group.id}>
                  {group.name}
                </option>
              ))}
              <option value="unknown">{t('journal.unknownCarrier')}</option>
            </SelectInput>
          </label>
          <label className="text-xs font-semibold text-base-3">
            {t('journal.status')}
            <SelectInput
              label={t('journal.status')}
              testId="journal-status"
              value={filters.status}
              onChange={set('status')}
            >
              <option value="">{t('common.any')}</option>
              {journalStatuses.map((status) => (
                <option key={status} value={status}>
                  {t(`journal.status.${status}`)}
                </option>
              ))}
            </SelectInput>
          </label>
          <label htmlFor="journal-from" className="text-xs font-semibold text-base-3">
            {t('common.from')}
            {dateInput('from')}
          </label>
          <label htmlFor="journal-to" className="text-xs font-semibold text-base-3">
            {t('common.to')}
            {dateInput('to')}
          </label>
        </div>
      </Card>
      <Card>
        {state.kind === 'loading' && (
          <p role="status" data-testid="journal-loading" className="text-base-3">
            {t('common.loading')}
          </p>
        )}
        {state.kind === 'failed' && (
          <p role="alert" className="text-alert">
            {t('common.failed')}: {state.message}
          </p>
        )}
        {state.kind === 'done' &&
          (state.data.entries.length === 0 ? (
            <p data-testid="journal-empty" className="text-base-3">
              {t('journal.empty')}
            </p>
          ) : (
            <JournalTable entries={state.data.entries} t={t} lang={lang} />
          ))}
        <div className="mt-3 flex items-center justify-between text-sm text-base-2">
          <span data-testid="journal-total">
            {t('journal.total')}: {state.kind === 'done' ? state.data.total : '…'}
          </span>
          <div className="flex items-center gap-2">
            <Button
              testId="journal-prev"
              disabled={page <= 1 || state.kind === 'loading'}
              onClick={() => setPage((p) => p - 1)}
            >
              {t('journal.prev')}
            </Button>
            <span>
              {t('journal.page')} {page} / {pages}
            </span>
            <Button
              testId="journal-next"
              disabled={page >= pages || state.kind === 'loading'}
              onClick={() => setPage((p) => p + 1)}
            >
              {t('journal.next')}
            </Button>
          </div>
        </div>
      </Card>
    </div>
  );
}
