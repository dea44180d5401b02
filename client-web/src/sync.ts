// Keeps the local state in step with the server: what each frame from /ws means for the conversations, their
// loaded messages, unread counts and typing indicators ("Delivery semantics" in docs/protocol.md), and what to
// re-render.

import { ServerError } from './errors';
import { insertEntry, isReading, markRead } from './history';
import { t } from './i18n';
import { flushOutbox } from './outbox';
import { loadProfile, nameOf, rememberProfile } from './people';
import type { ConversationId, ConversationSummary, Message, Reaction, ResumePoint, ServerEvent, UserId } from './protocol';
import { me, state, type Entry, type View } from './state';
import type { EventFrame, Frame } from './wire';
import { nearBottom, removePendingElement, rerenderEntries, scrollToBottom, upsertEntryElement } from './views/messages';
import { openConversation, renderConversationHead, renderTyping, route } from './views/panes';
import { convName, renderMe, renderSidebar } from './views/sidebar';
import { toast } from './views/toast';

/** How long "X is typing" shows unless another typing frame extends it. */
const TYPING_SHOW_MS = 6_000;

export function onServerFrame(frame: ServerEvent, answered: boolean): void {
  switch (frame.type) {
    case 'ready':
      onReady(frame);
      break;
    case 'event':
      onEvent(frame);
      break;
    case 'read_marker':
      onReadMarker(frame);
      break;
    case 'typing':
      onTyping(frame.conversation, frame.user);
      break;
    case 'membership':
      onMembership(frame);
      break;
    case 'resync':
      onResync(frame);
      break;
    case 'mentioned':
      void onMentioned(frame);
      break;
    case 'notice':
      toast(frame.notice.text);
      break;
    case 'error':
      if (!answered) onUnansweredError(frame);
      break;
    default:
      // Answers (ack, history, pong…) were handed to their requests; this client shows no consultations,
      // reports or presence yet.
      break;
  }
}

/** Resume points for `hello`: every conversation whose messages we hold. */
export function resumePoints(): ResumePoint[] {
  return [...state.views.values()]
    .filter((view) => view.loaded && state.convs.has(view.id))
    .map((view) => ({ conversation: view.id, seq: view.asOf }));
}

function onReady(frame: Frame<'ready'>): void {
  state.me = frame.user;
  rememberProfile(frame.user);
  state.limits = frame.limits;
  const fresh = new Map<ConversationId, ConversationSummary>(
    frame.conversations.map((conv: ConversationSummary) => [conv.id, conv]),
  );
  for (const [id, view] of state.views) if (!fresh.has(id) || !view.loaded) state.views.delete(id);
  state.convs = fresh;
  state.markSent.clear();
  renderMe();
  renderSidebar();
  route();
  // Messages written while offline go out now; a retry of one the server already stored is answered as such.
  flushOutbox();
}

function onUnansweredError(frame: Frame<'error'>): void {
  const error = new ServerError(frame);
  const conversation = error.numberArg('conversation');
  if (error.code === 'not_member' && conversation !== undefined) {
    // A resume point for a conversation left while we were away: forget it quietly.
    state.views.delete(conversation);
    if (!state.convs.has(conversation)) return;
  }
  toast(frame.text);
}

function onEvent(ev: EventFrame): void {
  const conv = state.convs.get(ev.conversation);
  if (conv && ev.seq > conv.last_seq) updateSummary(conv, ev);
  if (ev.kind === 'message') stopTyping(ev.conversation, ev.actor);
  const view = state.views.get(ev.conversation);
  if (!view) return;
  if (view.loading) {
    view.buffer.push(ev);
    return;
  }
  if (!view.loaded || ev.seq <= view.asOf) return;
  if (ev.seq > view.asOf + 1) {
    // A gap (the server should prevent it): do not apply past it, load the conversation afresh.
    console.warn('event gap', view.asOf, ev.seq);
    state.views.delete(view.id);
    if (view.id === state.open) openConversation(view.id);
    return;
  }
  const stick = view.id === state.open && nearBottom();
  applyToView(view, ev);
  view.asOf = ev.seq;
  settleOutbox(view);
  if (view.id === state.open) {
    if (stick || (ev.kind === 'message' && ev.actor === me().id)) scrollToBottom();
    markRead();
  }
}

/** What an event changes in the conversation's summary: unread counts, members, topic. */
function updateSummary(conv: ConversationSummary, ev: EventFrame): void {
  conv.last_seq = ev.seq;
  switch (ev.kind) {
    case 'message':
      if (ev.actor !== me().id && !isReading(conv.id)) {
        conv.unread += 1;
        if (ev.message.mentions?.includes(me().id)) conv.mentions += 1;
      }
      break;
    case 'member_joined':
      conv.member_count += 1;
      if (conv.kind === 'group' && !conv.members?.includes(ev.user)) conv.members = [...(conv.members ?? []), ev.user];
      break;
    case 'member_left':
    case 'member_kicked':
      conv.member_count = Math.max(0, conv.member_count - 1);
      if (conv.kind === 'group') conv.members = (conv.members ?? []).filter((u: UserId) => u !== ev.user);
      break;
    case 'channel_updated':
      conv.topic = ev.topic;
      conv.languages = ev.languages;
      break;
    case 'slow_mode_changed':
      conv.slow_mode_seconds = ev.seconds;
      break;
    case 'channel_locked':
      conv.locked = ev.locked;
      break;
    default:
      break;
  }
  renderSidebar();
  if (conv.id === state.open) renderConversationHead();
}

