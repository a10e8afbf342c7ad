/**
 * Runs once when the Next.js server starts. Validates configuration first, so a bad variable
 * stops the server with one line instead of failing later inside a request. Long-lived workers (the AMI connection,
 * the REST outbox) are started from here and kept on globalThis by their own modules.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { getConfigOrExit } = await import('./lib/config/exit-on-bad-config');
  const config = getConfigOrExit();
  (await import('./lib/cluster/claim-server-instance')).claimServerInstanceOrExit(config);
  // One AMI session per configured PBX, plus the call tracking fed by it (lib/calls): only in the long-lived server.
  // On PostgreSQL several instances may run: each PBX is connected by one of them at a time (advisory-lock
  // leadership), and click-to-calls received by the others are handed to it.
  if (config.pbxes.length > 0) {
    const { startCallTracking } = await import('./lib/calls/start-call-tracking');
    if (config.database.kind === 'postgresql') {
      const { thisInstanceId } = await import('./lib/cluster/instance-identity');
      startCallTracking({ cluster: { databaseUrl: config.database.url, instanceId: thisInstanceId() } });
    } else startCallTracking();
    // Places what waits in the journal: calls handed over by other instances, callbacks waiting for a free line.
    (await import('./lib/bitrix24/events/start-handed-off-call-claimer')).startHandedOffCallClaimer();
  }
  // The dialplan's door to routing, in a process of its own (lib/dialplan/start-dialplan-process.ts): page renders and
  // this server's garbage collection must not hold up a desk phone waiting for its trunk.
  const { startDialplanProcess } = await import('./lib/dialplan/start-dialplan-process');
  startDialplanProcess();
  // The Bitrix24 REST outbox (lib/bitrix24/outbox): sends queued register/finish/bind writes; needs the app keys.
  // Click-to-calls stored before Bitrix24 was answered and lost with a crashed process: their cards are closed.
  if (config.B24_CLIENT_ID && config.B24_CLIENT_SECRET) {
    (await import('./lib/bitrix24/outbox/start-outbox-worker')).startOutboxWorker();
    (await import('./lib/calls/start-queued-call-sweeper')).startQueuedCallSweeper();
  }
  // The numbering registry refreshed from its publisher on a schedule (lib/numbering/store); "off" disables it.
  const registryUrls = config.REGISTRY_DOWNLOAD_URLS.split(',')
    .map((url) => url.trim())
    .filter((url) => url && url !== 'off');
  if (registryUrls.length > 0) {
    const { startRegistryDownloads } = await import('./lib/numbering/store');
    startRegistryDownloads({ urls: registryUrls, everyHours: config.REGISTRY_DOWNLOAD_EVERY_HOURS });
  }
}
