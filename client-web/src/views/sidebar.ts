// The sidebar: who is signed in, and the channels and direct conversations with their unread badges.

import { isConsultKind } from '../consult';
import { byId, h } from '../dom';
import { currentLocale, listOf, t } from '../i18n';
import { nameOf } from '../people';
import { presenceDot } from '../presence';
import type { ConversationSummary, UserId } from '../protocol';
import { me, state } from '../state';
import { consultConvName, renderConsultNav } from './consult-nav';
import { unreadBadge } from './badge';
import { renderModNav } from './moderation';
import { ownProfileButton } from './profile';

/** A conversation's name: "# channel", or the other people's names. */
export function convName(conv: ConversationSummary | undefined): string {
  if (!conv) return '';
  if (conv.kind === 'channel') return `# ${conv.name}`;
  if (isConsultKind(conv.kind)) return consultConvName(conv);
  const self = me().id;
  const others = (conv.members ?? []).filter((id: UserId) => id !== self);
  return listOf((others.length ? others : [self]).map(nameOf));
}

export function renderMe(): void {
  const person = state.me;
  if (!person) return;
  byId('me').replaceChildren(
    presenceDot(person.id),
    ' ',
    h('bdi', { className: 'me-name', textContent: person.display_name }),
    ' ',
    h('span', { className: 'me-role', textContent: t(`role-${person.role}`) }),
    ' ',
    ownProfileButton(),
  );
}

export function renderSidebar(): void {
  if (!state.me) return;
  renderConsultNav();
  const focused = document.activeElement instanceof HTMLElement ? document.activeElement.dataset.conv : undefined;
  const channels: ConversationSummary[] = [];
  const directs: ConversationSummary[] = [];
  for (const conv of state.convs.values()) {
    if (!isConsultKind(conv.kind)) (conv.kind === 'channel' ? channels : directs).push(conv);
  }
  const byName = (a: ConversationSummary, b: ConversationSummary) =>
    convName(a).localeCompare(convName(b), currentLocale());
  byId('channel-list').replaceChildren(...channels.sort(byName).map(renderConvItem));
  byId('direct-list').replaceChildren(...directs.sort(byName).map(renderConvItem));
  if (focused) document.querySelector<HTMLElement>(`.conv-list [data-conv="${CSS.escape(focused)}"]`)?.focus();
  renderModNav();
}

/** The presence of the other person of a direct conversation. */
function directPresence(conv: ConversationSummary): HTMLElement | null {
  const other = (conv.members ?? []).find((id: UserId) => id !== state.me?.id);
  return other === undefined ? null : presenceDot(other);
}

function renderConvItem(conv: ConversationSummary): HTMLLIElement {
  const button = h(
    'button',
    { type: 'button', className: 'conv', data: { conv: String(conv.id) } },
    conv.kind === 'direct' && directPresence(conv),
    h('bdi', { className: 'conv-name', textContent: convName(conv) }),
  );
  if (conv.id === state.open && state.pane === 'conversation') button.setAttribute('aria-current', 'page');
  if (!conv.joined) button.append(h('span', { className: 'tag', textContent: t('chat-invitation') }));
  if (conv.mentions > 0) {
    button.append(
      h('span', { className: 'badge mention', textContent: `@${conv.mentions}`, attrs: { 'aria-hidden': 'true' } }),
      h('span', { className: 'visually-hidden', textContent: t('notice-mentions', { count: conv.mentions }) }),
    );
  }
  if (conv.unread > 0) {
    button.classList.add('unread');
    button.append(...unreadBadge(conv.unread));
  }
  return h('li', {}, button);
}
