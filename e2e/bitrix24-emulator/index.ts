/** Public surface of the test-only Bitrix24 emulator. */
export { startEmulator } from './start-emulator';
export type { EmulatorHandle, StartEmulatorOptions } from './start-emulator';
export { createDemoPortal } from './demo-portal';
export { encodeBracketParams, parseBracketParams } from './bracket-params';
export type { Delivery, FireEventOptions } from './fire-event';
export type { InjectedFailure, PortalSeed, RecordedCall, UserSeed } from './types';
