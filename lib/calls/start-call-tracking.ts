import { getAmiManagers } from '../asterisk/get-ami-managers';

/** Starts the AMI managers (call tracking is attached in a later step). */
export function startCallTracking(): void {
  getAmiManagers();
}
