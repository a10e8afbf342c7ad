'use client';

import { useState } from 'react';
import { Button } from '@/components/admin/form-controls';
import { useAdminApi } from '@/components/admin/use-admin-api';
import { useT } from '@/components/shell/use-t';
import type { PbxCheckResult } from '@/lib/asterisk/check/pbx-check-types';

type Outcome =
  | { kind: 'idle' }
  | { kind: 'running' }
  | { kind: 'done'; results: PbxCheckResult[]; passed: boolean }
  | { kind: 'failed'; message: string };

/** The PBX self-check on demand (it places a probe call, so it does not run with the 10 s refresh). */
export function PbxCheckPanel() {
  const t = useT();
  const { ready, call, lang } = useAdminApi();
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'idle' });

  const run = async () => {
    setOutcome({ kind: 'running' });
    const result = await call<{ results: PbxCheckResult[]; passed: boolean }>('/api/pbx-check', {
      method: 'POST',
      body: {},
    });
    setOutcome(result.ok ? { kind: 'done', ...result.data } : { kind: 'failed', message: result.message });
  };

  return (
    <section
      className="mt-6 rounded-lg bg-base-8 p-4 shadow-sm"
      aria-labelledby="pbx-check-title"
      data-testid="pbx-check"
    >
      <h3 id="pbx-check-title" className="text-lg font-semibold text-base-1">
        {t('pbxCheck.title')}
      </h3>
      <p className="mt-1 text-sm text-base-2">{t('pbxCheck.intro')}</p>
      <div className="mt-3">
        <Button kind="primary" testId="pbx-check-run" disabled={!ready || outcome.kind === 'running'} onClick={run}>
          {outcome.kind === 'running' ? t('pbxCheck.running') : t('pbxCheck.run')}
        </Button>
      </div>
      {outcome.kind === 'failed' && (
        <p className="mt-3 text-alert" role="alert">
          {outcome.message}
        </p>
      )}
      {outcome.kind === 'done' && (
        <>
          <p className={`mt-3 ${outcome.passed ? 'text-base-1' : 'text-alert'}`} role="status">
            {t(outcome.passed ? 'pbxCheck.passed' : 'pbxCheck.failed')}
          </p>
          <ul className="mt-2 space-y-1 font-mono text-xs" data-testid="pbx-check-results">
            {outcome.results.map((result) => (
              <li
                key={`${result.pbx}/${result.check}/${result.subject ?? ''}`}
                className={result.status === 'fail' ? 'text-alert' : 'text-base-2'}
                data-status={result.status}
              >
                {result.status.toUpperCase()} {result.pbx}: {[result.check, result.subject].filter(Boolean).join(' ')}
                {' — '}
                {result.detail}
                {result.hint && <span className="block pl-4">{result.hint[lang]}</span>}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
