import { answerInstallFrame } from '@/lib/bitrix24/install/answer-install-frame';
import { withPortal } from '@/lib/http/with-portal';

/** The installer URL of the app's version card: Bitrix24 POSTs the installing admin's auth into the frame. */
export const POST = withPortal(
  { access: 'public', bodyKind: 'form', maxBodyBytes: 64 * 1024, origin: 'any' },
  async ({ text }) => answerInstallFrame({ form: new URLSearchParams(text) }),
);
