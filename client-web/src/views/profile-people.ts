// The people of the open conversation, with their presence, online first; each opens their profile. Direct and
// group conversations list their members. For channels the protocol has no member list, so the panel lists the
// people seen in the loaded part of the conversation (authors, joins, leaves) and says so.

import { byId, h } from '../dom';
import { currentLocale, t } from '../i18n';
import { nameOf } from '../people';
import { onPresenceChange, presenceDot, presenceOf } from '../presence';
import type { ConversationSummary, PresenceStatus, UserId } from '../protocol';
import { state } from '../state';
import { openProfile } from './profile';

const RANK: Record<PresenceStatus, number> = { online: 0, away: 1, offline: 2 };

let queued = false;

function isOpen(): boolean {
  return !byId('people-panel').hidden;
}

/** The people to list, and whether that is only part of the members. */
export function peopleOf(conv: ConversationSummary): { ids: UserId[]; partial: boolean } {
  if (conv.kind === 'direct' || conv.kind === 'group') return { ids: conv.members ?? [], partial: false };
  const ids = new Set<UserId>();
  for (const entry of state.views.get(conv.id)?.entries ?? []) {
    if (entry.kind === 'message') {
      ids.add(entry.msg.author);
      continue;
    }
    const ev = entry.ev;
    if (ev.kind === 'member_joined' || ev.kind === 'moderator_added') ids.add(ev.user);
    else if (ev.kind === 'channel_created') ids.add(ev.actor);
    else if (ev.kind === 'member_left' || ev.kind === 'member_kicked') ids.delete(ev.user);
    else if (ev.kind === 'member_banned' && !ev.global) ids.delete(ev.user);
  }
  if (conv.joined && state.me) ids.add(state.me.id);
  ids.delete(0);
  return { ids: [...ids], partial: ids.size < conv.member_count };
}

function rank(id: UserId): number {
  return RANK[presenceOf(id)?.status ?? 'offline'];
}

export function refreshPeoplePanel(): void {
  const conv = state.open === null ? undefined : state.convs.get(state.open);
  const button = byId('people-button');
  button.setAttribute('aria-expanded', String(isOpen()));
  if (!isOpen() || !conv) return;
  const { ids, partial } = peopleOf(conv);
  const locale = currentLocale();
  ids.sort((a, b) => rank(a) - rank(b) || nameOf(a).localeCompare(nameOf(b), locale));
  const self = state.me?.id;
  const list = byId('member-list');
  const focused = document.activeElement instanceof HTMLElement && list.contains(document.activeElement)
    ? document.activeElement.dataset.user
    : undefined;
  list.replaceChildren(
    ...ids.map((id) => {
      const item = h(
        'button',
        { type: 'button', className: 'person', data: { user: String(id) } },
        presenceDot(id),
        h('bdi', { className: 'conv-name', textContent: nameOf(id) }),
        id === self ? h('span', { className: 'tag', textContent: t('people-you') }) : null,
      );
      item.addEventListener('click', () => openProfile(id, conv));
      return h('li', {}, item);
    }),
  );
  if (focused) list.querySelector<HTMLElement>(`[data-user="${CSS.escape(focused)}"]`)?.focus();
  byId('people-hint').hidden = !partial;
}

function queueRefresh(): void {
  if (queued || !isOpen()) return;
  queued = true;
  requestAnimationFrame(() => {
    queued = false;
    refreshPeoplePanel();
  });
}

function setOpen(open: boolean): void {
  byId('people-panel').hidden = !open;
  refreshPeoplePanel();
  if (open) byId('people-close').focus();
  else byId('people-button').focus();
}

export function wirePeoplePanel(): void {
  byId('people-button').addEventListener('click', () => setOpen(!isOpen()));
  byId('people-close').addEventListener('click', () => setOpen(false));
  byId('people-panel').addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      setOpen(false);
    }
  });
  onPresenceChange(queueRefresh);
  // History pages and live messages change who is seen in a channel.
  new MutationObserver(queueRefresh).observe(byId('messages'), { childList: true });
}
