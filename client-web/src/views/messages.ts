// The messages of the open conversation: rendering entries (messages, system lines, messages still being sent),
// replacing one in place when it changes, and scrolling. Message text is written as text, in its own language and
// direction (lang, dir="auto"), whatever the UI's.

import { byId, h } from '../dom';
import { formatDateTime, formatFullDateTime, formatTime, listOf, localize, t, type L10nArgs } from '../i18n';
import { nameOf, topicName } from '../people';
import { presenceDot } from '../presence';
import type { Message, MessageId, Reaction, UserId } from '../protocol';
import { me, state, type Entry, type OutboxItem } from '../state';
import type { EventFrame } from '../wire';
import { enterToSubmit } from './composer';
import { cancelEdit, saveEdit } from './message-actions';
import { messageMenu, messageMenuButton } from './moderation-menu';
import { openProfile } from './profile';

/** Emoji offered by the reaction picker. */
export const QUICK_REACTIONS = ['👍', '❤️', '😂', '🙏', '🎉', '👀'];
/** How close to the bottom counts as "reading the newest", so new messages keep the view at the bottom. */
const STICK_TO_BOTTOM_PX = 60;
/** Replies quote this much of the message they answer. */
const SNIPPET_CHARS = 60;
/** `actor` 0 is the server itself: automod, routing and timers. The texts that name it need a label. */
const SERVER_ACTOR = 'Automod';

export function nearBottom(): boolean {
  const s = byId('scroller');
  return s.scrollHeight - s.scrollTop - s.clientHeight < STICK_TO_BOTTOM_PX;
}

export function scrollToBottom(): void {
  const s = byId('scroller');
  s.scrollTop = s.scrollHeight;
}

/** Re-renders the list while keeping the part the person looks at in place (loading older messages, a language switch). */
export function renderKeepingScroll(render: () => void): void {
  const scroller = byId('scroller');
  const fromBottom = scroller.scrollHeight - scroller.scrollTop;
  render();
  scroller.scrollTop = scroller.scrollHeight - fromBottom;
}

function entryKey(entry: Entry): string {
  return entry.kind === 'message' ? `m${entry.msg.id}` : `s${entry.seq}`;
}

function pendingKey(item: OutboxItem): string {
  return `p${item.client_id}`;
}

export function renderMessages(): void {
  const view = state.open === null ? undefined : state.views.get(state.open);
  const list = byId('messages');
  if (!view?.loaded) {
    list.replaceChildren();
    byId('older-button').hidden = true;
    byId('conv-empty').hidden = true;
    return;
  }
  list.replaceChildren(...view.entries.map(renderEntry));
  for (const item of state.outbox.values()) if (item.conversation === view.id) list.append(renderPending(item));
  byId('older-button').hidden = !view.hasMore;
  byId('conv-empty').hidden = view.entries.length > 0;
}

/** Re-renders the entries of the open conversation that match (e.g. after names arrived). */
export function rerenderEntries(matches: (entry: Entry) => boolean): void {
  const view = state.open === null ? undefined : state.views.get(state.open);
  if (!view?.loaded) return;
  for (const entry of view.entries) if (matches(entry)) upsertEntryElement(entry);
}

/** Replaces an entry's element (keeping keyboard focus on the same control), or inserts it in seq order. */
export function upsertEntryElement(entry: Entry): void {
  const list = byId('messages');
  const fresh = renderEntry(entry);
  const old = list.querySelector(`[data-key="${CSS.escape(entryKey(entry))}"]`);
  if (old) {
    replaceKeepingFocus(old, fresh);
    return;
  }
  let before: Element | null = null;
  for (let node = list.lastElementChild; node instanceof HTMLElement; node = node.previousElementSibling) {
    if (Number(node.dataset.seq) > entry.seq) before = node;
    else break;
  }
  list.insertBefore(fresh, before);
  byId('conv-empty').hidden = true;
}

function replaceKeepingFocus(old: Element, fresh: HTMLElement): void {
  const active = document.activeElement;
  const inside = active instanceof HTMLElement && old.contains(active);
  old.replaceWith(fresh);
  if (!inside) return;
  if (active instanceof HTMLTextAreaElement && active.classList.contains('edit-input')) {
    const area = fresh.querySelector<HTMLTextAreaElement>('.edit-input');
    area?.focus();
    area?.setSelectionRange(active.selectionStart, active.selectionEnd);
    return;
  }
  const action = active.dataset.action;
  if (!action) return;
  const emoji = active.dataset.emoji;
  const selector = emoji
    ? `[data-action="${CSS.escape(action)}"][data-emoji="${CSS.escape(emoji)}"]`
    : `[data-action="${CSS.escape(action)}"]`;
  (fresh.querySelector<HTMLElement>(selector) ?? fresh.querySelector<HTMLElement>('[data-action]'))?.focus();
}

export function upsertPendingElement(item: OutboxItem): void {
  const list = byId('messages');
  const old = list.querySelector(`[data-key="${CSS.escape(pendingKey(item))}"]`);
  const fresh = renderPending(item);
  if (old) old.replaceWith(fresh);
  else list.append(fresh);
  byId('conv-empty').hidden = true;
}

