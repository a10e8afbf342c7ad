/**
 * Pure public surface of the carrier lookup, safe to import from client components. The file reader
 * (`./load-registry-file`, node:fs) is deliberately not re-exported: import it directly on the server.
 */
export { normalizePhoneNumber, type NormalizedPhoneNumber, type PhoneNumberKind } from './normalize-phone-number';
export { phoneNumberRejectionMessages, type PhoneNumberRejection } from './phone-number-reasons';
export { parseRegistry, type ParsedRegistry, type ParseRegistryOptions, type RegistryFormat, type RegistryStats } from './parse-registry';
// parseRegistryStream (./parse-registry-stream) hashes with node:crypto: import it directly on the server.
export {
  createOperatorCatalogue,
  normalizeOperatorName,
  type CreateOperatorCatalogueOptions,
  type KnownOperator,
  type OperatorCatalogue,
} from './operator-name-catalogue';
export { buildCarrierIndex, type CarrierIndex, type IndexedCarrier } from './build-carrier-index';
export { findRangeHolder } from './find-range-holder';
export { lookupCarrier, type CarrierData, type CarrierLookup } from './carrier-lookup';
export { parsePortedNumbers, type ParsedPortedNumbers, type PortedNumber, type PortedFileFormat } from './parse-ported-numbers';
export { resolveCarrier, type CarrierOverride, type ResolveCarrierOptions, type ResolvedCarrier } from './resolve-carrier';
export {
  knownCarriers,
  defaultCarrierGroups,
  findKnownCarrier,
  findCarrierByMnpOwnerId,
  type KnownCarrier,
  type CarrierGroupSuggestion,
} from './carriers';
export { decodeRegistryBytes, type DecodedRegistry, type RegistryEncoding } from './decode-registry-bytes';
export type { RegistryRange, LineIssue, CarrierMatch, RangeRef } from './types';
