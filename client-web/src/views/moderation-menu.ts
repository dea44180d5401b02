// A message's "more actions" menu: view the author's profile, report the message, and for moderators delete it,
// time the author out or ban them. A menu button (aria-haspopup) opens a list of menu items under the message's
// actions; arrow keys move between them, Escape closes it and gives focus back to the button.

import { byId, h } from '../dom';
import { t } from '../i18n';
import type { Message, MessageId } from '../protocol';
import { state } from '../state';
import { openProfile } from './profile';
import { focusInMessage, upsertEntryElement } from './messages';
import { canModerate } from './moderation';
import { openReportDialog, openSanctionDialog, type SanctionKind } from './moderation-actions';

/** The message whose menu is open. */
let openFor: MessageId | null = null;

function rerender(id: MessageId): void {
  const entry = state.open === null ? undefined : state.views.get(state.open)?.byMsg.get(id);
  if (entry) upsertEntryElement(entry);
}

function menuButtonOf(id: MessageId): HTMLElement | null {
  return byId('messages').querySelector<HTMLElement>(`[data-key="m${id}"] [data-action="mod-menu"]`);
}

function closeMenu(focusButton: boolean): void {
  const id = openFor;
  if (id === null) return;
  openFor = null;
  rerender(id);
  if (focusButton) menuButtonOf(id)?.focus();
}

function toggleMenu(id: MessageId): void {
  const previous = openFor;
  openFor = previous === id ? null : id;
  if (previous !== null && previous !== id) rerender(previous);
  rerender(id);
  if (openFor === id) focusInMessage(id, '.msg-menu [role="menuitem"]');
}

/** The "⋯" button among a message's actions. */
export function messageMenuButton(msg: Message): HTMLButtonElement {
  const label = t('mod-more-actions');
  const button = h('button', {
    type: 'button',
    className: 'quiet small',
    textContent: '⋯',
    title: label,
    data: { action: 'mod-menu' },
    attrs: { 'aria-label': label, 'aria-haspopup': 'menu', 'aria-expanded': String(openFor === msg.id) },
  });
  button.addEventListener('click', () => toggleMenu(msg.id));
  button.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown' && openFor !== msg.id) {
      event.preventDefault();
      toggleMenu(msg.id);
    }
  });
  return button;
}

/** The open menu of this message, if it is the one open. */
export function messageMenu(msg: Message, own: boolean): HTMLElement[] {
  if (openFor !== msg.id) return [];
  const conv = state.convs.get(msg.conversation);
  const returnFocus = () => menuButtonOf(msg.id);
  const items: [string, string, () => void][] = [
    ['mod-item-profile', 'mod-view-profile', () => openProfile(msg.author, conv)],
  ];
  if (!own) items.push(['mod-item-report', 'mod-report-message', () => openReportDialog({ msg, returnFocus })]);
  if (!own && canModerate(conv)) {
    const sanction = (kind: SanctionKind) => () => openSanctionDialog({ kind, user: msg.author, conv, msg, returnFocus });
    items.push(
      ['mod-item-delete', 'mod-delete', sanction('delete')],
      ['mod-item-timeout', 'mod-timeout', sanction('timeout')],
      ['mod-item-ban', 'mod-ban', sanction('ban')],
    );
  }
  const buttons = items.map(([action, id, run]) => {
    const button = h('button', {
      type: 'button',
      className: 'menu-item',
      tabIndex: -1,
      textContent: t(id),
      data: { action },
      attrs: { role: 'menuitem' },
    });
    button.addEventListener('click', () => {
      closeMenu(false);
      run();
    });
    return button;
  });
  const menu = h(
    'ul',
    { className: 'msg-menu', attrs: { role: 'menu', 'aria-label': t('mod-more-actions') } },
    buttons.map((button) => h('li', { attrs: { role: 'none' } }, button)),
  );
  menu.addEventListener('keydown', (event) => {
    const index = buttons.findIndex((b) => b === document.activeElement);
    let next: number | null = null;
    if (event.key === 'ArrowDown') next = (index + 1) % buttons.length;
    else if (event.key === 'ArrowUp') next = (index - 1 + buttons.length) % buttons.length;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = buttons.length - 1;
    else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      closeMenu(true);
      return;
    } else if (event.key === 'Tab') {
      closeMenu(false);
      return;
    }
    if (next === null) return;
    event.preventDefault();
    buttons[next]?.focus();
  });
  return [menu];
}

/** A click anywhere but on the open menu (or its button) closes it. */
export function closeMessageMenuOnOutsideClick(event: MouseEvent): void {
  if (openFor === null) return;
  const target = event.target instanceof Element ? event.target : null;
  if (target?.closest('.msg-menu') || target?.closest(`[data-key="m${openFor}"] [data-action="mod-menu"]`)) return;
  closeMenu(false);
}
