import type { DialTechnology } from '../../routing/dial-template/check-dial-template';

/** A trunk endpoint the PBX knows: its channel technology and its name (PJSIP endpoint, SIP/IAX2 peer, dongle). */
export type PbxEndpoint = { technology: DialTechnology; name: string };

/** A list the PBX could not give: the AMI user lacks the right (`denied`) or the module is not loaded (`absent`). */
export type DiscoveryGap = { action: string; reason: 'denied' | 'absent' | 'failed'; message?: string };

export type DiscoveredTrunks = { pbx: string; endpoints: PbxEndpoint[]; gaps: DiscoveryGap[] };

export type ProposedCarrier = 'beeline' | 'megafon' | 'mts' | 't2';

/** One line the wizard proposes for an endpoint whose name says its carrier. */
export type ProposedLine = { endpoint: PbxEndpoint; carrier: ProposedCarrier; name: string; dial: string };
