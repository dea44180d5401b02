// What the buttons on a message do: reply, react (picker and toggling), edit, delete; and retry or discard for a
// message that could not be sent. One click handler on the list serves every message.

import { act } from '../act';
import { closest } from '../dom';
import { currentLocale, t } from '../i18n';
import { flush } from '../outbox';
import type { Message, MessageId, Reaction } from '../protocol';
import { me, state } from '../state';
import { composerInput } from './composer';
import { focusInMessage, removePendingElement, upsertEntryElement, upsertPendingElement } from './messages';
import { renderReplyBar } from './panes';

/** Failures were shown by act(); nothing else to do. */
const shown = () => {};

export function onMessageAction(event: MouseEvent): void {
  const button = closest(event.target, '[data-action]');
  const li = closest(event.target, 'li[data-key]');
  const action = button?.dataset.action;
  const key = li?.dataset.key;
  if (!action || !key) return;
  if (key.startsWith('p')) pendingAction(key.slice(1), action);
  else if (li.dataset.id) messageAction(Number(li.dataset.id), action, button.dataset.emoji);
}

function pendingAction(clientId: string, action: string): void {
  const item = state.outbox.get(clientId);
  if (!item) return;
  if (action === 'retry') {
    item.status = 'queued';
    item.retries = 0;
    upsertPendingElement(item);
    flush(item);
  } else if (action === 'discard') {
    state.outbox.delete(item.client_id);
    removePendingElement(item);
  }
}

function messageAction(id: MessageId, action: string, emoji: string | undefined): void {
  const entry = state.open === null ? undefined : state.views.get(state.open)?.byMsg.get(id);
  if (!entry) return;
  const msg = entry.msg;
  switch (action) {
    case 'reply':
      state.replyTo = msg.id;
      renderReplyBar();
      composerInput().focus();
      break;
    case 'react':
      state.picker = state.picker === msg.id ? null : msg.id;
      upsertEntryElement(entry);
      if (state.picker === msg.id) focusInMessage(msg.id, '.picker button');
      break;
    case 'pick':
    case 'toggle-reaction':
      if (!emoji) break;
      toggleReaction(msg, emoji);
      if (action === 'pick') {
        state.picker = null;
        upsertEntryElement(entry);
      }
      break;
    case 'edit':
      state.editing = msg.id;
      state.editDraft = msg.body;
      upsertEntryElement(entry);
      focusInMessage(msg.id, '.edit-input');
      break;
    case 'save-edit':
      saveEdit(msg, state.editDraft ?? msg.body);
      break;
    case 'cancel-edit':
      cancelEdit();
      break;
    case 'delete':
      if (confirm(t('chat-delete-confirm'))) act({ type: 'delete_message', message: msg.id }).catch(shown);
      break;
    default:
      break;
  }
}

function toggleReaction(msg: Message, emoji: string): void {
  const self = me().id;
  const mine = (msg.reactions ?? []).some((r: Reaction) => r.emoji === emoji && r.users.includes(self));
  act({ type: mine ? 'remove_reaction' : 'add_reaction', message: msg.id, emoji }).catch(shown);
}

export function saveEdit(msg: Message, body: string): void {
  if (!body.trim() || body === msg.body) {
    cancelEdit();
    return;
  }
  act({ type: 'edit_message', message: msg.id, body, lang: currentLocale() }).then(cancelEdit, shown);
}

export function cancelEdit(): void {
  const id = state.editing;
  state.editing = null;
  state.editDraft = null;
  const entry = id === null || state.open === null ? undefined : state.views.get(state.open)?.byMsg.get(id);
  if (!entry) return;
  upsertEntryElement(entry);
  focusInMessage(entry.msg.id, '[data-action="edit"]');
}

/** Escape closes the reaction picker and gives focus back to its button. */
export function closePickerOnEscape(event: KeyboardEvent): void {
  if (event.key !== 'Escape' || state.picker === null) return;
  const entry = state.open === null ? undefined : state.views.get(state.open)?.byMsg.get(state.picker);
  state.picker = null;
  if (!entry) return;
  upsertEntryElement(entry);
  focusInMessage(entry.msg.id, '[data-action="react"]');
}
