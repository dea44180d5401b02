// Loading messages and reading them: the newest page of a conversation (buffering live events while it is on its
// way, "Loading history and as_of" in docs/protocol.md), older pages, and moving the read marker.

import { describeFailure } from './act';
import { connection } from './connection';
import { OfflineError } from './errors';
import type { ConversationId, Message } from './protocol';
import { state, type MessageEntry, type View } from './state';
import { applyToView, settleOutbox } from './sync';
import { renderKeepingScroll, renderMessages, scrollToBottom } from './views/messages';
import { renderSidebar } from './views/sidebar';
import { toast } from './views/toast';
import { byId, element } from './dom';

/** Messages per page; the server may allow fewer (ready.limits.history_page_max). */
const PAGE = 50;

function pageSize(): number {
  return Math.min(PAGE, state.limits?.history_page_max ?? PAGE);
}

function messageEntry(msg: Message): MessageEntry {
  return { kind: 'message', seq: msg.seq, msg };
}

/** Replaces the view with the conversation's newest page, then applies the events that came meanwhile. */
export async function loadLatest(view: View): Promise<void> {
  if (view.loading || !connection.ready) return;
  view.loading = true;
  view.buffer = [];
  try {
    const page = await connection.request({ type: 'history', conversation: view.id, limit: pageSize() });
    const entries: MessageEntry[] = page.messages.map(messageEntry);
    view.entries = entries;
    view.byMsg = new Map(entries.map((entry) => [entry.msg.id, entry]));
    view.asOf = page.as_of;
    view.hasMore = page.has_more;
    view.loaded = true;
    view.loading = false;
    // Events that came while the page was on its way: those the page already reflects are skipped.
    for (const ev of view.buffer.sort((a, b) => a.seq - b.seq)) {
      if (ev.seq > view.asOf) {
        applyToView(view, ev);
        view.asOf = ev.seq;
      }
    }
    settleOutbox(view);
  } catch (error) {
    if (!(error instanceof OfflineError)) toast(describeFailure(error));
  } finally {
    view.loading = false;
    view.buffer = [];
  }
  if (view.id === state.open && state.views.get(view.id) === view) {
    renderMessages();
    scrollToBottom();
    markRead();
  }
}

/** Loads the page before the oldest loaded message, keeping the scroll position. */
export async function loadOlder(): Promise<void> {
  const view = state.open === null ? undefined : state.views.get(state.open);
  if (!view?.loaded) return;
  const oldest = view.entries.find((e) => e.kind === 'message');
  if (!oldest) return;
  const button = element('older-button', HTMLButtonElement);
  button.disabled = true;
  try {
    const page = await connection.request({
      type: 'history',
      conversation: view.id,
      before: oldest.seq,
      limit: pageSize(),
    });
    if (state.views.get(view.id) !== view) return;
    for (const msg of page.messages) {
      if (view.byMsg.has(msg.id)) continue;
      const entry = messageEntry(msg);
      view.byMsg.set(msg.id, entry);
      insertEntry(view, entry);
    }
    view.hasMore = page.has_more;
    if (view.id === state.open) renderKeepingScroll(renderMessages);
  } catch (error) {
    if (!(error instanceof OfflineError)) toast(describeFailure(error));
  } finally {
    button.disabled = false;
  }
}

/** Inserts an entry in seq order (usually at the end). */
export function insertEntry(view: View, entry: View['entries'][number]): void {
  const entries = view.entries;
  let i = entries.length;
  while (i > 0 && (entries[i - 1]?.seq ?? 0) > entry.seq) i -= 1;
  entries.splice(i, 0, entry);
}

/** Whether the person sees this conversation's newest messages now. */
export function isReading(id: ConversationId): boolean {
  return (
    id === state.open &&
    state.pane === 'conversation' &&
    document.visibilityState === 'visible' &&
    !!state.views.get(id)?.loaded
  );
}

/** Moves the read marker to the newest event of the open conversation. */
export function markRead(): void {
  const id = state.open;
  if (id === null) return;
  const conv = state.convs.get(id);
  const view = state.views.get(id);
  if (!conv?.joined || !view || !connection.ready || !isReading(id)) return;
  // The newest event this view holds: the summary's last_seq may count events still on their way.
  const seq = view.asOf;
  if ((seq <= conv.read_seq && conv.unread === 0) || (state.markSent.get(id) ?? 0) >= seq) return;
  state.markSent.set(id, seq);
  conv.unread = 0;
  conv.mentions = 0;
  renderSidebar();
  connection.request({ type: 'mark_read', conversation: id, seq }).catch((error: unknown) => {
    state.markSent.delete(id);
    if (!(error instanceof OfflineError)) toast(describeFailure(error));
  });
}

export function wireHistory(): void {
  byId('older-button').addEventListener('click', () => void loadOlder());
  document.addEventListener('visibilitychange', markRead);
  window.addEventListener('focus', markRead);
}