/** Applies one event to a loaded view ("Rebuilding message state from events"), and re-renders what changed. */
export function applyToView(view: View, ev: EventFrame): void {
  const changed = applyEvent(view, ev);
  if (!changed || view.id !== state.open || state.pane !== 'conversation') return;
  upsertEntryElement(changed);
  // Replies quote the message they answer: an edit or a delete changes their quote too.
  if (ev.kind === 'message_edited' || ev.kind === 'message_deleted') {
    const answered = ev.message;
    rerenderEntries((entry) => entry.kind === 'message' && entry.msg.reply_to === answered);
  }
}

/** The whole message of a `message` event: its conversation, seq, author and time are the event's own. */
function messageOf(ev: EventFrame & { kind: 'message' }): Message {
  const { conversation, seq, actor: author, at: created_at } = ev;
  return { ...ev.message, conversation, seq, author, created_at, reactions: [] };
}

function applyEvent(view: View, ev: EventFrame): Entry | null {
  switch (ev.kind) {
    case 'message': {
      // A page read while writes committed may already hold this message: update it, keeping its reactions.
      const held = view.byMsg.get(ev.message.id);
      if (held) {
        held.msg = { ...messageOf(ev), reactions: held.msg.reactions ?? [] };
        return held;
      }
      const entry = { kind: 'message' as const, seq: ev.seq, msg: messageOf(ev) };
      view.byMsg.set(ev.message.id, entry);
      insertEntry(view, entry);
      return entry;
    }
    case 'message_edited': {
      const entry = view.byMsg.get(ev.message);
      if (!entry) return null;
      entry.msg = { ...entry.msg, body: ev.body, lang: ev.lang, edited_at: ev.edited_at };
      return entry;
    }
    case 'message_deleted': {
      const entry = view.byMsg.get(ev.message);
      if (!entry) return null;
      entry.msg = { ...entry.msg, body: '', deleted: true, reactions: [], mentions: [], edited_at: undefined };
      return entry;
    }
    case 'reaction_added':
    case 'reaction_removed': {
      const entry = view.byMsg.get(ev.message);
      if (!entry) return null;
      const reactions: Reaction[] = (entry.msg.reactions ?? []).map((r: Reaction) => ({ ...r, users: [...r.users] }));
      let reaction = reactions.find((r) => r.emoji === ev.emoji);
      if (ev.kind === 'reaction_added') {
        if (!reaction) reactions.push((reaction = { emoji: ev.emoji, users: [] }));
        if (!reaction.users.includes(ev.user)) reaction.users.push(ev.user);
      } else if (reaction) {
        reaction.users = reaction.users.filter((u: UserId) => u !== ev.user);
      }
      entry.msg = { ...entry.msg, reactions: reactions.filter((r) => r.users.length) };
      return entry;
    }
    default: {
      // Joins, leaves, invitations, channel changes, moderation, consultations, and kinds this client does not
      // know yet: a line of text in the reader's language.
      const entry = { kind: 'system' as const, seq: ev.seq, ev };
      insertEntry(view, entry);
      return entry;
    }
  }
}

/** Drops outgoing messages the view now shows (or has passed). */
export function settleOutbox(view: View): void {
  for (const item of state.outbox.values()) {
    if (item.conversation !== view.id || item.status !== 'acked') continue;
    const shown = (item.message !== null && view.byMsg.has(item.message)) || (item.seq !== null && view.asOf >= item.seq);
    if (!shown) continue;
    state.outbox.delete(item.client_id);
    if (view.id === state.open) removePendingElement(item);
  }
}

function onReadMarker(frame: Frame<'read_marker'>): void {
  const conv = state.convs.get(frame.conversation);
  if (!conv) return;
  conv.read_seq = Math.max(conv.read_seq, frame.seq);
  conv.unread = frame.unread;
  conv.mentions = frame.mentions;
  renderSidebar();
}

function onTyping(conversation: ConversationId, user: UserId): void {
  if (user === state.me?.id) return;
  let people = state.typing.get(conversation);
  if (!people) {
    people = new Map();
    state.typing.set(conversation, people);
  }
  window.clearTimeout(people.get(user));
  people.set(
    user,
    window.setTimeout(() => stopTyping(conversation, user), TYPING_SHOW_MS),
  );
  if (conversation === state.open) renderTyping();
}

function stopTyping(conversation: ConversationId, user: UserId): void {
  const people = state.typing.get(conversation);
  if (!people?.has(user)) return;
  window.clearTimeout(people.get(user));
  people.delete(user);
  if (conversation === state.open) renderTyping();
}

function onMembership(frame: Frame<'membership'>): void {
  if (frame.change === 'left') {
    state.convs.delete(frame.conversation);
    state.views.delete(frame.conversation);
    if (state.open === frame.conversation) location.hash = '';
  } else if (frame.summary) {
    upsertConv(frame.summary);
  }
  renderSidebar();
}

/** Adds or updates a conversation's summary (never moving last_seq backwards); returns the one held. */
export function upsertConv(summary: ConversationSummary): ConversationSummary {
  const existing = state.convs.get(summary.id);
  if (!existing) {
    state.convs.set(summary.id, summary);
    return summary;
  }
  Object.assign(existing, summary, { last_seq: Math.max(existing.last_seq, summary.last_seq) });
  return existing;
}

function onResync(frame: Frame<'resync'>): void {
  const conv = state.convs.get(frame.conversation);
  if (conv) conv.last_seq = Math.max(conv.last_seq, frame.seq);
  const view = state.views.get(frame.conversation);
  if (!view) return;
  state.views.delete(frame.conversation);
  if (state.open === frame.conversation) {
    toast(t('notice-resync'));
    openConversation(frame.conversation);
  }
}

async function onMentioned(frame: Frame<'mentioned'>): Promise<void> {
  if (isReading(frame.conversation)) return;
  await loadProfile(frame.by);
  toast(t('notice-mentioned', { user: nameOf(frame.by), conversation: convName(state.convs.get(frame.conversation)) }));
}
