import { EventEmitter } from 'node:events';
import type { AmiManager } from '../asterisk/ami-manager';
import type { AmiMessage } from '../asterisk/ami/ami-message';
import type { Db } from '../db/client';
import { findRoutingPortal } from '../portals/find-routing-portal';
import { applyAmiEvent } from './apply-ami-event';
import { createCallTrackerState, type CallChange, type CallTrackerState, type TrackedCall } from './call-tracker-state';
import { closeStaleJournalCalls } from './close-stale-journal-calls';
import { createJournalLookups, type JournalLookups } from './create-journal-lookups';
import { forgetDeviceStates, noteDeviceState } from './line-reachability';
import { loadCallChannelMatcher } from './load-call-channel-matcher';
import type { CallChannelMatcher } from './match-call-channel';
import { findLostFollowUps } from './find-lost-follow-ups';
import { readJournalCallsInProgress } from './read-journal-calls-in-progress';
import { reconcileLiveChannels } from './reconcile-live-channels';
import type { CallContext } from './write-call-change';
import { writeTrackedChange } from './write-tracked-change';
import { log } from '../log/log';
import { listenToForgets } from '../cache/create-named-forget';
import { urgentWorkYielded } from '../scheduling/urgent-work';

export type CallTrackingOptions = {
  manager: AmiManager;
  db: Db;
  log?: (line: string) => void;
  /** Fixed trunk/manager recognition (tests); else read from the lines and users, and re-read every 30 s. */
  match?: CallChannelMatcher;
};
/** What is known of a call beyond AMI; the line only when the journal told (otherwise found from the trunk leg). */
type Known = CallContext;
/** How often the journal is checked for ended calls whose follow-up was lost with another process. */
const RECOVER_EVERY_MS = 10_000;
const MATCHER_TTL_MS = 30_000;
const MATCHER_WAIT_MS = 1_000;

/**
 * Ties one PBX's AMI manager to the tracker and the journal: events → applyAmiEvent → changes written in order
 * (one queue, so a call's rows never go back in time); after every reconnect, CoreShowChannels re-syncs memory and
 * the journal. I/O lives here; the decisions live in the pure reducer. Emits 'change' (CallChange) once written.
 */
export class CallTracking extends EventEmitter {
  readonly state: CallTrackerState;
  private readonly contexts = new Map<string, Known>();
  private readonly lookups: JournalLookups;
  private readonly held = new Map<string, CallChange[]>();
  private readonly waiters = new Map<string, Array<(change: CallChange) => void>>();
  /** Recently ended calls, so a waiter that arrives after the end still gets it (bounded: oldest dropped). */
  private readonly ended = new Map<string, CallChange>();
  private queue: Promise<void> = Promise.resolve();
  private lostAt: number | null = null;
  private readonly recovered = new Set<string>();
  private readonly log: (line: string) => void;
  private skippedCount = 0;
  private matcherReadAt = 0;
  private matcherRead: Promise<void> | null = null;
  private waiting: AmiMessage[] | null = null;

  constructor(private readonly options: CallTrackingOptions) {
    super();
    this.setMaxListeners(100);
    this.state = createCallTrackerState({ pbxName: options.manager.name, match: options.match });
    this.lookups = createJournalLookups(options.db);
    if (!options.match) void this.readMatcher();
    // Lines or people saved in this process: the next event re-reads them first (see ingest).
    listenToForgets((name) => {
      if (name !== 'routing-context') return;
      this.matcherReadAt = 0;
      this.lookups.forget();
    });
    this.log = options.log ?? ((line) => log.warn(line, { pbx: options.manager.name, part: 'calls' }));
    options.manager.on('event', (event: AmiMessage) => this.ingest(event));
    options.manager.on('disconnected', () => (this.lostAt ??= Date.now()));
    options.manager.on('connected', () => void this.resync());
    setInterval(() => void this.recoverLostFollowUps(), RECOVER_EVERY_MS).unref();
  }

  /**
   * Ends the journal shows that nobody followed up (the instance that wrote them died first): heard again as ended,
   * so they are priced and finished in Bitrix24 (once: the outbox dedupes). Only while this process holds the PBX.
   */
  private async recoverLostFollowUps(): Promise<void> {
    if (!this.options.manager.status().connected) return;
    try {
      const lost = await findLostFollowUps({ db: this.options.db, pbxName: this.options.manager.name });
      for (const call of lost) {
        if (this.recovered.has(call.linkedId)) continue;
        this.recovered.add(call.linkedId);
        setTimeout(() => this.recovered.delete(call.linkedId), 5 * RECOVER_EVERY_MS).unref();
        this.emit('change', { kind: 'ended', call, at: call.endedAt ?? Date.now() } satisfies CallChange);
      }
      if (lost.length > 0) this.log(`followed up ${lost.length} ended call(s) another process left unfinished`);
    } catch (error) {
      this.log(`recovering lost follow-ups failed: ${(error as Error).message}`);
    }
  }

