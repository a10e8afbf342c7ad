// Minimal typings for asterisk-ami-client@1.1.5, which ships none (and there is no @types package).
// Only what this repo uses; see lib/asterisk/README.md for the library's sharp edges.
declare module 'asterisk-ami-client' {
  import { EventEmitter } from 'node:events';

  namespace AmiClient {
    /** One AMI message. Repeated headers collapse: only the LAST one survives. */
    interface AmiMessage {
      [header: string]: string | number | null | undefined;
    }
    interface AmiEvent extends AmiMessage {
      Event: string;
      ActionID?: string;
    }
    interface AmiResponse extends AmiMessage {
      Response: string | null;
      ActionID?: string;
      Message?: string;
    }
    /** Header values are written as `${key}: ${value}`; an array is joined with commas. */
    interface AmiAction {
      Action: string;
      ActionID?: string;
      [header: string]: string | number | boolean | string[] | undefined;
    }
    interface Options {
      reconnect?: boolean;
      maxAttemptsCount?: number | null;
      attemptsDelay?: number;
      keepAlive?: boolean;
      keepAliveDelay?: number;
      emitEventsByTypes?: boolean;
      eventTypeToLowerCase?: boolean;
      emitResponsesById?: boolean;
      dontDeleteSpecActionId?: boolean;
      addTime?: boolean;
      /** Event names to DROP (a blacklist). */
      eventFilter?: string[] | null;
    }
    interface ConnectOptions {
      host?: string;
      port?: number;
    }
  }

  class AmiClient extends EventEmitter {
    constructor(options?: AmiClient.Options);
    connect(user: string, secret: string, options?: AmiClient.ConnectOptions): Promise<unknown>;
    disconnect(): this;
    /** Resolves with the FIRST message carrying the ActionID, even `Response: Error`; rejects after 10 s. */
    action(message: AmiClient.AmiAction, promisable: true): Promise<AmiClient.AmiResponse>;
    action(message: AmiClient.AmiAction, promisable?: false): this;
    readonly isConnected: boolean | null;
    on(event: 'event', listener: (event: AmiClient.AmiEvent) => void): this;
    on(event: 'response', listener: (response: AmiClient.AmiResponse) => void): this;
    on(event: 'internalError', listener: (error: Error) => void): this;
    on(event: 'connect' | 'disconnect' | 'reconnection', listener: () => void): this;
    on(event: string, listener: (message: AmiClient.AmiEvent) => void): this;
  }
  export = AmiClient;
}
