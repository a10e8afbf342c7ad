import type { Lang } from '../../i18n/lang';
import { findKnownCarrier } from '../../numbering/registry';
import type { RouteDecision } from '../../routing/decide-route';
import { renderReason } from '../../routing/route-reasons';
import type { CarrierSource } from '../../routing/types';
import { refusedLineReason } from '../refused-line-reason';

export type CardDecision = {
  number: string;
  carrier: { brand: string; inn: string; source: CarrierSource; group: string | null } | null;
  trunk: { name: string; lineNumber: string; via: string | null } | null;
  onNet: boolean;
  profile: string | null;
  /** Rendered in the request's language, in the decision's order. */
  reasons: string[];
  /** Set when the manager's line was not used, with why (unknown, not allowed for their department, disabled). */
  refusedChoice: string | null;
};

/** A routing decision as the card shows it: the carrier's brand rather than its ИНН, reasons as text. */
export function presentRouteDecision(decision: RouteDecision, lang: Lang): CardDecision {
  const carrier = decision.carrier;
  const refusal = refusedLineReason(decision);
  return {
    number: decision.number.e164,
    carrier: carrier
      ? {
          brand: findKnownCarrier(carrier.inn)?.name[lang] ?? carrier.groupName ?? carrier.operator ?? carrier.inn,
          inn: carrier.inn,
          source: carrier.source,
          group: carrier.groupName ?? null,
        }
      : null,
    trunk: decision.trunk
      ? { name: decision.trunk.name, lineNumber: decision.trunk.lineNumber, via: decision.via }
      : null,
    onNet: decision.onNet,
    profile: decision.profile?.name ?? null,
    reasons: decision.reasons.map((reason) => renderReason(reason, lang)),
    refusedChoice: refusal ? renderReason(refusal, lang) : null,
  };
}
