import { describe, expect, it } from 'vitest';
import { decideCardMoves, type CardEvent, type CardLeg, type CardState, type RingingLeg } from './decide-card-moves';

const leg = (id: string, extension: string): CardLeg => ({ leg: id, extension });
const rings = (id: string, extension: string, card = id): RingingLeg => ({ leg: id, extension, card });
const empty: CardState = { ringing: [], holder: null };
const group: CardState = { ringing: [rings('a', '101'), rings('b', '102')], holder: null };

const cases: Array<{ name: string; state: CardState; event: CardEvent; show: CardLeg[]; hide: CardLeg[] }> = [
  {
    name: 'a first ring shows the card',
    state: empty,
    event: { kind: 'ring', leg: 'a', extension: '101' },
    show: [leg('a', '101')],
    hide: [],
  },
  {
    name: 'a second leg of the same user (FreePBX Local then PJSIP) shows nothing more',
    state: { ringing: [rings('a', '101')], holder: null },
    event: { kind: 'ring', leg: 'a2', extension: '101' },
    show: [],
    hide: [],
  },
  {
    name: 'one of a ring group stops: hidden from that one only',
    state: group,
    event: { kind: 'stop', leg: 'b' },
    show: [],
    hide: [leg('b', '102')],
  },
  {
    name: 'a user still rung on another leg keeps the card',
    state: { ringing: [rings('a', '101'), rings('a2', '101', 'a')], holder: null },
    event: { kind: 'stop', leg: 'a2' },
    show: [],
    hide: [],
  },
  {
    name: 'the first leg gone, the last one stopping hides under the first leg (the key it was shown under)',
    state: { ringing: [rings('a2', '101', 'a')], holder: null },
    event: { kind: 'stop', leg: 'a2' },
    show: [],
    hide: [leg('a', '101')],
  },
  {
    name: 'a stop of an unknown leg does nothing',
    state: group,
    event: { kind: 'stop', leg: 'zz' },
    show: [],
    hide: [],
  },
  {
    name: 'one answers: the others lose the card, the answerer keeps it',
    state: group,
    event: { kind: 'answer', leg: 'a', extension: '101' },
    show: [],
    hide: [leg('b', '102')],
  },
  {
    name: 'a transfer answered by a new user: shown to them, hidden from the previous answerer',
    state: { ringing: [rings('c', '103')], holder: leg('a', '101') },
    event: { kind: 'answer', leg: 'c', extension: '103' },
    show: [],
    hide: [leg('a', '101')],
  },
  {
    name: 'an answer on a leg never seen ringing (attended transfer) shows it there',
    state: { ringing: [], holder: leg('a', '101') },
    event: { kind: 'answer', leg: 't', extension: '102' },
    show: [leg('t', '102')],
    hide: [leg('a', '101')],
  },
  {
    name: 'a colleague the answerer consults (attended transfer): shown to them, the answerer keeps it',
    state: { ringing: [], holder: leg('a', '101') },
    event: { kind: 'consult', leg: 'c', extension: '102' },
    show: [leg('c', '102')],
    hide: [],
  },
  {
    name: 'a consulted colleague whose consultation rang first is not shown twice',
    state: { ringing: [rings('c', '102')], holder: leg('a', '101') },
    event: { kind: 'consult', leg: 'c', extension: '102' },
    show: [],
    hide: [],
  },
  {
    name: 'the consultation ends without a transfer: hidden from the colleague, the answerer keeps it',
    state: { ringing: [], holder: leg('a', '101'), consulting: leg('c', '102') },
    event: { kind: 'consult_end', leg: 'c' },
    show: [],
    hide: [leg('c', '102')],
  },
  {
    name: 'the transfer completes to the consulted colleague: hidden from the answerer only',
    state: { ringing: [], holder: leg('a', '101'), consulting: leg('c', '102') },
    event: { kind: 'answer', leg: 'c', extension: '102' },
    show: [],
    hide: [leg('a', '101')],
  },
  {
    name: 'the answerer rung again (queue retry) is not shown twice',
    state: { ringing: [], holder: leg('a', '101') },
    event: { kind: 'ring', leg: 'a3', extension: '101' },
    show: [],
    hide: [],
  },
];

describe('decideCardMoves', () => {
  it.each(cases)('$name', ({ state, event, show, hide }) => {
    const moves = decideCardMoves(state, event);
    expect(moves.show).toEqual(show);
    expect(moves.hide).toEqual(hide);
  });

  it('after an answer nobody is left ringing and the answerer holds the card under its first leg', () => {
    const moves = decideCardMoves(
      { ringing: [rings('a', '101'), rings('a2', '101', 'a'), rings('b', '102')], holder: null },
      { kind: 'answer', leg: 'a2', extension: '101' },
    );
    expect(moves).toMatchObject({ ringing: [], holder: leg('a', '101'), hide: [leg('b', '102')] });
  });

  it('a consultation keeps the answerer as holder until the transfer, and a stopped consulting leg keeps its card', () => {
    const consulted = decideCardMoves(
      { ringing: [rings('c', '102')], holder: leg('a', '101') },
      { kind: 'consult', leg: 'c', extension: '102' },
    );
    expect(consulted).toMatchObject({ ringing: [], holder: leg('a', '101'), consulting: leg('c', '102') });
    const done = decideCardMoves(consulted, { kind: 'answer', leg: 'c', extension: '102' });
    expect(done).toMatchObject({ holder: leg('c', '102'), consulting: null });
  });
});
