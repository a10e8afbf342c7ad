export { discoverTrunks } from './discover-trunks';
export { discoverConnectedTrunks } from './discover-connected-trunks';
export { carrierOfName, dialTemplateOf, proposeLines } from './propose-lines';
export { readFreepbxTrunk } from './read-freepbx-trunk';
export type { DiscoveredTrunks, DiscoveryGap, PbxEndpoint, ProposedCarrier, ProposedLine } from './types';
