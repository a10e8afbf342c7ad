'use client';

import { useState } from 'react';
import { Card, FieldError } from '@/components/admin/form-controls';
import { useAdminApi } from '@/components/admin/use-admin-api';
import type { useT } from '@/components/shell/use-t';
import { LookupTable } from './lookup-table';
import type { LookupRow } from './numbering-types';

type Outcome =
  | { kind: 'idle' }
  | { kind: 'running' }
  | { kind: 'done'; rows: LookupRow[] }
  | { kind: 'failed'; message: string };

/**
 * "Whose number is this, and why do we think so": numbers pasted one per line (a column from a spreadsheet works),
 * each answered with the carrier, where the answer came from (override, MNP, registry) and the range behind it.
 * The same answer the dialplan gets, so it is the place to check a complaint about a call.
 */
export function LookupBox({ t }: { t: ReturnType<typeof useT> }) {
  const { ready, call, lang } = useAdminApi();
  const [numbers, setNumbers] = useState('');
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'idle' });
  // Counts finished lookups, so a check of the same number twice can tell the new answer from the old one.
  const [runs, setRuns] = useState(0);

  const run = async () => {
    setOutcome({ kind: 'running' });
    const result = await call<{ results: LookupRow[] }>('/api/numbering/lookup', { method: 'POST', body: { numbers } });
    setOutcome(result.ok ? { kind: 'done', rows: result.data.results } : { kind: 'failed', message: result.message });
    setRuns((n) => n + 1);
  };

  return (
    <Card testId="lookup-box">
      <h3 className="text-lg font-semibold text-base-1">{t('numbering.lookup.title')}</h3>
      <form
        data-testid="lookup-form"
        data-runs={runs}
        className="mt-2 flex items-start gap-3"
        onSubmit={(e) => {
          e.preventDefault();
          void run();
        }}
      >
        <textarea
          aria-label={t('numbering.lookup.numbers')}
          data-testid="lookup-numbers"
          rows={3}
          value={numbers}
          placeholder={'+7 915 123-45-67\n8 495 111-22-33'}
          onChange={(e) => setNumbers(e.target.value)}
          onKeyDown={(e) => {
            // Ctrl+Enter checks without reaching for the mouse; Enter alone starts a new line.
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
              e.preventDefault();
              void run();
            }
          }}
          className={
            'w-80 rounded-xs border border-base-5 bg-base-8 px-2 py-1 font-mono text-sm text-base-1 outline-none ' +
            'focus:border-primary'
          }
        />
        <div className="flex flex-col gap-1">
          <button
            type="submit"
            data-testid="lookup-run"
            disabled={!ready || !numbers.trim() || outcome.kind === 'running'}
            className={
              'rounded-xs border border-primary bg-primary px-4 py-1 text-sm font-medium text-base-8 ' +
              'hover:bg-primary-alt disabled:opacity-50'
            }
          >
            {outcome.kind === 'running' ? t('numbering.lookup.running') : t('numbering.lookup.run')}
          </button>
          <span className="text-xs text-base-3">{t('numbering.lookup.hint')}</span>
        </div>
      </form>
      {outcome.kind === 'failed' && <FieldError path="numbers" message={outcome.message} />}
      {outcome.kind === 'done' && <LookupTable rows={outcome.rows} t={t} lang={lang} />}
    </Card>
  );
}
