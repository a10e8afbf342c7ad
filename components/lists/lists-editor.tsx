'use client';

import { useB24Frame } from '@/components/bitrix24/frame-provider';
import { localizeMessage } from '@/lib/i18n/localize-message';
import { SyncDirectoryButton } from '@/components/admin/sync-directory-button';
import { useDirectory } from '@/components/admin/use-directory';
import { SettingsHeader } from '@/components/admin/settings-header';
import { useFitFrame } from '@/components/admin/use-fit-frame';
import { useT } from '@/components/shell/use-t';
import { formatPhone } from '@/lib/format/format-phone';
import { ListSection } from './list-section';
import { useLists } from './use-lists';

/** "Списки": who gets calls registered in Bitrix24 (whitelists) and which numbers never are (never-record). */
export function ListsEditor() {
  const t = useT();
  const { lang } = useB24Frame();
  const directory = useDirectory();
  const editor = useLists();
  useFitFrame();
  const { lists, state, message, save } = editor;
  const userName = new Map(directory.users.map((u) => [u.id, u.extension ? `${u.name} (${u.extension})` : u.name]));
  const departmentName = new Map(directory.departments.map((d) => [d.id, d.name]));
  // An id missing from the cache is still saved (the cache may be stale); say so rather than show nothing.
  const nameOrUnknown = (names: Map<string, string>) => (id: string) =>
    id ? (names.get(id) ?? (directory.loaded ? t('lists.unknownId') : undefined)) : undefined;
  const whitelistsEmpty =
    lists && !lists.whitelistUsers.length && !lists.whitelistDepartments.length && !lists.whitelistExtensions.length;

  return (
    <div className="flex flex-col gap-4" data-testid="lists-page" data-state={state}>
      <SettingsHeader
        title="nav.lists"
        intro="lists.intro"
        introTestId="lists-intro"
        document={{ state, message, save, loaded: lists !== null }}
      />
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
      <SyncDirectoryButton directory={directory} />
      {whitelistsEmpty && (
        <p className="text-sm text-warning" data-testid="lists-whitelists-empty">
          {t('lists.emptyWhitelists')}
        </p>
      )}
      {lists && (
        <div className="grid grid-cols-2 gap-4">
          <ListSection
            list="whitelistUsers"
            title="lists.whitelistUsers"
            hint="lists.whitelistUsers.hint"
            rows={lists.whitelistUsers}
            editor={editor}
            t={t}
            valuePlaceholder="ID"
            meaningOf={nameOrUnknown(userName)}
            picker={{
              placeholder: 'lists.pickUser',
              options: directory.users.map((u) => ({ id: u.id, label: userName.get(u.id)! })),
            }}
          />
          <ListSection
            list="whitelistDepartments"
            title="lists.whitelistDepartments"
            hint="lists.whitelistDepartments.hint"
            rows={lists.whitelistDepartments}
            editor={editor}
            t={t}
            valuePlaceholder="ID"
            meaningOf={nameOrUnknown(departmentName)}
            picker={{
              placeholder: 'lists.pickDepartment',
              options: directory.departments.map((d) => ({ id: d.id, label: d.name })),
            }}
          />
          <ListSection
            list="whitelistExtensions"
            title="lists.whitelistExtensions"
            hint="lists.whitelistExtensions.hint"
            rows={lists.whitelistExtensions}
            editor={editor}
            t={t}
            valuePlaceholder="101"
            meaningOf={(value) =>
              /[?*]/.test(value) ? t('lists.pattern') : directory.users.find((u) => u.extension === value)?.name
            }
          />
          <ListSection
            list="neverRecord"
            title="lists.neverRecord"
            hint="lists.neverRecord.hint"
            rows={lists.neverRecord}
            editor={editor}
            t={t}
            valuePlaceholder="+7 495 111-22-33"
            meaningOf={(value) =>
              /^[\d\s()+\-.]*\d[\d\s()+\-.]*\*$/.test(value)
                ? t('lists.pattern')
                : /^7\d{10}$/.test(value)
                  ? formatPhone(value)
                  : undefined
            }
          />
        </div>
      )}
    </div>
  );
}
