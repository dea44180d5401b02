// What the client holds of the session: who is signed in, the conversations, the loaded messages, what is being
// sent. Plain data; the modules that change it also re-render what changed.

import type { ConversationId, ConversationSummary, Limits, Message, MessageId, Profile, UserId } from './protocol';
import type { EventFrame, Seq } from './wire';

export type Pane = 'empty' | 'browse' | 'conversation' | 'ask' | 'console' | 'reports' | 'audit';

/** A message in a conversation's view. */
export interface MessageEntry {
  kind: 'message';
  seq: Seq;
  msg: Message;
}

/** A system event (a join, a channel change, a moderation action…) shown as a line of text. */
export interface SystemEntry {
  kind: 'system';
  seq: Seq;
  ev: EventFrame;
}

export type Entry = MessageEntry | SystemEntry;

/** The loaded part of one conversation, kept in step with its events (the resume algorithm of docs/protocol.md). */
export interface View {
  id: ConversationId;
  /** In seq order. */
  entries: Entry[];
  byMsg: Map<MessageId, MessageEntry>;
  /** `held`: the newest seq whose effect the view includes; sent as the resume point. */
  asOf: Seq;
  /** Whether older messages exist before the first loaded one. */
  hasMore: boolean;
  loaded: boolean;
  /** A history page is on its way; live events wait in `buffer` meanwhile. */
  loading: boolean;
  buffer: EventFrame[];
}

export type OutboxStatus = 'queued' | 'sending' | 'acked' | 'failed';

/** A message written here and not yet seen in its conversation. Retries keep its client_id (idempotent sends). */
export interface OutboxItem {
  client_id: string;
  conversation: ConversationId;
  body: string;
  lang: string;
  reply_to: MessageId | null;
  status: OutboxStatus;
  /** Why it failed, in the person's language. */
  error: string | null;
  /** Automatic retries after a retryable refusal. */
  retries: number;
  /** From the ack: the stored message and its seq. */
  message: MessageId | null;
  seq: Seq | null;
}

export interface State {
  me: Profile | null;
  limits: Limits | null;
  convs: Map<ConversationId, ConversationSummary>;
  views: Map<ConversationId, View>;
  /** The conversation shown, when the pane is 'conversation'. */
  open: ConversationId | null;
  pane: Pane;
  /** client_id → outgoing message. */
  outbox: Map<string, OutboxItem>;
  /** Who is typing where, each with the timer that hides them. */
  typing: Map<ConversationId, Map<UserId, number>>;
  /** When this client last said it was typing, per conversation (the server forwards one per 3 s). */
  typingSent: Map<ConversationId, number>;
  /** The read marker last asked for, per conversation, so it is not asked twice. */
  markSent: Map<ConversationId, Seq>;
  replyTo: MessageId | null;
  editing: MessageId | null;
  /** The edit draft survives re-renders (a reaction or a name arriving while one edits). */
  editDraft: string | null;
  /** The message whose reaction picker is open. */
  picker: MessageId | null;
}

export const state: State = {
  me: null,
  limits: null,
  convs: new Map(),
  views: new Map(),
  open: null,
  pane: 'empty',
  outbox: new Map(),
  typing: new Map(),
  typingSent: new Map(),
  markSent: new Map(),
  replyTo: null,
  editing: null,
  editDraft: null,
  picker: null,
};

export function newView(id: ConversationId): View {
  return { id, entries: [], byMsg: new Map(), asOf: 0, hasMore: false, loaded: false, loading: false, buffer: [] };
}

/** The signed-in person; only called where a session exists. */
export function me(): Profile {
  if (!state.me) throw new Error('no one is signed in');
  return state.me;
}

/** Forgets everything of the session (after a logout or when the session ended). */
export function clearSession(): void {
  for (const people of state.typing.values()) for (const timer of people.values()) clearTimeout(timer);
  state.me = null;
  state.limits = null;
  state.open = null;
  state.pane = 'empty';
  state.replyTo = null;
  state.editing = null;
  state.editDraft = null;
  state.picker = null;
  for (const map of [state.convs, state.views, state.outbox, state.typing, state.typingSent, state.markSent]) {
    map.clear();
  }
}
