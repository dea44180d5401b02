// Names for the frames of the wire protocol (docs/protocol.md), derived from the generated protocol types, and the
// few checks that tell apart answers the protocol leaves untagged.

import type { ClientMsg, ConversationSummary, ErrorBody, MessageId, ResumePoint, ServerEvent } from './protocol';

// ts-rs writes the Rust type aliases (`Seq`, `Ref`, `Args`) out where they are used; these names point back at them.
/** A position in a conversation's sequence of events. */
export type Seq = ResumePoint['seq'];
/** A request's reference, echoed in its answer. */
export type Ref = Extract<ClientMsg, { type: 'ping' }>['ref'];
/** Fluent arguments of a refusal or notice. */
export type Args = NonNullable<ErrorBody['args']>;

/** The server frame whose `type` is `T`. */
export type Frame<T extends ServerEvent['type']> = Extract<ServerEvent, { type: T }>;

export type EventFrame = Frame<'event'>;
export type AckFrame = Frame<'ack'>;
export type ErrorFrame = Frame<'error'>;

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** A client frame that expects an answer, before the connection gives it its `ref`. */
export type Request = DistributiveOmit<Extract<ClientMsg, { ref: Ref }>, 'ref'>;

/** Which frame answers which request; every request not named here is answered with an `ack`. */
const ANSWERS = {
  history: 'history',
  mark_read: 'read_marker',
  ping: 'pong',
  get_presence: 'presence',
  check_availability: 'availability',
} as const;

type AnswerType<T> = T extends keyof typeof ANSWERS ? (typeof ANSWERS)[T] : 'ack';

/** The frame that answers a request of type `T` (an `error` rejects the request instead). */
export type AnswerTo<T extends Request['type']> = Frame<AnswerType<T>>;

export function answerType(request: Request['type']): ServerEvent['type'] {
  return request in ANSWERS ? ANSWERS[request as keyof typeof ANSWERS] : 'ack';
}

/**
 * The conversation of an `ack` that carries one (`create_channel`, `join_channel`, `open_direct`). The ack shapes
 * carry no tag: a `conversation` that is an object means this shape (see "ack" in docs/protocol.md).
 */
export function ackedConversation(ack: AckFrame): ConversationSummary {
  const conversation: unknown = (ack as { conversation?: unknown }).conversation;
  if (typeof conversation !== 'object' || conversation === null) {
    throw new Error('the ack carries no conversation');
  }
  return conversation as ConversationSummary;
}

/** The stored message of an `ack` answering `send_message`: a `message` field means this shape. */
export function ackedMessage(ack: AckFrame): { message: MessageId; seq: Seq } {
  if (!('message' in ack) || typeof ack.message !== 'number' || typeof ack.seq !== 'number') {
    throw new Error('the ack carries no message');
  }
  return { message: ack.message, seq: ack.seq };
}
