// The WebSocket to /ws (docs/protocol.md sections 3 and 8): the hello/ready handshake with resume points, requests
// matched to their answers by `ref`, a JSON ping (browsers cannot see WebSocket pings), and reconnecting with
// jittered exponential backoff. What the frames mean is up to the hooks.

import { OfflineError, ServerError } from './errors';
import type { ClientMsg, ErrorCode, ResumePoint, ServerEvent } from './protocol';
import { answerType, type AnswerTo, type Ref, type Request } from './wire';

const PROTOCOL = 2;
/** Under common proxy idle timeouts, and well under the server's 60 s of silence before it drops a peer. */
const PING_EVERY_MS = 30_000;
/** A pong slower than this means the server or the network is gone: reconnect. */
const PING_TIMEOUT_MS = 10_000;
/** Backoff: 1 s, 2 s, 4 s … up to 30 s, each ±50 %. */
const BACKOFF_BASE_MS = 1_000;
const BACKOFF_MAX_MS = 30_000;
/** After 1013 (we read too slowly) the server wants a moment before we come back. */
const SLOW_CONSUMER_MIN_MS = 3_000;

export type ConnectionStatus = 'connecting' | 'online' | 'offline';

export interface ConnectionHooks {
  /** Per conversation, the newest seq the client holds, for `hello.resume`. */
  resumePoints(): ResumePoint[];
  /** Every frame from the server. `answered`: it settled one of our requests (its error is then not news). */
  onFrame(frame: ServerEvent, answered: boolean): void;
  onStatus(status: ConnectionStatus): void;
  /** The session is over (unauthenticated, revoked, banned): back to the login form. */
  onSessionEnded(): void;
  /** A close people should hear about, as a Fluent id (`close-…`). */
  onCloseNotice(id: string): void;
}

interface Pending {
  expect: ServerEvent['type'];
  resolve(frame: ServerEvent): void;
  reject(error: Error): void;
}

/** The Fluent id shown for a close code, where there is one (docs/protocol.md, "Close codes (client-side texts)"). */
const CLOSE_NOTICES: Partial<Record<number, string>> = {
  1009: 'close-too-big',
  1012: 'close-service-restart',
  1013: 'close-slow-consumer',
  4008: 'close-auth-timeout',
};

export class Connection {
  private hooks: ConnectionHooks | null = null;
  private ws: WebSocket | null = null;
  /** Whether the person is signed in, so the connection should exist. */
  private wanted = false;
  private isReady = false;
  private currentStatus: ConnectionStatus = 'connecting';
  /** The code of an error frame that came before `ready`: it tells why the close that follows came. */
  private helloError: ErrorCode | null = null;
  private attempt = 0;
  private retryTimer: number | undefined;
  private pingTimer: number | undefined;
  private readonly pending = new Map<Ref, Pending>();
  private nextRef = 1;

  attach(hooks: ConnectionHooks): void {
    this.hooks = hooks;
  }

  /** Whether `ready` arrived on the current socket: requests can be sent. */
  get ready(): boolean {
    return this.isReady;
  }

  get status(): ConnectionStatus {
    return this.currentStatus;
  }

  /** Connects now, and keeps reconnecting until stop(). */
  start(): void {
    this.wanted = true;
    this.attempt = 0;
    this.setStatus('connecting');
    this.connect();
  }

  /** Closes the socket for good (logout, or the session ended). */
  stop(): void {
    this.wanted = false;
    this.attempt = 0;
    window.clearTimeout(this.retryTimer);
    this.dropSocket();
  }

  /** Closes the socket and connects again at once (after a language change, so server texts follow it). */
  reconnectNow(): void {
    if (!this.wanted) return;
    this.dropSocket();
    this.setStatus('connecting');
    this.connect();
  }

  /** The browser says the network is back: try at once instead of waiting for the backoff. */
  networkBack(): void {
    if (this.wanted && !this.ws) {
      this.attempt = 0;
      this.connect();
    }
  }

  /**
   * The browser says the network is gone: the socket cannot carry anything now, though it may take the ping a while
   * to notice. Show the person at once that messages will wait, and reconnect when the network is back.
   */
  networkLost(): void {
    if (this.wanted && this.ws) this.socketGone(1006);
  }

  /** Sends a frame that expects no answer (`typing`). False when there is no open socket. */
  send(frame: ClientMsg): boolean {
    if (this.ws?.readyState !== WebSocket.OPEN) return false;
    this.ws.send(JSON.stringify(frame));
    return true;
  }

