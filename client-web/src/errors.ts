// The two ways a request can fail: the server refused it (with a code and a text in the person's language), or
// there was no connection to send it on.

import type { ArgValue, ErrorCode } from './protocol';
import type { Args } from './wire';

/** What a refusal carries, over the WebSocket (`error` frame) and over HTTP (the error body). */
export interface Refusal {
  code: ErrorCode | 'http';
  text: string;
  args?: Args | null | undefined;
}

/** The server refused a request. `message` is the server's text, already in the person's language. */
export class ServerError extends Error {
  readonly code: ErrorCode | 'http';
  readonly args: Args;

  constructor(refusal: Refusal) {
    super(refusal.text || refusal.code);
    this.name = 'ServerError';
    this.code = refusal.code;
    this.args = refusal.args ?? {};
  }

  /** A numeric argument (`seconds`, `max`, `conversation`…), when the refusal has it. */
  numberArg(name: string): number | undefined {
    const value: ArgValue | undefined = this.args[name];
    return typeof value === 'number' ? value : undefined;
  }
}

/** The request was not sent, or its answer cannot come: the connection is down. */
export class OfflineError extends Error {
  constructor() {
    super('offline');
    this.name = 'OfflineError';
  }
}
