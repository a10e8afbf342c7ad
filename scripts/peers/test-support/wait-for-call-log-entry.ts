import { readFile } from 'node:fs/promises';

/** One line of the gateway simulator's call log (written by its dialplan with FILE()). */
export type GatewayCallLogEntry = {
  gateway: string;
  number: string;
  /** The GoIP-style port prefix the PBX dialled ("3" for 3#<number>), empty without one. */
  sim?: string;
  callerId: string;
  b24CallId: string;
  time: string;
};

export type WaitForCallLogEntryOptions = {
  path: string;
  matches: (entry: GatewayCallLogEntry) => boolean;
  timeoutMs: number;
  pollMs?: number;
};

/** Polls the JSON-lines call log until an entry matches; bounded, so a missing call fails instead of hanging. */
export async function waitForCallLogEntry({
  path,
  matches,
  timeoutMs,
  pollMs = 100,
}: WaitForCallLogEntryOptions): Promise<GatewayCallLogEntry> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = (await readEntries(path)).find(matches);
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`no matching line in ${path} within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
}

async function readEntries(path: string): Promise<GatewayCallLogEntry[]> {
  const text = await readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return ''; // no call yet since the log was created
    throw error;
  });
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as GatewayCallLogEntry);
}
