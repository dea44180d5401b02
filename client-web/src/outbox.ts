// Sending messages. Each gets a client_id when the person presses Send; until its ack it waits here and is sent
// again, with the same client_id, after a reconnect or a retryable refusal, so the server stores it at most once
// ("Idempotency" in docs/protocol.md).

import { connection } from './connection';
import { OfflineError, ServerError } from './errors';
import { currentLocale } from './i18n';
import type { ConversationId, ErrorCode, MessageId } from './protocol';
import { state, type OutboxItem } from './state';
import { settleOutbox } from './sync';
import { ackedMessage, type Seq } from './wire';
import { scrollToBottom, upsertPendingElement } from './views/messages';
import { composerRefused } from './views/moderation';

/** Automatic retries of one message after retryable refusals, before it shows as failed. */
const MAX_RETRIES = 5;
/** How long to wait before retrying after each retryable refusal (rate_limited says how long itself). */
const RETRY_AFTER_MS: Partial<Record<ErrorCode, number>> = { unavailable: 3_000, internal: 5_000 };

/** A client_id: a random UUID. Plain-HTTP deployments are not a secure context, where randomUUID is missing. */
export function newClientId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x40;
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
  const hex = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export function sendMessage(conversation: ConversationId, body: string, replyTo: MessageId | null): void {
  const item: OutboxItem = {
    client_id: newClientId(),
    conversation,
    body,
    lang: currentLocale(),
    reply_to: replyTo,
    status: 'queued',
    error: null,
    retries: 0,
    message: null,
    seq: null,
  };
  state.outbox.set(item.client_id, item);
  if (conversation === state.open) {
    upsertPendingElement(item);
    scrollToBottom();
  }
  flush(item);
}

/** Sends every message still waiting (after `ready`). */
export function flushOutbox(): void {
  for (const item of state.outbox.values()) if (item.status === 'queued' || item.status === 'sending') flush(item);
}

/** Sends one message now if connected; otherwise it waits for the next `ready`. */
export function flush(item: OutboxItem): void {
  if (!connection.ready) {
    item.status = 'queued';
    return;
  }
  item.status = 'sending';
  item.error = null;
  connection
    .request({
      type: 'send_message',
      conversation: item.conversation,
      client_id: item.client_id,
      body: item.body,
      lang: item.lang,
      ...(item.reply_to !== null ? { reply_to: item.reply_to } : {}),
    })
    .then(
      (ack) => onAcked(item, ackedMessage(ack)),
      (error: unknown) => onRefused(item, error),
    );
}

function onAcked(item: OutboxItem, stored: { message: MessageId; seq: Seq }): void {
  item.status = 'acked';
  item.message = stored.message;
  item.seq = stored.seq;
  const view = state.views.get(item.conversation);
  if (view) settleOutbox(view);
  else state.outbox.delete(item.client_id);
}

function onRefused(item: OutboxItem, error: unknown): void {
  if (error instanceof OfflineError) {
    item.status = 'queued'; // sent again after the next ready
    return;
  }
  const wait = error instanceof ServerError ? retryAfter(error) : undefined;
  item.retries += 1;
  if (wait !== undefined && item.retries <= MAX_RETRIES) {
    // Not final: wait and send again with the same client_id (the server answers a repeat as a duplicate).
    item.status = 'queued';
    window.setTimeout(() => {
      if (state.outbox.get(item.client_id) === item && item.status === 'queued') flush(item);
    }, wait);
    return;
  }
  item.status = 'failed';
  item.error = error instanceof Error ? error.message : String(error);
  // Said next to the composer too: timed out, slow mode, a locked channel… in the server's words.
  if (error instanceof ServerError) composerRefused(item.conversation, item.error);
  if (item.conversation === state.open) upsertPendingElement(item);
}

/** How long to wait before retrying, for the refusals that are not final; undefined for final ones. */
function retryAfter(error: ServerError): number | undefined {
  if (error.code === 'rate_limited') return (error.numberArg('seconds') ?? 1) * 1000;
  return error.code === 'http' ? undefined : RETRY_AFTER_MS[error.code];
}