  /**
   * Drops what memory holds of live calls when another instance takes the PBX over: that instance journals and
   * finishes them now; should this one own the PBX again, its re-sync starts from the PBX's channels and the journal.
   */
  forgetLiveCalls(): void {
    this.state.calls.clear();
    this.state.channels.clear();
    this.contexts.clear();
    this.lostAt = null;
  }

  /** Remembers what the journal needs for a call we are about to originate, and records its changes. */
  remember(linkedId: string, context: Known): void {
    this.contexts.set(linkedId, context);
  }

  record(changes: CallChange[]): void {
    for (const change of changes) {
      const snapshot: CallChange = { ...change, call: { ...change.call }, at: change.at ?? Date.now() };
      // A card must reach Bitrix24 while the phone rings: heard now, not after the journal writes queued before it.
      if (snapshot.kind === 'card') this.emit('card', snapshot);
      this.queue = this.queue
        .then(() => urgentWorkYielded() ?? new Promise((resolve) => setImmediate(resolve)))
        .then(() => this.write(snapshot))
        .catch((error: Error) => this.log(`journal write failed for ${snapshot.call.linkedId}: ${error.message}`));
      this.queue = this.queue.then(() => {
        if (snapshot.kind === 'ended') this.notifyEnded(snapshot);
        this.emit('change', snapshot);
      });
    }
  }

  /**
   * The portal and the line number of a call, from what the journal was told or the routing portal and the call's
   * trunk leg (both cached): what an incoming call's card needs before the journal has the call.
   */
  async cardContext(call: TrackedCall): Promise<{ portalId: number; lineNumber: string | null }> {
    const portalId = this.contexts.get(call.linkedId)?.portalId ?? (await findRoutingPortal({ db: this.options.db }));
    const trunk = call.trunkEndpoint ? await this.lookups.trunk(portalId, call.trunkEndpoint) : null;
    return { portalId, lineNumber: trunk?.lineNumber ?? null };
  }

