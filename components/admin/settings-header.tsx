'use client';

import { useB24Frame } from '@/components/bitrix24/frame-provider';
import { useT } from '@/components/shell/use-t';
import type { MessageKey } from '@/lib/i18n/messages';
import { Button } from './form-controls';
import { localizeMessage } from '@/lib/i18n/localize-message';
import type { SaveState, SettingsDocument } from './use-settings-document';

type SettingsHeaderProps = {
  title: MessageKey;
  intro: MessageKey;
  introTestId?: string;
  /** The document being edited; the save bar appears once it has loaded. */
  document: Pick<SettingsDocument<unknown>, 'state' | 'message' | 'save'> & { loaded: boolean };
};

/** Title, intro, the non-admin hint and the save bar every settings page shows above its editor. */
export function SettingsHeader({ title, intro, introTestId, document }: SettingsHeaderProps) {
  const t = useT();
  const { lang, status, isAdmin } = useB24Frame();
  const { state, message, save, loaded } = document;
  return (
    <div className="flex items-start justify-between gap-4">
      <div>
        <h2 className="text-2xl font-semibold text-base-1">{t(title)}</h2>
        <p className="mt-1 max-w-3xl text-sm text-base-2" data-testid={introTestId}>
          {t(intro)}
        </p>
        {status === 'frame' && !isAdmin && <p className="mt-1 text-sm text-warning">{t('admin.notAdminHint')}</p>}
      </div>
      {loaded && (
        <div className="flex shrink-0 items-center gap-3">
          <SaveStatus state={state} message={message ? localizeMessage(message, lang) : null} t={t} />
          <Button kind="primary" testId="save-settings" disabled={state === 'saving'} onClick={() => void save()}>
            {state === 'saving' ? t('admin.saving') : t('admin.save')}
          </Button>
        </div>
      )}
    </div>
  );
}

function SaveStatus({
  state,
  message,
  t,
}: {
  state: SaveState;
  message: string | null;
  t: (key: MessageKey) => string;
}) {
  const text =
    state === 'saving'
      ? t('admin.saving')
      : state === 'saved'
        ? t('admin.saved')
        : state === 'dirty'
          ? t('admin.unsaved')
          : state === 'failed'
            ? message
            : null;
  if (!text) return null;
  const tone = state === 'failed' ? 'text-alert' : state === 'saved' ? 'text-success-alt' : 'text-base-3';
  return (
    <p role="status" data-testid="save-status" data-state={state} className={`max-w-md text-right text-sm ${tone}`}>
      {text}
    </p>
  );
}
