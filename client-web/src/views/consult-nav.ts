// The consultations part of the sidebar: "Ask for help", the helper console (with how many wait in the queues the
// person serves), and the person's consultations with their state and unread messages (a helper's count includes
// the internal notes). Alt+↑ / Alt+↓ moves between them.

import {
  askedBy,
  canHelp,
  consult,
  consultationOfNotes,
  isOpen,
  myConsultations,
  present,
  topicLabel,
} from '../consult';
import { byId, closest, h } from '../dom';
import { localize, t } from '../i18n';
import { nameOf } from '../people';
import type { Consultation, ConversationSummary } from '../protocol';
import { state } from '../state';
import { unreadBadge } from './badge';
import { ASK_HASH, CONSOLE_HASH } from './consult';
import { conversationHash } from './panes';

/** Closed consultations the sidebar still lists (the newest ones); the rest stay in the console's history. */
const CLOSED_SHOWN = 5;

/** What a consultation is called: its topic for the person who asked, the person who asked for their helpers. */
export function consultTitle(c: Consultation | undefined): string {
  if (!c) return t('consult-consultation');
  return askedBy(c) ? topicLabel(c.topic) : nameOf(c.requester);
}

/** The name of a consultation's conversation (or of its notes) in the sidebar's and the head's sense. */
export function consultConvName(conv: ConversationSummary): string {
  if (conv.kind === 'consultation_notes') {
    const c = consultationOfNotes(conv.id);
    return `${t('consult-notes')} · ${consultTitle(c)}`;
  }
  return consultTitle(consult.byId.get(conv.id));
}

/** Unread messages of a consultation, and of its notes for a helper. */
export function consultUnread(conv: ConversationSummary, c: Consultation | undefined): number {
  const notes = c?.notes ? state.convs.get(c.notes) : undefined;
  return conv.unread + (notes?.unread ?? 0);
}

function listed(): { conv: ConversationSummary; c: Consultation | undefined }[] {
  const all = myConsultations();
  const open = all.filter((x) => !x.c || isOpen(x.c));
  const closed = all.filter((x) => x.c && !isOpen(x.c));
  // A closed one still unread, or the open one, stays listed whatever its age.
  const keep = closed.filter((x, i) => i < CLOSED_SHOWN || consultUnread(x.conv, x.c) > 0 || x.conv.id === state.open);
  return [...open, ...keep];
}

/** How many wait in the queues the person serves. */
export function queueCount(): number {
  const topics = consult.helper?.topics;
  let count = 0;
  for (const item of consult.queue.values()) if (!topics || topics.includes(item.topic)) count += 1;
  return count;
}

export function renderConsultNav(): void {
  const nav = document.getElementById('consult-nav');
  if (!nav || !state.me) return;
  const focused = document.activeElement instanceof HTMLElement && nav.contains(document.activeElement)
    ? (document.activeElement.dataset.conv ?? document.activeElement.dataset.nav)
    : undefined;

  const ask = localize(
    h('button', { type: 'button', className: 'wide consult-nav-ask', data: { nav: 'ask' } }),
    'consult-ask',
  );
  if (state.pane === 'ask') ask.setAttribute('aria-current', 'page');
  const buttons: HTMLElement[] = [ask];
  if (canHelp()) {
    const waiting = queueCount();
    const consoleButton = h(
      'button',
      { type: 'button', className: 'wide consult-nav-console', data: { nav: 'console' } },
      localize(h('span', { className: 'conv-name' }), 'consult-helper-console'),
    );
    if (waiting > 0) {
      consoleButton.append(
        h('span', { className: 'badge', textContent: String(waiting), attrs: { 'aria-hidden': 'true' } }),
        h('span', { className: 'visually-hidden', textContent: t('consult-queue-count', { count: waiting }) }),
      );
    }
    if (state.pane === 'console') consoleButton.setAttribute('aria-current', 'page');
    buttons.push(consoleButton);
  }

  const items = listed().map(({ conv, c }) => renderItem(conv, c));
  nav.replaceChildren(
    ...present(
      localize(h('h3', { id: 'consult-nav-title' }), 'consult-consultations'),
      h('div', { className: 'consult-nav-actions' }, buttons),
      items.length > 0 &&
        h('ul', { className: 'conv-list consult-list', attrs: { 'aria-labelledby': 'consult-nav-title' } }, items),
    ),
  );
  if (focused) {
    nav.querySelector<HTMLElement>(`[data-conv="${CSS.escape(focused)}"], [data-nav="${CSS.escape(focused)}"]`)?.focus();
  }
}

function renderItem(conv: ConversationSummary, c: Consultation | undefined): HTMLLIElement {
  const button = h(
    'button',
    { type: 'button', className: 'conv consult-item', data: { conv: String(conv.id) } },
    h('span', { className: `consult-dot state-${c?.state ?? 'unknown'}`, attrs: { 'aria-hidden': 'true' } }),
    h(
      'span',
      { className: 'consult-item-text' },
      h('bdi', { className: 'conv-name', textContent: consultTitle(c) }),
      c
        ? h('span', {
            className: 'consult-item-meta',
            textContent: askedBy(c)
              ? t(`consultation-state-${c.state.replaceAll('_', '-')}`)
              : `${topicLabel(c.topic)} · ${t(`consultation-state-${c.state.replaceAll('_', '-')}`)}`,
          })
        : null,
    ),
  );
  if (c && !isOpen(c)) button.classList.add('closed');
  if (conv.id === state.open && state.pane === 'conversation') button.setAttribute('aria-current', 'page');
  if (c && !askedBy(c) && c.state === 'active' && !c.accepted) {
    button.append(localize(h('span', { className: 'tag new' }), 'consult-new'));
  }
  const unread = consultUnread(conv, c);
  if (unread > 0) {
    button.classList.add('unread');
    button.append(...unreadBadge(unread));
  }
  return h('li', {}, button);
}

/** Opens the next (1) or previous (-1) listed consultation; false when there is none to go to. */
export function switchConsultation(step: 1 | -1): boolean {
  const ids = listed().map((x) => x.conv.id);
  if (!ids.length) return false;
  const at = state.open === null ? -1 : ids.indexOf(state.open);
  const next = at === -1 ? (step === 1 ? 0 : ids.length - 1) : (at + step + ids.length) % ids.length;
  const id = ids[next];
  if (id === undefined || id === state.open) return false;
  location.hash = conversationHash(id);
  return true;
}

export function wireConsultNav(): void {
  byId('chat').addEventListener('click', (event) => {
    const target = closest(event.target, '#consult-nav [data-conv], #consult-nav [data-nav]');
    if (!target) return;
    if (target.dataset.conv) location.hash = conversationHash(Number(target.dataset.conv));
    else if (target.dataset.nav === 'ask') location.hash = ASK_HASH;
    else if (target.dataset.nav === 'console') location.hash = CONSOLE_HASH;
  });
}
