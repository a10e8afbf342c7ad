/**
 * The PBX profile of the running test's project (its `metadata.pbxProfile`, see playwright.config.ts): specs and
 * helpers take the app, database and emulator from it, so one spec file runs on both profiles. Outside a test
 * (global setup) it is ours.
 */
import { test } from '@playwright/test';
import { PBX_PROFILES, type PbxProfile, type PbxProfileName } from './pbx-profiles';

export function currentProfile(): PbxProfile {
  let name: PbxProfileName = 'asterisk';
  try {
    name = (test.info().project.metadata as { pbxProfile?: PbxProfileName }).pbxProfile ?? 'asterisk';
  } catch {
    // Not inside a test: the config's default profile.
  }
  return PBX_PROFILES[name];
}

/** The real PBX of the current profile is up (its AMI_* known): calls are placed and reach the gateway simulator. */
export function currentCallLog(): string | undefined {
  return currentProfile().amiEnv ? process.env.PEERS_GW_CALL_LOG : undefined;
}
