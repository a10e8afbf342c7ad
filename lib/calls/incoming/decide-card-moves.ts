/** A user's card on an incoming call, keyed by the Uniqueid of the leg that first rang them. */
export type CardLeg = { leg: string; extension: string };
/** One ringing leg of a user's phone, and the key of the card it belongs to. */
export type RingingLeg = CardLeg & { card: string };

/**
 * Who sees an incoming call's card: the users' legs ringing now, the user who answered, and the colleague the answerer
 * is consulting before an attended transfer (their own call with the answerer, the client on hold).
 */
export type CardState = { ringing: readonly RingingLeg[]; holder: CardLeg | null; consulting?: CardLeg | null };

/**
 * What happened to a user's leg: it started ringing, stopped without answering, answered (or took a transfer), was
 * answered by a colleague the holder consults (`consult`), or that consultation ended without a transfer.
 */
export type CardEvent =
  | { kind: 'ring'; leg: string; extension: string }
  | { kind: 'stop'; leg: string }
  | { kind: 'answer'; leg: string; extension: string }
  | { kind: 'consult'; leg: string; extension: string }
  | { kind: 'consult_end'; leg: string };

export type CardMoves = Required<CardState> & { show: CardLeg[]; hide: CardLeg[] };

/**
 * Which cards to show and hide on one event of an incoming call (ring groups, queues, follow-me, transfers): every
 * user it rings sees the card once, however many legs ring them (FreePBX rings Local/101@… and then PJSIP/101); a user
 * whose last leg stops loses it; when one answers, everyone else loses it, including the previous answerer (a
 * transfer moves the card). A card is shown and hidden under one key, the leg that first rang that user. A colleague
 * consulted for an attended transfer sees the card while the answerer keeps it; the transfer moves it to them.
 */
export function decideCardMoves(state: CardState, event: CardEvent): CardMoves {
  const consulting = state.consulting ?? null;
  const cardOf = (extension: string): CardLeg | undefined => {
    const ringing = state.ringing.find((item) => item.extension === extension);
    if (ringing) return { leg: ringing.card, extension };
    if (consulting?.extension === extension) return consulting;
    return state.holder?.extension === extension ? state.holder : undefined;
  };
  const none = { ringing: state.ringing, holder: state.holder, consulting, show: [], hide: [] };
  if (event.kind === 'ring') {
    const known = cardOf(event.extension);
    const card = known ?? { leg: event.leg, extension: event.extension };
    const ringing = [...state.ringing, { leg: event.leg, extension: event.extension, card: card.leg }];
    return { ...none, ringing, show: known ? [] : [card] };
  }
  if (event.kind === 'stop') {
    const stopped = state.ringing.find((item) => item.leg === event.leg);
    if (!stopped) return none;
    const ringing = state.ringing.filter((item) => item.leg !== event.leg);
    const lastLeg = !ringing.some((item) => item.extension === stopped.extension);
    const keeps = state.holder?.extension === stopped.extension || consulting?.extension === stopped.extension;
    const hide = lastLeg && !keeps ? [{ leg: stopped.card, extension: stopped.extension }] : [];
    return { ...none, ringing, hide };
  }
  if (event.kind === 'consult') {
    const known = cardOf(event.extension);
    const card = known ?? { leg: event.leg, extension: event.extension };
    const ringing = state.ringing.filter((item) => item.extension !== event.extension);
    return { ...none, ringing, consulting: consulting ?? card, show: known ? [] : [card] };
  }
  if (event.kind === 'consult_end') {
    if (consulting?.leg !== event.leg) return none;
    const hide = state.holder?.extension === consulting.extension ? [] : [consulting];
    return { ...none, consulting: null, hide };
  }
  const known = cardOf(event.extension);
  const holder = known ?? { leg: event.leg, extension: event.extension };
  const others = new Map<string, CardLeg>();
  for (const item of state.ringing)
    if (item.extension !== event.extension) others.set(item.extension, { leg: item.card, extension: item.extension });
  if (state.holder && state.holder.extension !== event.extension) others.set(state.holder.extension, state.holder);
  if (consulting && consulting.extension !== event.extension) others.set(consulting.extension, consulting);
  return { ringing: [], holder, consulting: null, show: known ? [] : [holder], hide: [...others.values()] };
}
