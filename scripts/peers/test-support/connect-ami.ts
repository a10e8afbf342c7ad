import AmiClient from 'asterisk-ami-client';

export type ConnectAmiOptions = { host: string; port: number; user: string; secret: string };

/** Logs in to one Asterisk's AMI; tests disconnect it themselves. No reconnect: a dropped peer should fail the test. */
export async function connectAmi({ host, port, user, secret }: ConnectAmiOptions): Promise<AmiClient> {
  const client = new AmiClient({ reconnect: false, emitEventsByTypes: true, emitResponsesById: true });
  // the library re-emits socket errors here; without a listener they would be lost silently, so surface them
  client.on('internalError', (error) => console.error(`AMI ${host}:${port}:`, error.message));
  await client.connect(user, secret, { host, port });
  return client;
}
