'use client';

import Link from 'next/link';
import type { ReactNode } from 'react';
import { useB24Frame } from '@/components/bitrix24/frame-provider';
import { useT } from '@/components/shell/use-t';
import type { MessageKey } from '@/lib/i18n/messages';
import type { RoutingSettings } from '@/lib/routing/types';
import { Button } from './form-controls';
import { localizeMessage } from './localize-message';
import { useFitFrame } from './use-fit-frame';
import { useRoutingSettings, type RoutingSettingsEditor } from './use-routing-settings';

type SettingsPageProps = {
  title: MessageKey;
  intro: MessageKey;
  /** Top-level keys of the document this page edits; errors elsewhere are listed with links to their pages. */
  owns: (keyof RoutingSettings)[];
  children(editor: RoutingSettingsEditor & { settings: RoutingSettings }): ReactNode;
};

const pageOf: Record<keyof RoutingSettings, { href: string; label: MessageKey }> = {
  trunks: { href: '/admin/trunks', label: 'nav.trunks' },
  defaultTrunkId: { href: '/admin/trunks', label: 'nav.trunks' },
  carrierGroups: { href: '/admin/carrier-groups', label: 'nav.carrierGroups' },
  profiles: { href: '/admin/departments', label: 'nav.departments' },
};

/** One settings page: loads the document, shows progress, the save bar with the outcome, then the page's editor. */
export function SettingsPage({ title, intro, owns, children }: SettingsPageProps) {
  const t = useT();
  const { lang, status, isAdmin } = useB24Frame();
  const editor = useRoutingSettings();
  useFitFrame();
  const { settings, state, message, fields, save } = editor;
  const elsewhere = Object.entries(fields).filter(([path]) => !owns.includes(path.split('.')[0] as keyof RoutingSettings));

  return (
    <div className="flex flex-col gap-4" data-testid="settings-page" data-state={state}>
      <div className="flex items-start justify-between gap-4">
        <div>
          <h2 className="text-2xl font-semibold text-base-1">{t(title)}</h2>
          <p className="mt-1 max-w-3xl text-sm text-base-2">{t(intro)}</p>
          {status === 'frame' && !isAdmin && <p className="mt-1 text-sm text-warning">{t('admin.notAdminHint')}</p>}
        </div>
        {settings && (
          <div className="flex shrink-0 items-center gap-3">
            <SaveStatus state={state} message={message ? localizeMessage(message, lang) : null} t={t} />
            <Button kind="primary" testId="save-settings" disabled={state === 'saving'} onClick={() => void save()}>
              {state === 'saving' ? t('admin.saving') : t('admin.save')}
            </Button>
          </div>
        )}
      </div>
      {elsewhere.length > 0 && (
        <div role="alert" data-testid="errors-elsewhere" className="rounded-sm bg-red-tint px-3 py-2 text-sm text-base-1">
          {t('admin.otherPageErrors')}
          <ul className="ml-4 list-disc">
            {elsewhere.map(([path, text]) => {
              const page = pageOf[path.split('.')[0] as keyof RoutingSettings];
              return (
                <li key={path}>
                  {page ? <Link className="text-primary underline" href={page.href}>{t(page.label)}</Link> : path}: {localizeMessage(text, lang)}
                </li>
              );
            })}
          </ul>
        </div>
      )}
      {state === 'loading' && <p role="status" data-testid="settings-loading" className="text-base-3">{t('admin.loading')}</p>}
      {state === 'loadFailed' && (
        <p role="alert" data-testid="settings-load-failed" className="text-alert">
          {t('admin.loadFailed')}: {message ? localizeMessage(message, lang) : ''}
        </p>
      )}
      {settings && children({ ...editor, settings })}
    </div>
  );
}

function SaveStatus({ state, message, t }: { state: RoutingSettingsEditor['state']; message: string | null; t: (key: MessageKey) => string }) {
  const text =
    state === 'saving' ? t('admin.saving') : state === 'saved' ? t('admin.saved') : state === 'dirty' ? t('admin.unsaved') : state === 'failed' ? message : null;
  if (!text) return null;
  const tone = state === 'failed' ? 'text-alert' : state === 'saved' ? 'text-success-alt' : 'text-base-3';
  return (
    <p role="status" data-testid="save-status" data-state={state} className={`max-w-md text-right text-sm ${tone}`}>
      {text}
    </p>
  );
}
