/** A user's card on an incoming call, keyed by the Uniqueid of the leg that first rang them. */
export type CardLeg = { leg: string; extension: string };
/** One ringing leg of a user's phone, and the key of the card it belongs to. */
export type RingingLeg = CardLeg & { card: string };

/** Who sees an incoming call's card: the users' legs ringing now, and the user who answered. */
export type CardState = { ringing: readonly RingingLeg[]; holder: CardLeg | null };

/** What happened to a user's leg: it started ringing, stopped without answering, or answered (or took a transfer). */
export type CardEvent =
  | { kind: 'ring'; leg: string; extension: string }
  | { kind: 'stop'; leg: string }
  | { kind: 'answer'; leg: string; extension: string };

export type CardMoves = CardState & { show: CardLeg[]; hide: CardLeg[] };

/**
 * Which cards to show and hide on one event of an incoming call (ring groups, queues, follow-me, transfers): every
 * user it rings sees the card once, however many legs ring them (FreePBX rings Local/101@… and then PJSIP/101); a user
 * whose last leg stops loses it; when one answers, everyone else loses it, including the previous answerer (a
 * transfer moves the card). A card is shown and hidden under one key, the leg that first rang that user.
 */
export function decideCardMoves(state: CardState, event: CardEvent): CardMoves {
  const cardOf = (extension: string): CardLeg | undefined => {
    const ringing = state.ringing.find((item) => item.extension === extension);
    if (ringing) return { leg: ringing.card, extension };
    return state.holder?.extension === extension ? state.holder : undefined;
  };
  if (event.kind === 'ring') {
    const known = cardOf(event.extension);
    const card = known ?? { leg: event.leg, extension: event.extension };
    const ringing = [...state.ringing, { leg: event.leg, extension: event.extension, card: card.leg }];
    return { ringing, holder: state.holder, show: known ? [] : [card], hide: [] };
  }
  if (event.kind === 'stop') {
    const stopped = state.ringing.find((item) => item.leg === event.leg);
    if (!stopped) return { ...state, show: [], hide: [] };
    const ringing = state.ringing.filter((item) => item.leg !== event.leg);
    const lastLeg = !ringing.some((item) => item.extension === stopped.extension);
    const hide =
      lastLeg && state.holder?.extension !== stopped.extension
        ? [{ leg: stopped.card, extension: stopped.extension }]
        : [];
    return { ringing, holder: state.holder, show: [], hide };
  }
  const known = cardOf(event.extension);
  const holder = known ?? { leg: event.leg, extension: event.extension };
  const others = new Map<string, CardLeg>();
  for (const item of state.ringing)
    if (item.extension !== event.extension) others.set(item.extension, { leg: item.card, extension: item.extension });
  if (state.holder && state.holder.extension !== event.extension) others.set(state.holder.extension, state.holder);
  return { ringing: [], holder, show: known ? [] : [holder], hide: [...others.values()] };
}
