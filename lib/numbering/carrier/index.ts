/** Whose number it is: the carrier resolved from overrides, ported data and the registry, and the lookup service. */
export * from './carrier-lookup';
export * from './resolve-carrier';
export * from './lookup-service/create-carrier-lookup-service';
