import { EventEmitter } from 'node:events';
import type { PbxConfig } from '../config/schema';
import { AmiActionError, AmiConnection, type AmiActionOptions, type AmiListResult } from './ami/ami-connection';
import type { AmiActionFields, AmiMessage } from './ami/ami-message';
import { AppError } from '../errors/app-error';
import { log } from '../log/log';

export type AmiManagerOptions = {
  pbx: PbxConfig;
  /**
   * Reconnect delay doubles from initialMs up to maxMs and never gives up (asterisk-ami-client stops after N tries).
   */
  backoff?: { initialMs: number; maxMs: number };
  /** Our own Ping every intervalMs; no Pong within timeoutMs = a frozen Asterisk (keepAlive cannot see it). */
  watchdog?: { intervalMs: number; timeoutMs: number };
  log?: (line: string) => void;
};

export type AmiManagerStatus = {
  name: string;
  host: string;
  port: number;
  connected: boolean;
  /** Epoch ms of the current state's start (connected since / disconnected since). */
  since: number;
  reconnects: number;
  lastEventAt: number | null;
  lastError: string | null;
  banner: string | null;
};

/**
 * The one long-lived AMI session to one PBX. Emits:
 * - 'event' (AmiMessage): every AMI event, in order;
 * - 'connected' (AmiConnection): after every (re)login — listeners re-sync state (events during the gap are lost);
 * - 'disconnected' (reason string).
 * Actions sent while disconnected reject at once instead of waiting on a dead socket.
 */
export class AmiManager extends EventEmitter {
  private connection: AmiConnection | null = null;
  private stopped = true;
  private attempt = 0;
  private retryTimer: NodeJS.Timeout | null = null;
  private watchdogTimer: NodeJS.Timeout | null = null;
  private readonly state: AmiManagerStatus;
  private readonly backoff: { initialMs: number; maxMs: number };
  private readonly watchdog: { intervalMs: number; timeoutMs: number };
  private readonly log: (line: string) => void;

  constructor(readonly options: AmiManagerOptions) {
    super();
    this.setMaxListeners(50);
    const { pbx } = options;
    this.backoff = options.backoff ?? { initialMs: 100, maxMs: 2000 };
    this.watchdog = options.watchdog ?? { intervalMs: 2000, timeoutMs: 1500 };
    this.log = options.log ?? ((line) => log.warn(line, { pbx: pbx.name, part: 'ami' }));
    this.state = {
      name: pbx.name,
      host: pbx.host,
      port: pbx.port,
      connected: false,
      since: Date.now(),
      reconnects: 0,
      lastEventAt: null,
      lastError: null,
      banner: null,
    };
  }

  get name(): string {
    return this.options.pbx.name;
  }

  status(): AmiManagerStatus {
    return { ...this.state };
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    void this.connect();
  }

  stop(): void {
    this.stopped = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.connection?.close();
    this.connection = null;
  }

  action(fields: AmiActionFields & { Action: string }, options?: AmiActionOptions): Promise<AmiMessage> {
    if (!this.connection?.isOpen)
      return Promise.reject(new AppError('UNAVAILABLE', `PBX ${this.name} is not connected`));
    return this.connection.action(fields, options);
  }

  listAction(fields: AmiActionFields & { Action: string }, options?: AmiActionOptions): Promise<AmiListResult> {
    if (!this.connection?.isOpen)
      return Promise.reject(new AppError('UNAVAILABLE', `PBX ${this.name} is not connected`));
    return this.connection.listAction(fields, options);
  }

  /** Resolves once connected (or rejects after timeoutMs): for CLIs and tests that start the manager themselves. */
  waitConnected(timeoutMs: number): Promise<void> {
    if (this.state.connected) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.off('connected', onConnected);
        reject(
          new AppError(
            'UNAVAILABLE',
            `PBX ${this.name}: not connected within ${timeoutMs} ms (${this.state.lastError ?? 'no answer'})`,
          ),
        );
      }, timeoutMs);
      const onConnected = () => {
        clearTimeout(timer);
        resolve();
      };
      this.once('connected', onConnected);
    });
  }

  private async connect(): Promise<void> {
    if (this.stopped) return;
    const { pbx } = this.options;
    try {
      const connection = await AmiConnection.open({ ...pbx, connectTimeoutMs: 3000 });
      if (this.stopped) return connection.close();
      this.connection = connection;
      if (this.attempt > 0 || this.state.reconnects > 0 || this.state.lastError) this.state.reconnects += 1;
      this.attempt = 0;
      Object.assign(this.state, { connected: true, since: Date.now(), lastError: null, banner: connection.banner });
      connection.on('event', (event: AmiMessage) => {
        this.state.lastEventAt = Date.now();
        this.emit('event', event);
      });
      connection.on('garbage', (line: string) => this.log(`skipped a malformed AMI line: ${line}`));
      connection.once('close', (error?: Error) => this.onClosed(connection, error?.message ?? 'closed'));
      this.armWatchdog(connection);
      this.emit('connected', connection);
    } catch (error) {
      this.state.lastError = (error as Error).message;
      // Wrong credentials will not fix themselves in seconds: retry slowly (still forever) instead of hammering the
      // PBX's log. Other login refusals ("Asterisk is shutting down" during a restart) keep the fast schedule.
      const badCredentials = error instanceof AmiActionError && /authentication/i.test(error.message);
      this.scheduleRetry(badCredentials ? 30_000 : undefined);
    }
  }

  private onClosed(connection: AmiConnection, reason: string): void {
    if (this.connection !== connection) return;
    this.connection = null;
    if (this.watchdogTimer) clearTimeout(this.watchdogTimer);
    Object.assign(this.state, { connected: false, since: Date.now(), lastError: reason });
    this.emit('disconnected', reason);
    if (!this.stopped) {
      this.log(`disconnected (${reason}); reconnecting`);
      this.scheduleRetry();
    }
  }

  private scheduleRetry(fixedDelayMs?: number): void {
    if (this.stopped) return;
    const delay = fixedDelayMs ?? Math.min(this.backoff.maxMs, this.backoff.initialMs * 2 ** this.attempt);
    this.attempt = Math.min(this.attempt + 1, 30);
    this.retryTimer = setTimeout(() => void this.connect(), delay).unref();
  }

  private armWatchdog(connection: AmiConnection): void {
    const tick = async () => {
      if (this.connection !== connection) return;
      try {
        await connection.action({ Action: 'Ping' }, { timeoutMs: this.watchdog.timeoutMs });
        if (this.connection === connection) this.watchdogTimer = setTimeout(tick, this.watchdog.intervalMs).unref();
      } catch {
        // No Pong: the socket is up but Asterisk is frozen (or the path is dead). Drop it; the reconnect loop takes
        // over.
        connection.close(
          new AppError('UNAVAILABLE', `no Pong within ${this.watchdog.timeoutMs} ms (Asterisk frozen?)`),
        );
      }
    };
    // unref: the watchdog alone must not keep a CLI process alive
    this.watchdogTimer = setTimeout(tick, this.watchdog.intervalMs).unref();
  }
}
