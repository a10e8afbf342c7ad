import { hostname } from 'node:os';

/**
 * This app instance's name on the status page and in the leadership table: INSTANCE_ID when set (a systemd unit per
 * instance names its own), else host and process id. No spaces: the name travels inside a connection's
 * application_name, split on spaces.
 */
export function thisInstanceId(): string {
  const chosen = process.env.INSTANCE_ID?.trim() || `${hostname()}:${process.pid}`;
  return chosen.replace(/\s+/g, '_').slice(0, 40);
}

/** The leadership name of a PBX's AMI session: one instance at a time connects it and tracks its calls. */
export const amiLeadershipName = (pbxName: string) => `ami:${pbxName}`;