export function removePendingElement(item: OutboxItem): void {
  byId('messages').querySelector(`[data-key="${CSS.escape(pendingKey(item))}"]`)?.remove();
}

/** Focuses a control of a message's element, e.g. its picker after opening it. */
export function focusInMessage(id: MessageId, selector: string): void {
  byId('messages').querySelector<HTMLElement>(`[data-key="m${id}"] ${selector}`)?.focus();
}

function renderEntry(entry: Entry): HTMLLIElement {
  return entry.kind === 'message' ? renderMessage(entry.msg) : renderSystem(entry.ev);
}

// --- system lines ----------------------------------------------------------------------------------------------

const dashed = (code: string) => code.replaceAll('_', '-');

/** The line of text for a system event, in the reader's language ("Rendering system events" in docs/protocol.md). */
export function systemText(ev: EventFrame): string {
  const actor = ev.actor === 0 ? SERVER_ACTOR : nameOf(ev.actor);
  switch (ev.kind) {
    case 'member_joined':
    case 'member_left':
    case 'member_invited':
    case 'moderator_added':
    case 'moderator_removed':
    case 'timeout_lifted':
    case 'member_kicked':
    case 'member_unbanned':
      return t(`event-${dashed(ev.kind)}`, { actor, user: nameOf(ev.user) });
    case 'channel_created':
      return t('event-channel-created', { actor, name: ev.name });
    case 'channel_updated':
      return t('event-channel-updated', { actor, topic: ev.topic, languages: ev.languages.join(', ') });
    case 'member_timed_out':
      return t(ev.global ? 'event-member-timed-out-everywhere' : 'event-member-timed-out', {
        actor,
        user: nameOf(ev.user),
        until: formatDateTime(ev.until),
      });
    case 'member_banned': {
      const args: L10nArgs = { actor, user: nameOf(ev.user) };
      if (ev.until !== undefined && ev.until !== null) args.until = formatDateTime(ev.until);
      if (ev.global) return t('event-member-banned-everywhere', args);
      return t(args.until === undefined ? 'event-member-banned' : 'event-member-banned-until', args);
    }
    case 'slow_mode_changed':
      return t('event-slow-mode-changed', { actor, seconds: ev.seconds });
    case 'channel_locked':
      return t(ev.locked ? 'event-channel-locked' : 'event-channel-unlocked', { actor });
    case 'consultation':
      return consultationText(ev, actor);
    default:
      // message_pinned, message_unpinned, and kinds this client does not know yet.
      return t(`event-${dashed(ev.kind)}`, { actor });
  }
}

function consultationText(ev: Extract<EventFrame, { kind: 'consultation' }>, actor: string): string {
  const args: L10nArgs = { actor };
  if (ev.helper !== undefined && ev.helper !== null) args.helper = nameOf(ev.helper);
  if (ev.topic !== undefined && ev.topic !== null) args.topic = topicName(ev.topic);
  if (ev.rating !== undefined && ev.rating !== null) args.rating = ev.rating;
  if (ev.change === 'held' && ev.automatic) return t('event-consultation-held-automatic', args);
  if (ev.change === 'transferred' && args.topic !== undefined) return t('event-consultation-transferred-topic', args);
  return t(`event-consultation-${dashed(ev.change)}`, args);
}

function renderSystem(ev: EventFrame): HTMLLIElement {
  return h(
    'li',
    { className: 'system', data: { key: `s${ev.seq}`, seq: String(ev.seq) } },
    h('span', { textContent: systemText(ev) }),
    ' ',
    timeElement(ev.at),
  );
}

function timeElement(ms: number): HTMLTimeElement {
  return h('time', {
    textContent: formatTime(ms),
    dateTime: new Date(ms).toISOString(),
    title: formatFullDateTime(ms),
  });
}

// --- messages --------------------------------------------------------------------------------------------------

function renderMessage(msg: Message): HTMLLIElement {
  const self = me().id;
  const own = msg.author === self;
  const li = h('li', {
    className: 'message',
    data: { key: `m${msg.id}`, seq: String(msg.seq), id: String(msg.id) },
  });
  li.classList.toggle('own', own);
  li.classList.toggle('deleted', !!msg.deleted);
  li.classList.toggle('mentions-me', !msg.deleted && !!msg.mentions?.includes(self));
  li.append(renderMeta(msg));
  if (msg.reply_to !== undefined && msg.reply_to !== null && !msg.deleted) li.append(renderReplyRef(msg));
  if (msg.deleted) {
    li.append(localize(h('p', { className: 'message-body' }), 'event-message-deleted'));
    return li;
  }
  if (state.editing === msg.id) {
    li.append(renderEditor(msg));
    return li;
  }
  li.append(h('p', { className: 'message-body', dir: 'auto', lang: msg.lang, textContent: msg.body }));
  const reactions = (msg.reactions ?? []).filter((r: Reaction) => r.users.length > 0);
  if (reactions.length) li.append(renderReactions(reactions, self));
  if (state.convs.get(msg.conversation)?.joined) li.append(...renderActions(msg, own));
  return li;
}

