import type { Lang } from '../../i18n/lang';
import { classifyDialAttempt } from '../../routing/failover';

/** One line's attempt as the journal keeps it (the B24DialAttempt event's payload). */
export type DialAttemptRecord = {
  attempt?: unknown;
  trunk?: unknown;
  dialStatus?: unknown;
  cause?: unknown;
  sip?: unknown;
  moved?: unknown;
};

export type PresentDialAttemptsOptions = {
  attempts: readonly DialAttemptRecord[];
  /** Line key (gw_mts) → the line's name (МТС), from the routing settings. */
  lineNames: ReadonlyMap<string, string>;
  lang: Lang;
};

const reachedText: Record<Lang, Record<string, string>> = {
  ru: { ANSWER: 'клиент ответил', BUSY: 'клиент занят', NOANSWER: 'клиент не ответил', CANCEL: 'звонок отменён' },
  en: { ANSWER: 'the client answered', BUSY: 'the client was busy', NOANSWER: 'no answer', CANCEL: 'cancelled' },
};

const text = (value: unknown): string | null => (typeof value === 'string' && value ? value : null);
const count = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null);

/**
 * The lines a call tried, for people: "МТС: шлюз не смог принять звонок (SIP 503, причина 34) → следующая линия",
 * "Билайн: клиент ответил". Worded by the same rule the dialplan followed (classifyDialAttempt).
 */
export function presentDialAttempts({ attempts, lineNames, lang }: PresentDialAttemptsOptions): string[] {
  const ru = lang === 'ru';
  return attempts.map((record) => {
    const dialStatus = text(record.dialStatus);
    const cause = count(record.cause);
    const sipCode = count(record.sip);
    const line = text(record.trunk);
    const name = (line && lineNames.get(line)) ?? line ?? '—';
    const verdict = classifyDialAttempt({ dialStatus, cause, sipCode });
    const codes = [sipCode ? `SIP ${sipCode}` : null, cause ? `${ru ? 'причина' : 'cause'} ${cause}` : null]
      .filter(Boolean)
      .join(', ');
    const detail = codes ? ` (${codes})` : '';
    let what: string;
    if (verdict.why === 'gatewayFailed')
      what = ru ? 'шлюз не смог принять звонок' : 'the gateway could not carry the call';
    else if (verdict.why === 'clientReached')
      what =
        (dialStatus && reachedText[lang][dialStatus]) ?? (ru ? 'до клиента дозвонились' : 'the client was reached');
    else what = ru ? `звонок не состоялся: ${dialStatus ?? '—'}` : `the call failed: ${dialStatus ?? '—'}`;
    const moved = record.moved === 'next' ? (ru ? ' → следующая линия' : ' → the next line') : '';
    return `${name}: ${what}${detail}${moved}`;
  });
}
