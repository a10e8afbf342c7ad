/**
 * Runs the emulated portal page's script (parent.js) outside a browser, against a running emulator: a minimal
 * window/document that records what the page posts into the frame and the forms it submits, so tests can speak
 * the frame protocol to it as the app's SDK would.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runInNewContext } from 'node:vm';

export type LoadPortalPageOptions = { emulatorUrl: string; query: Record<string, string> };

export type PortalPage = {
  /** Messages the page posted into the app frame (`<callbackId>:<json>`). */
  replies: string[];
  /** Forms the page submitted into the frame: the app URL it loaded and the POSTed fields. */
  submissions: Array<{ action: string; fields: Record<string, string> }>;
  window: Record<string, any>;
  /** Sends a frame command the way the SDK does: `cmd:params:callbackId:appSid`. */
  send(command: string, params: unknown, callbackId: string): void;
};

type FakeElement = Record<string, any>;

const SCRIPT = readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), 'parent.js'), 'utf8');

export async function loadPortalPage({ emulatorUrl, query }: LoadPortalPageOptions): Promise<PortalPage> {
  const replies: string[] = [];
  const submissions: PortalPage['submissions'] = [];
  const listeners: Array<(event: { origin: string; data: string }) => void> = [];
  const element = (tag: string): FakeElement => {
    const node: FakeElement = {
      tagName: tag,
      style: {},
      children: [] as FakeElement[],
      textContent: '',
      appendChild: (child: FakeElement) => node.children.push(child),
      remove: () => undefined,
      setAttribute: () => undefined,
      submit: () =>
        submissions.push({
          action: String(node.action),
          fields: Object.fromEntries(node.children.map((input: FakeElement) => [input.name, input.value])),
        }),
      contentWindow: { postMessage: (message: string) => replies.push(message) },
    };
    return node;
  };
  const host = new URL(emulatorUrl).host;
  const window: Record<string, any> = {
    // cards=0: no card polling outside a browser (its timer would outlive the test).
    location: { search: `?${new URLSearchParams({ cards: '0', ...query }).toString()}`, host, protocol: 'http:' },
    document: { title: '', body: element('body'), createElement: element, getElementById: () => element('div') },
    fetch: (url: string, init: RequestInit) => fetch(`${emulatorUrl}${url}`, init),
    addEventListener: (type: string, listener: (event: { origin: string; data: string }) => void) => {
      if (type === 'message') listeners.push(listener);
    },
    URL,
    URLSearchParams,
    setTimeout,
    console,
  };
  window.window = window;
  runInNewContext(SCRIPT, window);
  for (let attempt = 0; attempt < 200 && (!window.__b24Session || listeners.length === 0); attempt += 1) {
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  if (!window.__b24Session) throw new Error('the portal page opened no session');
  const origin = new URL(String(submissions[0]?.action)).origin;
  return {
    replies,
    submissions,
    window,
    send: (command, params, callbackId) => {
      const json = params === undefined ? '' : JSON.stringify(params);
      const data = `${command}:${json}:${callbackId}:${window.__b24Session.appSid}`;
      for (const listener of listeners) listener({ origin, data });
    },
  };
}
