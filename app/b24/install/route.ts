import { answerInstallFrame } from '@/lib/bitrix24/install/answer-install-frame';

/** The installer URL of the app's version card: Bitrix24 POSTs the installing admin's auth into the frame. */
export async function POST(request: Request): Promise<Response> {
  return answerInstallFrame({ form: new URLSearchParams(await request.text()) });
}
