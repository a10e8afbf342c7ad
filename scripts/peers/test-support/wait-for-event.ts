import type AmiClient from 'asterisk-ami-client';

export type WaitForEventOptions = {
  client: AmiClient;
  matches: (event: AmiClient.AmiEvent) => boolean;
  timeoutMs: number;
  description: string;
};

/**
 * Resolves with the first event that matches. Call it BEFORE sending the action that causes the event
 * and await it afterwards, or a fast Asterisk answers before anyone listens.
 */
export function waitForEvent({
  client,
  matches,
  timeoutMs,
  description,
}: WaitForEventOptions): Promise<AmiClient.AmiEvent> {
  return new Promise((resolve, reject) => {
    const onEvent = (event: AmiClient.AmiEvent) => {
      if (!matches(event)) return;
      cleanup();
      resolve(event);
    };
    const timer = setTimeout(() => {
      cleanup();
      reject(new Error(`no AMI event within ${timeoutMs} ms: ${description}`));
    }, timeoutMs);
    const cleanup = () => {
      clearTimeout(timer);
      client.removeListener('event', onEvent);
    };
    client.on('event', onEvent);
  });
}