function renderMeta(msg: Message): HTMLParagraphElement {
  const meta = h(
    'p',
    { className: 'meta' },
    presenceDot(msg.author),
    ' ',
    authorButton(msg),
    ' ',
    timeElement(msg.created_at),
  );
  if (msg.edited_at !== undefined && msg.edited_at !== null && !msg.deleted) {
    meta.append(' ', localize(h('span', { className: 'edited' }), 'event-message-edited'));
  }
  return meta;
}

/** The author's name, which opens their profile. */
function authorButton(msg: Message): HTMLButtonElement {
  const button = h(
    'button',
    { type: 'button', className: 'author-button', data: { action: 'profile' } },
    h('bdi', { className: 'author', textContent: nameOf(msg.author), data: { userId: String(msg.author) } }),
  );
  button.addEventListener('click', () => openProfile(msg.author, state.convs.get(msg.conversation)));
  return button;
}

function renderReplyRef(msg: Message): HTMLParagraphElement {
  const target =
    msg.reply_to === undefined || msg.reply_to === null
      ? undefined
      : state.views.get(msg.conversation)?.byMsg.get(msg.reply_to)?.msg;
  const text =
    target && !target.deleted
      ? t('chat-reply-to', { user: nameOf(target.author), text: snippet(target.body) })
      : t('chat-reply-unknown');
  return h('p', { className: 'reply-ref', textContent: `↪ ${text}` });
}

function renderReactions(reactions: Reaction[], self: UserId): HTMLDivElement {
  return h(
    'div',
    { className: 'reactions' },
    reactions.map((r) =>
      h('button', {
        type: 'button',
        className: 'reaction',
        textContent: `${r.emoji} ${r.users.length}`,
        title: t('chat-reacted', { emoji: r.emoji, names: listOf(r.users.map(nameOf)) }),
        data: { action: 'toggle-reaction', emoji: r.emoji },
        attrs: { 'aria-pressed': String(r.users.includes(self)) },
      }),
    ),
  );
}

function renderActions(msg: Message, own: boolean): HTMLElement[] {
  const action = (name: string, id: string) =>
    h('button', { type: 'button', className: 'quiet small', textContent: t(id), data: { action: name } });
  const react = action('react', 'chat-react');
  react.setAttribute('aria-expanded', String(state.picker === msg.id));
  const actions = h(
    'div',
    { className: 'actions' },
    action('reply', 'chat-reply'),
    react,
    own && [action('edit', 'chat-edit'), action('delete', 'chat-delete')],
    messageMenuButton(msg),
  );
  const menu = messageMenu(msg, own);
  if (state.picker !== msg.id) return [actions, ...menu];
  const picker = h(
    'div',
    { className: 'picker' },
    QUICK_REACTIONS.map((emoji) =>
      h('button', { type: 'button', className: 'reaction', textContent: emoji, data: { action: 'pick', emoji } }),
    ),
  );
  return [actions, picker, ...menu];
}

function snippet(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > SNIPPET_CHARS ? `${flat.slice(0, SNIPPET_CHARS)}…` : flat;
}

function renderEditor(msg: Message): HTMLDivElement {
  const area = h('textarea', {
    className: 'edit-input',
    value: state.editDraft ?? msg.body,
    rows: 3,
    dir: 'auto',
    attrs: { 'aria-label': t('chat-edit') },
  });
  enterToSubmit(area, () => saveEdit(msg, area.value));
  area.addEventListener('input', () => {
    state.editDraft = area.value;
  });
  area.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') cancelEdit();
  });
  return h(
    'div',
    { className: 'editor' },
    area,
    h(
      'div',
      { className: 'actions' },
      h('button', { type: 'button', className: 'primary small', textContent: t('chat-save'), data: { action: 'save-edit' } }),
      h('button', { type: 'button', className: 'quiet small', textContent: t('chat-cancel'), data: { action: 'cancel-edit' } }),
    ),
  );
}

/** A message written here that the conversation does not show yet: sending, queued while offline, or failed. */
function renderPending(item: OutboxItem): HTMLLIElement {
  const failed = item.status === 'failed';
  const li = h('li', { className: 'message own pending', data: { key: pendingKey(item), seq: 'Infinity' } });
  const status = failed ? t('chat-not-sent', { error: item.error ?? '' }) : t('chat-sending');
  li.append(
    h(
      'p',
      { className: 'meta' },
      h('bdi', { className: 'author', textContent: me().display_name }),
      ' ',
      h('span', { className: failed ? 'failed' : 'sending', textContent: status }),
    ),
    h('p', { className: 'message-body', dir: 'auto', lang: item.lang, textContent: item.body }),
  );
  if (failed) {
    li.append(
      h(
        'div',
        { className: 'actions' },
        h('button', { type: 'button', className: 'small', textContent: t('chat-retry'), data: { action: 'retry' } }),
        h('button', { type: 'button', className: 'quiet small', textContent: t('chat-discard'), data: { action: 'discard' } }),
      ),
    );
  }
  return li;
}