  /** Resolves with the call's final change once it is written to the journal (or rejects after timeoutMs). */
  waitForEnd(linkedId: string, timeoutMs: number): Promise<CallChange> {
    const done = this.ended.get(linkedId);
    if (done) return Promise.resolve(done);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`call ${linkedId} did not end within ${timeoutMs} ms`)),
        timeoutMs,
      );
      const list = this.waiters.get(linkedId) ?? [];
      list.push((change) => {
        clearTimeout(timer);
        resolve(change);
      });
      this.waiters.set(linkedId, list);
    });
  }

  /** Resolves when every change recorded so far is in the journal. */
  flushed(): Promise<void> {
    return this.queue;
  }

  /**
   * Which channels are trunk and manager legs, from the lines' dial templates and the users' extensions. Re-read on
   * connect and, driven by events (no timer to outlive a stopped manager), when 30 s old: a line saved meanwhile is
   * still recognised for click-to-calls, whose line the tracker knows from the decision.
   */
  readMatcher(): Promise<void> {
    if (this.options.match) return Promise.resolve();
    this.matcherReadAt = Date.now();
    this.matcherRead ??= loadCallChannelMatcher({ db: this.options.db })
      .then((match) => void (this.state.match = match))
      .catch((error: Error) => this.log(`lines and extensions could not be read: ${error.message}`))
      .finally(() => (this.matcherRead = null));
    return this.matcherRead;
  }

  /**
   * The lines' reachability as the PBX sees it now (qualify results are device states): asked on connect, then kept
   * current by DeviceStateChange events. Getvar needs only the `reporting` right.
   */
  private async readLineDevices(): Promise<void> {
    const manager = this.options.manager;
    if (!manager.status().connected) return;
    forgetDeviceStates(this.state);
    await Promise.all(
      this.state.match.lineDevices().map(async (device) => {
        const answer = await manager.action({ Action: 'Getvar', Variable: `DEVICE_STATE(${device})` });
        const value = answer.Value;
        noteDeviceState(this.state, device, String(Array.isArray(value) ? value[0] : (value ?? '')), Date.now());
      }),
    ).catch((error: Error) => this.log(`line device states could not be read: ${error.message}`));
  }

  private ingest(event: AmiMessage): void {
    if (this.waiting) this.waiting.push(event);
    else if (this.options.match || Date.now() - this.matcherReadAt <= MATCHER_TTL_MS) this.apply(event);
    else {
      // The first event after a quiet spell may start a call on a line or extension saved meanwhile (taken with the
      // old matcher, an incoming call would never be one): it and those after it wait, in order, for the re-read.
      const waiting = (this.waiting = [event]);
      const bound = new Promise((resolve) => setTimeout(resolve, MATCHER_WAIT_MS).unref());
      void Promise.race([this.readMatcher(), bound]).then(() => {
        this.waiting = null;
        for (const item of waiting) this.apply(item);
      });
    }
  }

  private apply(event: AmiMessage): void {
    try {
      const { changes, skipped } = applyAmiEvent(this.state, event, Date.now());
      if (skipped && this.skippedCount++ < 100) this.log(`skipped AMI event: ${skipped}`);
      if (changes.length) this.record(changes);
    } catch (error) {
      // The reducer does not throw by design; if it ever does, one bad event must not stop tracking.
      this.log(`AMI event ${String(event.Event)} could not be applied: ${(error as Error).message}`);
    }
  }

  private async resync(): Promise<void> {
    const manager = this.options.manager;
    try {
      await this.readMatcher();
      await this.readLineDevices();
      const { events } = await manager.listAction({ Action: 'CoreShowChannels' });
      // Live calls placed by another instance (it owned the PBX and died) or before a restart: carried on as the same
      // calls, with their portal, Bitrix24 CALL_ID and SIM, not adopted as unknown ones.
      const linkedIds = new Set(events.map((e) => String(e.Linkedid ?? '')));
      const unknown = [...linkedIds].filter((id) => id && !this.state.calls.has(id));
      const journal = await readJournalCallsInProgress({ db: this.options.db, linkedIds: unknown });
      for (const [id, context] of journal.contexts) if (!this.contexts.has(id)) this.contexts.set(id, context);
      const now = Date.now();
      this.record(reconcileLiveChannels(this.state, events, this.lostAt ?? now, now, journal.calls));
      await this.queue;
      const closed = await closeStaleJournalCalls({
        db: this.options.db,
        pbxName: manager.name,
        liveLinkedIds: linkedIds,
        tracked: new Set(this.state.calls.keys()),
        endedAt: new Date(this.lostAt ?? now),
      });
      if (closed.length > 0) {
        this.log(`closed ${closed.length} journal call(s) whose channels were gone after (re)connect`);
        // Already in the journal: only the follow-up (price, Bitrix24 finish) still has to hear of their end.
        for (const call of closed)
          this.emit('change', { kind: 'ended', call, at: call.endedAt ?? Date.now() } satisfies CallChange);
      }
      this.lostAt = null;
    } catch (error) {
      this.log(`re-sync after connect failed: ${(error as Error).message}`);
    }
  }

  private async write(change: CallChange): Promise<void> {
    const { call } = change;
    let known = this.contexts.get(call.linkedId);
    const worthy = call.origin === 'click_to_call' || call.trunkUniqueid !== null || known?.journalled === true;
    if (!worthy) {
      // Not (yet) a call through a gateway: a desk-phone call's first events (started, route decision) come before
      // its trunk leg exists. Held back until it gets one; dropped if it ends without (extension-to-extension calls).
      const held = this.held.get(call.linkedId) ?? [];
      if (change.kind === 'ended') this.held.delete(call.linkedId);
      else if (held.length < 50) this.held.set(call.linkedId, [...held, change]);
      return;
    }
    const earlier = this.held.get(call.linkedId);
    if (earlier) {
      this.held.delete(call.linkedId);
      for (const first of earlier) await this.write({ ...first, call: { ...change.call, status: first.call.status } });
    }
    if (!known)
      this.contexts.set(call.linkedId, (known = { portalId: await findRoutingPortal({ db: this.options.db }) }));
    const kept = await writeTrackedChange({ db: this.options.db, lookups: this.lookups, change, known });
    if (change.kind === 'ended') this.contexts.delete(call.linkedId);
    // A retry dropped a deleted line or person: the call's later changes are written without them at once.
    else if (kept !== known && this.contexts.get(call.linkedId) === known) this.contexts.set(call.linkedId, kept);
  }

  private notifyEnded(change: CallChange): void {
    this.ended.set(change.call.linkedId, change);
    if (this.ended.size > 1000) this.ended.delete(this.ended.keys().next().value!);
    for (const resolve of this.waiters.get(change.call.linkedId) ?? []) resolve(change);
    this.waiters.delete(change.call.linkedId);
  }
}
