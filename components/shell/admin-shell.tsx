'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useEffect, type ReactNode } from 'react';
import { isUnsaved, SettingsDraftsProvider, useSettingsDrafts } from '@/components/admin/settings-drafts';
import { useB24Frame } from '@/components/bitrix24/frame-provider';
import { FrameStatus } from '@/components/bitrix24/frame-status';
import { navItems } from './nav-items';
import { shouldConfirmLeave } from './should-confirm-leave';
import { useT } from './use-t';

/**
 * The admin area's frame: a top bar with the product name and the Bitrix24 connection state, and tabs in the style of
 * Bitrix24's own settings pages. Sized for the portal iframe (≥ 1280 px wide without horizontal scrolling).
 */
export function AdminShell({ children, localMode }: { children: ReactNode; localMode: boolean }) {
  return (
    <SettingsDraftsProvider>
      <AdminFrame localMode={localMode}>{children}</AdminFrame>
    </SettingsDraftsProvider>
  );
}

function AdminFrame({ children, localMode }: { children: ReactNode; localMode: boolean }) {
  const t = useT();
  const { lang } = useB24Frame();
  const pathname = usePathname();
  const { entries } = useSettingsDrafts();
  const unsaved = Object.keys(entries).filter((url) => isUnsaved(entries[url]));
  const current = navItems.find((item) => item.href === pathname);

  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  return (
    <div className="mx-auto flex min-h-screen max-w-[1600px] flex-col">
      <header className="flex items-center justify-between gap-4 bg-base-8 px-6 py-4 shadow-sm">
        <div>
          <h1 className="text-3xl font-semibold text-base-1">{t('app.title')}</h1>
          <p className="text-sm text-base-3">{t('app.subtitle')}</p>
        </div>
        <FrameStatus localMode={localMode} />
      </header>
      <nav aria-label="admin" className="flex flex-wrap gap-1 border-b border-base-6 bg-base-8 px-4">
        {navItems.map((item) => {
          const active = pathname === item.href;
          const draft = (item.documents ?? []).some((url) => unsaved.includes(url));
          return (
            <Link
              key={item.href}
              href={item.href}
              aria-current={active ? 'page' : undefined}
              data-unsaved={draft || undefined}
              onClick={(event) => {
                if (
                  shouldConfirmLeave({ from: current, to: item, unsaved }) &&
                  !window.confirm(t('admin.leaveUnsaved'))
                )
                  event.preventDefault();
              }}
              className={`border-b-2 px-3 py-2.5 text-md transition-colors ${
                active
                  ? 'border-primary font-semibold text-base-1'
                  : 'border-transparent text-base-2 hover:text-primary'
              }`}
            >
              {t(item.label)}
              {draft && (
                <span title={t('admin.unsavedTab')} className="ml-1 text-warning">
                  •
                </span>
              )}
            </Link>
          );
        })}
      </nav>
      <main className="flex-1 p-6">{children}</main>
    </div>
  );
}
