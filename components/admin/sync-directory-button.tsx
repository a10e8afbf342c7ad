'use client';

import { useState } from 'react';
import { useT } from '@/components/shell/use-t';
import { Button } from './form-controls';
import type { Directory } from './use-directory';

/** "Обновить из Битрикс24": the pickers then offer the portal's real departments and people. */
export function SyncDirectoryButton({ directory }: { directory: Directory }) {
  const t = useT();
  const [state, setState] = useState<{ busy: boolean; error: string | null; done: boolean }>({
    busy: false,
    error: null,
    done: false,
  });
  const run = async () => {
    setState({ busy: true, error: null, done: false });
    const error = await directory.sync();
    setState({ busy: false, error, done: error === null });
  };
  return (
    <span className="flex items-center gap-2 text-xs">
      <Button testId="sync-directory" onClick={() => void run()} disabled={state.busy}>
        {t('directory.sync')}
      </Button>
      {state.done && (
        <span data-testid="sync-directory-done" className="text-base-3">
          {t('directory.synced')}: {directory.departments.length} / {directory.users.length}
        </span>
      )}
      {state.error && <span className="text-alert">{state.error}</span>}
    </span>
  );
}
