/** The numbering data of this installation: imports, versions, overrides and the loads that serve routing. */
export * from './download-registry-file';
export * from './get-bundled-registry-index';
export * from './get-carrier-lookup-service';
export * from './get-numbering-data';
export * from './import-numbering-file';
export * from './import-registry-file';
export * from './learn-number-carrier';
export * from './list-number-overrides';
export * from './load-portal-overrides';
export * from './load-registry-file';
export * from './lookup-carriers';
export * from './read-registry-file';
export * from './start-registry-downloads';
export * from './summarize-numbering';
export * from './meter-byte-stream';
export * from './refuse-oversized-upload';