  /** Sends a request with a fresh `ref`; resolves with its answer, rejects with ServerError or OfflineError. */
  request<R extends Request>(frame: R): Promise<AnswerTo<R['type']>> {
    return new Promise<ServerEvent>((resolve, reject) => {
      if (!this.isReady) {
        reject(new OfflineError());
        return;
      }
      const ref = `r${this.nextRef++}`;
      this.pending.set(ref, { expect: answerType(frame.type), resolve, reject });
      if (!this.send({ ...frame, ref } as ClientMsg)) {
        this.pending.delete(ref);
        reject(new OfflineError());
      }
    }) as Promise<AnswerTo<R['type']>>;
  }

  private connect(): void {
    window.clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
    if (this.ws || !this.wanted) return;
    const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
    const ws = new WebSocket(`${scheme}://${location.host}/ws`);
    this.ws = ws;
    ws.addEventListener('open', () => {
      const resume = this.requireHooks().resumePoints();
      // The browser's cookie authenticates us: no token.
      const hello: ClientMsg = { type: 'hello', protocol: PROTOCOL, ...(resume.length ? { resume } : {}) };
      ws.send(JSON.stringify(hello));
    });
    ws.addEventListener('message', (event) => {
      if (this.ws === ws) this.receive(event.data);
    });
    ws.addEventListener('close', (event) => {
      if (this.ws === ws) this.socketGone(event.code);
    });
  }

  private receive(data: unknown): void {
    let frame: ServerEvent;
    try {
      frame = JSON.parse(String(data)) as ServerEvent;
    } catch {
      console.warn('not JSON from the server', data);
      return;
    }
    try {
      this.handle(frame);
    } catch (error) {
      console.error('handling a frame failed', frame, error);
    }
  }

  private handle(frame: ServerEvent): void {
    if (frame.type === 'ready') this.onReady();
    if (frame.type === 'error' && !this.isReady) this.helloError = frame.code;
    const ref = 'ref' in frame ? frame.ref : undefined;
    const pending = typeof ref === 'string' ? this.pending.get(ref) : undefined;
    if (typeof ref === 'string' && pending) {
      this.pending.delete(ref);
      if (frame.type === 'error') pending.reject(new ServerError(frame));
      else if (frame.type !== pending.expect) pending.reject(new Error(`${frame.type} answered a request for ${pending.expect}`));
      else pending.resolve(frame);
    }
    this.requireHooks().onFrame(frame, pending !== undefined);
  }

  private onReady(): void {
    this.isReady = true;
    this.attempt = 0;
    this.helloError = null;
    this.setStatus('online');
    this.startHeartbeat();
  }

  /** Forgets the socket (it closed, or we gave up on it) and plans what comes next. */
  private socketGone(code: number): void {
    const helloError = this.helloError;
    this.dropSocket();
    if (!this.wanted) return;
    const hooks = this.requireHooks();
    if ((code === 4001 && helloError !== 'internal') || code === 4003 || code === 4004) {
      // Unauthenticated, the session was revoked, or the person was banned: the error frame before said why.
      if (code === 4003) hooks.onCloseNotice('close-session-revoked');
      if (code === 4004) hooks.onCloseNotice('close-banned');
      this.wanted = false;
      hooks.onSessionEnded();
      return;
    }
    this.setStatus('offline');
    if (code === 4002) return; // This client is too old for the server: retrying will not help.
    const notice = CLOSE_NOTICES[code];
    if (notice) hooks.onCloseNotice(notice);
    const base = Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** this.attempt);
    const delay = Math.max(code === 1013 ? SLOW_CONSUMER_MIN_MS : 0, base * (0.5 + Math.random()));
    this.attempt = Math.min(this.attempt + 1, 10);
    this.retryTimer = window.setTimeout(() => this.connect(), delay);
  }

  /** Closes the current socket if any, and fails every request waiting on it. */
  private dropSocket(): void {
    const ws = this.ws;
    this.ws = null;
    this.isReady = false;
    this.helloError = null;
    window.clearInterval(this.pingTimer);
    if (ws && ws.readyState <= WebSocket.OPEN) {
      try {
        ws.close(1000);
      } catch {
        // already closing
      }
    }
    for (const { reject } of this.pending.values()) reject(new OfflineError());
    this.pending.clear();
  }

  private startHeartbeat(): void {
    window.clearInterval(this.pingTimer);
    this.pingTimer = window.setInterval(() => {
      const ws = this.ws;
      if (!this.isReady || !ws) return;
      const timer = window.setTimeout(() => {
        if (this.ws === ws) this.socketGone(1006);
      }, PING_TIMEOUT_MS);
      const settled = () => window.clearTimeout(timer);
      this.request({ type: 'ping' }).then(settled, settled);
    }, PING_EVERY_MS);
  }

  private setStatus(status: ConnectionStatus): void {
    this.currentStatus = status;
    this.hooks?.onStatus(status);
  }

  private requireHooks(): ConnectionHooks {
    if (!this.hooks) throw new Error('Connection.attach() must come before start()');
    return this.hooks;
  }
}

/** The one connection of this page. */
export const connection = new Connection();
