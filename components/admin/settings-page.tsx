'use client';

import Link from 'next/link';
import type { ReactNode } from 'react';
import { useB24Frame } from '@/components/bitrix24/frame-provider';
import { useT } from '@/components/shell/use-t';
import type { MessageKey } from '@/lib/i18n/messages';
import type { RoutingSettings } from '@/lib/routing/types';
import { localizeMessage } from '@/lib/i18n/localize-message';
import { SettingsHeader } from './settings-header';
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
  simHealth: { href: '/admin/trunks', label: 'nav.trunks' },
  carrierGroups: { href: '/admin/carrier-groups', label: 'nav.carrierGroups' },
  profiles: { href: '/admin/departments', label: 'nav.departments' },
};

/** One settings page: loads the document, shows progress, the save bar with the outcome, then the page's editor. */
export function SettingsPage({ title, intro, owns, children }: SettingsPageProps) {
  const t = useT();
  const { lang } = useB24Frame();
  const editor = useRoutingSettings();
  useFitFrame();
  const { settings, state, message, fields, save } = editor;
  const elsewhere = Object.entries(fields).filter(
    ([path]) => !owns.includes(path.split('.')[0] as keyof RoutingSettings),
  );

  return (
    <div className="flex flex-col gap-4" data-testid="settings-page" data-state={state}>
      <SettingsHeader title={title} intro={intro} document={{ state, message, save, loaded: settings !== null }} />
      {elsewhere.length > 0 && (
        <div
          role="alert"
          data-testid="errors-elsewhere"
          className="rounded-sm bg-red-tint px-3 py-2 text-sm text-base-1"
        >
          {t('admin.otherPageErrors')}
          <ul className="ml-4 list-disc">
            {elsewhere.map(([path, text]) => {
              const page = pageOf[path.split('.')[0] as keyof RoutingSettings];
              return (
                <li key={path}>
                  {page ? (
                    <Link className="text-primary underline" href={page.href}>
                      {t(page.label)}
                    </Link>
                  ) : (
                    path
                  )}
                  : {localizeMessage(text, lang)}
                </li>
              );
            })}
          </ul>
        </div>
      )}
      {state === 'loading' && (
        <p role="status" data-testid="settings-loading" className="text-base-3">
          {t('admin.loading')}
        </p>
      )}
      {state === 'loadFailed' && (
        <p role="alert" data-testid="settings-load-failed" className="text-alert">
          {t('admin.loadFailed')}: {message ? localizeMessage(message, lang) : ''}
        </p>
      )}
      {settings && children({ ...editor, settings })}
    </div>
  );
}
