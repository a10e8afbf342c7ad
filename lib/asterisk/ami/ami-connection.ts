import { EventEmitter } from 'node:events';
import net from 'node:net';
import { AppError } from '../../errors/app-error';
import { amiField, type AmiActionFields, type AmiMessage } from './ami-message';
import { createActionId } from './create-action-id';
import { AmiStreamParser } from './parse-ami-stream';
import { serializeAmiAction } from './serialize-ami-action';

export type AmiConnectionOptions = {
  host: string;
  port: number;
  user: string;
  secret: string;
  /** Greeting + login must complete within this (a half-open port must not hang start-up). */
  connectTimeoutMs?: number;
  /** Default per-action timeout; asterisk-ami-client hard-codes 10 s, ours is per call. */
  actionTimeoutMs?: number;
};

export type AmiListResult = { response: AmiMessage; events: AmiMessage[] };
export type AmiActionOptions = {
  timeoutMs?: number /** Called right after the action was handed to the socket. */;
  onWritten?: () => void;
};

/** Asterisk answered `Response: Error`: a rejection, never a resolved promise (asterisk-ami-client resolves). */
export class AmiActionError extends Error {
  constructor(
    readonly action: string,
    readonly response: AmiMessage,
  ) {
    super(`AMI ${action} failed: ${amiField(response, 'Message') ?? 'Response: Error'}`);
    this.name = 'AmiActionError';
  }
}

type Pending = {
  action: string;
  timer: NodeJS.Timeout;
  resolve: (value: AmiListResult) => void;
  reject: (error: Error) => void;
  /** Set for EventList actions: items gathered until the `EventList: Complete` event. */
  list?: { response?: AmiMessage; events: AmiMessage[] };
};

/**
 * One logged-in AMI socket: actions as promises keyed by our own ActionIDs, EventList collection, events out.
 * Emits 'event' (AmiMessage), 'garbage' (line), 'close' (Error | undefined). It never reconnects: that is the
 * manager's job (create-ami-manager.ts), so a dead socket is simply closed and every pending action rejected.
 */
export class AmiConnection extends EventEmitter {
  private readonly parser = new AmiStreamParser();
  private readonly pending = new Map<string, Pending>();
  private closed = false;
  banner = '';

  private constructor(
    private readonly socket: net.Socket,
    private readonly actionTimeoutMs: number,
  ) {
    super();
  }

  static open(options: AmiConnectionOptions): Promise<AmiConnection> {
    const socket = net.connect({ host: options.host, port: options.port });
    socket.setEncoding('utf8');
    socket.setNoDelay(true); // an Originate must leave now, not after Nagle's delay
    const connection = new AmiConnection(socket, options.actionTimeoutMs ?? 10_000);
    const timeoutMs = options.connectTimeoutMs ?? 3000;
    return new Promise<AmiConnection>((resolve, reject) => {
      const timer = setTimeout(
        () =>
          fail(
            new AppError(
              'UNAVAILABLE',
              `AMI ${options.host}:${options.port}: no greeting/login within ${timeoutMs} ms`,
            ),
          ),
        timeoutMs,
      );
      const fail = (error: Error) => {
        clearTimeout(timer);
        connection.close(error);
        reject(error);
      };
      socket.once('error', fail);
      connection.once('greeting', () => {
        connection
          .action({ Action: 'Login', Username: options.user, Secret: options.secret, Events: 'on' }, { timeoutMs })
          .then(() => {
            clearTimeout(timer);
            socket.off('error', fail);
            resolve(connection);
          }, fail);
      });
      socket.on('data', (chunk: string) => connection.receive(chunk));
      socket.on('error', (error) => connection.close(error));
      socket.on('close', () => connection.close(new AppError('UNAVAILABLE', 'AMI connection closed by the peer')));
    });
  }

  get isOpen(): boolean {
    return !this.closed;
  }

  /** Sends an action and resolves with its response; rejects on `Response: Error`, timeout or a closed socket. */
  async action(fields: AmiActionFields & { Action: string }, options: AmiActionOptions = {}): Promise<AmiMessage> {
    return (await this.send(fields, false, options)).response;
  }

  /** Sends an EventList action (CoreShowChannels, PJSIPShowEndpoints…) and resolves with every item, not the first. */
  listAction(fields: AmiActionFields & { Action: string }, options: AmiActionOptions = {}): Promise<AmiListResult> {
    return this.send(fields, true, options);
  }

  close(error?: Error): void {
    if (this.closed) return;
    this.closed = true;
    this.socket.destroy();
    const reason = error ?? new AppError('UNAVAILABLE', 'AMI connection closed');
    for (const [id, pending] of this.pending) {
      clearTimeout(pending.timer);
      pending.reject(reason);
      this.pending.delete(id);
    }
    this.emit('close', error);
  }

  private send(
    fields: AmiActionFields & { Action: string },
    isList: boolean,
    options: AmiActionOptions,
  ): Promise<AmiListResult> {
    if (this.closed) return Promise.reject(new AppError('UNAVAILABLE', 'AMI is not connected'));
    const id = createActionId();
    const text = serializeAmiAction({ ...fields, ActionID: id });
    return new Promise<AmiListResult>((resolve, reject) => {
      const timeoutMs = options.timeoutMs ?? this.actionTimeoutMs;
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new AppError('UNAVAILABLE', `AMI ${fields.Action}: no answer within ${timeoutMs} ms`));
      }, timeoutMs);
      this.pending.set(id, {
        action: fields.Action,
        timer,
        resolve,
        reject,
        list: isList ? { events: [] } : undefined,
      });
      // net.Socket tries the write(2) syscall synchronously, so when write() returns the bytes are normally in the
      // kernel already; onWritten marks that moment (the write callback would add event-loop delay, not network time).
      this.socket.write(text);
      options.onWritten?.();
    });
  }

  private receive(chunk: string): void {
    for (const item of this.parser.push(chunk)) {
      if (item.kind === 'greeting') {
        this.banner = item.banner;
        this.emit('greeting', item.banner);
      } else if (item.kind === 'garbage') this.emit('garbage', item.line);
      else this.dispatch(item.message);
    }
  }

  private dispatch(message: AmiMessage): void {
    const id = amiField(message, 'ActionID');
    const pending = id === undefined ? undefined : this.pending.get(id);
    if (!pending || !id) {
      if (message.Event !== undefined) this.emit('event', message);
      return;
    }
    if (message.Response !== undefined) {
      if (amiField(message, 'Response') === 'Error')
        this.settle(id, pending, new AmiActionError(pending.action, message));
      else if (!pending.list) this.settle(id, pending, { response: message, events: [] });
      else pending.list.response = message;
      return;
    }
    // An event carrying our ActionID: an EventList item, or its end marker.
    if (!pending.list) this.emit('event', message);
    else if (amiField(message, 'EventList') === 'Complete')
      this.settle(id, pending, { response: pending.list.response ?? message, events: pending.list.events });
    else pending.list.events.push(message);
  }

  private settle(id: string, pending: Pending, outcome: AmiListResult | Error): void {
    clearTimeout(pending.timer);
    this.pending.delete(id);
    if (outcome instanceof Error) pending.reject(outcome);
    else pending.resolve(outcome);
  }
}
