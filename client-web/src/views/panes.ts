// Which pane shows (nothing, browse, one conversation), chosen by the URL's hash: #/c/<id>, #/browse. Opening a
// conversation renders its head, its messages (loading them when needed) and moves the read marker.

import { act } from '../act';
import { isConsultKind } from '../consult';
import { byId, element } from '../dom';
import { listOf, localize, t } from '../i18n';
import { loadLatest, markRead } from '../history';
import { nameOf } from '../people';
import type { ConversationId } from '../protocol';
import { newView, state, type Pane } from '../state';
import { upsertConv } from '../sync';
import { ackedConversation } from '../wire';
import { showBrowse } from './browse';
import { composerInput } from './composer';
import { routeConsult, showConsultPane } from './consult';
import { renderConsultBar } from './consult-bar';
import { renderMessages, scrollToBottom } from './messages';
import { renderModerationHead } from './moderation';
import { showAudit } from './moderation-audit';
import { showReports } from './moderation-reports';
import { convName, renderSidebar } from './sidebar';

export function conversationHash(id: ConversationId): string {
  return `#/c/${id}`;
}

/**
 * A window of its own for one conversation (`?solo=1#/c/<id>`): the same app, with its own WebSocket, in a compact
 * layout without the sidebar and the top bar's extras (the `solo` class on <body>), so that helpers can keep several
 * consultations open side by side.
 */
export const solo = new URLSearchParams(location.search).get('solo') === '1';

export function soloUrl(id: ConversationId): string {
  return `${location.pathname}?solo=1${conversationHash(id)}`;
}

export function openInOwnWindow(id: ConversationId): void {
  window.open(soloUrl(id), '_blank', 'popup,width=600,height=820');
}

export function route(): void {
  if (!state.me) return;
  const match = /^#\/c\/(\d+)$/.exec(location.hash);
  const id = match?.[1] === undefined ? null : Number(match[1]);
  // A conversation not known yet (before the ready frame) shows nothing; the ready frame routes again.
  if (id !== null && state.convs.has(id)) openConversation(id);
  else if (location.hash === '#/browse') void showBrowse();
  else if (location.hash === '#/reports') void showReports();
  else if (location.hash === '#/audit') void showAudit();
  else if (!routeConsult(location.hash)) showPane('empty');
}

export function showPane(pane: Pane): void {
  state.pane = pane;
  if (pane !== 'conversation') state.open = null;
  byId('empty-view').hidden = pane !== 'empty';
  byId('browse-view').hidden = pane !== 'browse';
  byId('conv-view').hidden = pane !== 'conversation';
  byId('reports-view').hidden = pane !== 'reports';
  byId('audit-view').hidden = pane !== 'audit';
  showConsultPane(pane);
  // On phones one column shows: the list, or the pane.
  byId('chat').dataset.pane = pane === 'empty' ? 'list' : 'main';
  renderSidebar();
}

export function openConversation(id: ConversationId): void {
  const conv = state.convs.get(id);
  if (!conv) return;
  const changed = state.open !== id || state.pane !== 'conversation';
  state.open = id;
  showPane('conversation');
  if (changed) {
    state.replyTo = null;
    state.editing = null;
    state.picker = null;
    composerInput().value = '';
  }
  renderConversationHead();
  renderReplyBar();
  renderTyping();
  let view = state.views.get(id);
  if (!view && conv.joined) {
    view = newView(id);
    state.views.set(id, view);
  }
  if (changed || !view?.loaded) {
    renderMessages();
    scrollToBottom();
  }
  if (view && !view.loaded) void loadLatest(view);
  markRead();
  if (changed) {
    const finePointer = matchMedia('(pointer: fine)').matches;
    if (finePointer && conv.joined) composerInput().focus();
    else byId('conv-title').focus();
  }
}

export function renderConversationHead(): void {
  const conv = state.open === null ? undefined : state.convs.get(state.open);
  if (!conv || state.pane !== 'conversation') return;
  byId('conv-title').textContent = convName(conv);
  const topic = byId('conv-topic');
  topic.textContent = conv.topic;
  topic.hidden = !conv.topic;
  localize(byId('conv-members'), 'chat-members', { count: conv.member_count });
  byId('leave-button').hidden = !(conv.joined && conv.kind !== 'direct' && !isConsultKind(conv.kind));
  byId('join-bar').hidden = conv.joined;
  element('composer', HTMLFormElement).hidden = !conv.joined;
  renderConsultBar();
  renderModerationHead();
}

export function renderTyping(): void {
  const people = state.open === null ? undefined : state.typing.get(state.open);
  const ids = people ? [...people.keys()] : [];
  byId('typing').textContent = ids.length
    ? t('notice-typing', { count: ids.length, names: listOf(ids.map(nameOf)) })
    : '';
}

export function renderReplyBar(): void {
  const entry =
    state.replyTo === null || state.open === null ? undefined : state.views.get(state.open)?.byMsg.get(state.replyTo);
  byId('reply-bar').hidden = !entry;
  if (entry) byId('reply-text').textContent = t('chat-replying-to', { user: nameOf(entry.msg.author) });
}

async function joinOpenConversation(): Promise<void> {
  const id = state.open;
  if (id === null) return;
  try {
    const ack = await act({ type: 'join_channel', conversation: id });
    upsertConv(ackedConversation(ack));
    state.views.delete(id);
    openConversation(id);
  } catch {
    // act() showed why
  }
}

async function leaveOpenConversation(): Promise<void> {
  const id = state.open;
  if (id === null) return;
  try {
    await act({ type: 'leave', conversation: id });
    state.convs.delete(id);
    state.views.delete(id);
    location.hash = '';
    renderSidebar();
  } catch {
    // act() showed why
  }
}

export function wirePanes(): void {
  document.body.classList.toggle('solo', solo);
  window.addEventListener('hashchange', route);
  for (const back of document.querySelectorAll<HTMLElement>('[data-action="back"]')) {
    back.addEventListener('click', () => {
      location.hash = '';
    });
  }
  byId('join-button').addEventListener('click', () => void joinOpenConversation());
  byId('leave-button').addEventListener('click', () => void leaveOpenConversation());
}
