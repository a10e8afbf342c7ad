'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useEffect } from 'react';
import { useAdminApi } from '@/components/admin/use-admin-api';
import { useB24Frame } from '@/components/bitrix24/frame-provider';
import { useT } from '@/components/shell/use-t';
import type { RoutingSettings } from '@/lib/routing/types';
import { decideSetupSteps } from './decide-setup-steps';
import { shouldOpenWizard } from './should-open-wizard';

/**
 * On the app's first page inside Bitrix24: an admin of a portal with nothing configured is taken to the wizard
 * (the first open after install); everyone else stays and sees a link to it.
 */
export function FirstRunRedirect() {
  const t = useT();
  const router = useRouter();
  const { ready, call } = useAdminApi();
  const { status, isAdmin } = useB24Frame();

  useEffect(() => {
    if (!ready || status !== 'frame' || !isAdmin) return;
    let alive = true;
    void call<RoutingSettings>('/api/settings/routing').then((result) => {
      if (alive && result.ok && shouldOpenWizard(decideSetupSteps({ ami: null, settings: result.data, lists: null })))
        router.replace('/admin/wizard');
    });
    return () => {
      alive = false;
    };
  }, [ready, status, isAdmin, call, router]);

  return (
    <p className="mb-3 text-sm">
      <Link className="text-primary underline" href="/admin/wizard" data-testid="open-wizard">
        {t('wizard.open')}
      </Link>
    </p>
  );
}
