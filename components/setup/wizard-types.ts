import type { DiscoveredTrunks, ProposedLine } from '@/lib/asterisk/discover/types';
import type { Lang } from '@/lib/i18n/lang';
import type { MessageKey } from '@/lib/i18n/messages';
import type { RoutingSettings } from '@/lib/routing/types';

export type Discovery = { pbxes: DiscoveredTrunks[]; proposals: ProposedLine[] } | null;

/** What every wizard step gets: the shared routing draft and the page's language. */
export type WizardStepProps = {
  settings: RoutingSettings;
  update(edit: (draft: RoutingSettings) => void): void;
  /** Replaces the draft with the result of a pure edit. */
  apply(edit: (draft: RoutingSettings) => RoutingSettings): void;
  t(key: MessageKey, params?: Record<string, string | number>): string;
  lang: Lang;
  saved: boolean;
};
