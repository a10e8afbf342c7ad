import type { SimHealthThresholds } from './types';

/**
 * When a SIM is taken out of rotation, unless the admin set otherwise (lib/sim-health applies the rule).
 * - 5 gateway failures in a row: one or two failures happen to a healthy SIM (a cell is congested, the client's
 *   network is down), five in a row on the same SIM while its neighbours connect is how a carrier's anti-spam block
 *   looks from the PBX; more would burn five more managers' calls before anyone notices.
 * - 5 answered calls in a row shorter than 5 s: a blocked SIM on some gateways "answers" and drops at once (the
 *   carrier's announcement, or the gateway's own lock), while a person who picks up and hangs up at once does not do
 *   it five times running. 5 s is shorter than any greeting.
 */
export const DEFAULT_SIM_HEALTH: SimHealthThresholds = { failuresInRow: 5, shortCallsInRow: 5, shortCallSeconds: 5 };
