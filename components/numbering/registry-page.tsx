'use client';

import { useMemo } from 'react';
import { useB24Frame } from '@/components/bitrix24/frame-provider';
import { localizeMessage } from '@/lib/i18n/localize-message';
import { useFitFrame } from '@/components/admin/use-fit-frame';
import { useT } from '@/components/shell/use-t';
import { CarrierShares } from './carrier-shares';
import { FilesInForce } from './files-in-force';
import { carrierNamer } from './format-numbering';
import { LastRegistryChange } from './last-registry-change';
import { LookupBox } from './lookup-box';
import { OverridesPanel } from './overrides-panel';
import { PortedNumbers } from './ported-numbers';
import { UploadBox } from './upload-box';
import { useNumberingSummary } from './use-numbering-summary';
import { VersionHistory } from './version-history';

/**
 * "Реестр": the data that decides a number's carrier and so the SIM a call goes out through. Ordered for a busy admin:
 * what is in force and loading a new file first, then what the last file changed and who holds the numbers, then the
 * history, the MNP set, per-number overrides, and a lookup box to check any number against all of it.
 */
export function RegistryPage() {
  const t = useT();
  const { lang, status, isAdmin } = useB24Frame();
  const { summary, error, reload } = useNumberingSummary();
  useFitFrame();
  const carrierName = useMemo(() => carrierNamer(summary?.carriers ?? []), [summary]);

  return (
    <div className="flex flex-col gap-4" data-testid="registry-page">
      <div>
        <h2 className="text-2xl font-semibold text-base-1">{t('nav.registry')}</h2>
        <p className="mt-1 max-w-4xl text-sm text-base-2">{t('numbering.intro')}</p>
        {status === 'frame' && !isAdmin && <p className="mt-1 text-sm text-warning">{t('numbering.notAdminHint')}</p>}
      </div>
      {error && (
        <p role="alert" data-testid="registry-load-failed" className="text-alert">
          {t('numbering.loadFailed')}: {localizeMessage(error, lang)}
        </p>
      )}
      {!summary && !error && (
        <p role="status" className="text-base-3">
          {t('common.loading')}
        </p>
      )}
      {summary && (
        <>
          <div className="grid grid-cols-[minmax(0,1fr)_minmax(0,1fr)] items-start gap-4">
            <FilesInForce summary={summary} t={t} lang={lang} />
            <UploadBox carrierName={carrierName} onImported={reload} t={t} lang={lang} />
          </div>
          <div className="grid grid-cols-[minmax(0,1fr)_minmax(0,1fr)] items-start gap-4">
            <LastRegistryChange history={summary.history} carrierName={carrierName} t={t} lang={lang} />
            <CarrierShares carriers={summary.carriers} totalNumbers={summary.totalNumbers} t={t} lang={lang} />
          </div>
          <LookupBox t={t} />
          <VersionHistory versions={summary.history} carrierName={carrierName} t={t} lang={lang} />
          <PortedNumbers summary={summary} carrierName={carrierName} t={t} lang={lang} />
          <OverridesPanel summary={summary} carrierName={carrierName} onChanged={reload} t={t} lang={lang} />
        </>
      )}
    </div>
  );
}
