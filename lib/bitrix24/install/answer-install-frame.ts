import { getDb, type Db } from '../../db/client';
import { AppError } from '../../errors/app-error';
import { storeInstall } from '../events/handle-app-install';
import { setUpPortal } from './set-up-portal';
import { log } from '../../log/log';

export type AnswerInstallFrameOptions = { form: URLSearchParams; publicUrl?: string; db?: Db };

/**
 * The installer URL (Bitrix24 POSTs AUTH_ID, REFRESH_ID, member_id, APPLICATION_TOKEN into the frame).
 * Server side: the OAuth server vouches for REFRESH_ID and its member_id, the user must be a portal admin,
 * tokens are stored (never sent back), binds and lines are set up. The page then only calls installFinish through the
 * frame protocol — Bitrix24 keeps events and placements dead until it does.
 */
export async function answerInstallFrame({
  form,
  publicUrl,
  db = getDb(),
}: AnswerInstallFrameOptions): Promise<Response> {
  const portalId = await storeInstall({
    db,
    memberId: form.get('member_id') ?? '',
    refreshToken: form.get('REFRESH_ID') ?? '',
    applicationToken: form.get('APPLICATION_TOKEN') ?? '',
  });
  if (portalId === null)
    return page(
      401,
      'Установить приложение может только администратор портала / Only a portal admin can install the app',
      false,
    );
  try {
    const { messages } = await setUpPortal({ portalId, publicUrl, db });
    return page(200, `Приложение установлено (${messages} настроек отправлено) / The app is installed`, true);
  } catch (error) {
    const message = AppError.is(error)
      ? error.message
      : 'Не удалось настроить портал — откройте приложение ещё раз / Setup failed — open the app again';
    if (!AppError.is(error)) log.error('portal setup failed', { error });
    return page(503, message, false);
  }
}

function page(status: number, message: string, finish: boolean): Response {
  const text = message.replace(/[<>&"]/g, (char) => `&#${char.charCodeAt(0)};`);
  // window.name is "DOMAIN|PROTOCOL|APP_SID"; the portal expects "command:callbackId:APP_SID" from its own origin only.
  const script = finish
    ? `<script>(function(){var p=(window.name||'').split('|');if(p.length<3)return;var ` +
      `origin=(p[1]==='1'?'https://':'http://')+p[0];` +
      `parent.postMessage('setInstallFinish:install'+Date.now()+':'+p[2],origin);})();</script>`
    : '';
  return new Response(
    `<!doctype html><meta charset="utf-8"><title>Install</title><body style="font:14px ` +
      `sans-serif;padding:24px"><p id="install-status">${text}</p>${script}</body>`,
    {
      status,
      headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' },
    },
  );
}
