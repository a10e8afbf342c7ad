'use client';

import { useB24Frame } from '@/components/bitrix24/frame-provider';
import { translate, type MessageKey } from '@/lib/i18n/messages';

/** Translator bound to the language Bitrix24 passed (or Russian when opened standalone). */
export function useT(): (key: MessageKey) => string {
  const { lang } = useB24Frame();
  return (key) => translate(lang, key);
}
