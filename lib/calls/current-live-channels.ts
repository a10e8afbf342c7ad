import { getDb } from '../db/client';
import { log } from '../log/log';
import { type LiveChannels, summarizeLiveChannels } from './get-sim-load';
import { mergeLiveChannels } from './merge-live-channels';
import { readJournalLiveChannels } from './read-journal-live-channels';
import { ownsPbx } from './pbx-connections';
import { peekPbxConnections } from './start-call-tracking';

/** How stale the journal's view of another instance's calls may get: a call takes longer than this to set up. */
const JOURNAL_REFRESH_MS = 500;
const holder = globalThis as typeof globalThis & {
  __journalLive?: { at: number; live: LiveChannels; reading: boolean };
};

/**
 * SIMs and trunk channels in use right now on every configured PBX: this instance's tracking for the PBXes it owns,
 * the journal (re-read in the background every half second) for those another instance owns. Outside a cluster it
 * is exactly the tracking's summary, with no database read.
 */
export function currentLiveChannels(): LiveChannels {
  const connections = [...peekPbxConnections()];
  const owned = connections.filter(([, connection]) => ownsPbx(connection));
  const tracked = summarizeLiveChannels(owned.map(([, connection]) => connection.tracking.state));
  if (owned.length === connections.length) return tracked;
  const elsewhere = connections.filter(([, connection]) => !ownsPbx(connection)).map(([name]) => name);
  const journal = (holder.__journalLive ??= { at: 0, live: { busyByEndpoint: {}, busySims: {} }, reading: false });
  if (!journal.reading && Date.now() - journal.at >= JOURNAL_REFRESH_MS) {
    journal.reading = true;
    readJournalLiveChannels({ db: getDb(), pbxNames: elsewhere })
      .then((live) => Object.assign(journal, { live, at: Date.now() }))
      .catch((error: unknown) => log.warn('calls: reading calls in progress from the journal failed', { error }))
      .finally(() => (journal.reading = false));
  }
  return mergeLiveChannels(tracked, journal.live);
}
