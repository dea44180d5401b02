// The composer: Enter sends, Shift+Enter is a new line, and an Enter that confirms an IME composition (Japanese,
// Chinese, Vietnamese Telex…) only confirms it. Also tells the others that the person is typing.

import { connection } from '../connection';
import { byId, element } from '../dom';
import { t } from '../i18n';
import { sendMessage } from '../outbox';
import { state } from '../state';
import { wireMentions } from './mentions';
import { renderReplyBar } from './panes';
import { toast } from './toast';

/** The server forwards one `typing` per 3 s per connection and conversation; sending more is wasted. */
const TYPING_EVERY_MS = 3_000;

/** Enter submits, Shift+Enter is a new line, and Enter that confirms an IME composition does nothing else. */
export function enterToSubmit(textarea: HTMLTextAreaElement, submit: () => void): void {
  const composing = trackComposition(textarea);
  textarea.addEventListener('keydown', (event) => {
    if (event.key !== 'Enter' || event.shiftKey || event.altKey || event.ctrlKey || event.metaKey) return;
    if (composing(event)) return;
    event.preventDefault();
    submit();
  });
}

/** Whether a key belongs to an IME composition (and must be left to it), for a text field. */
export function trackComposition(field: HTMLTextAreaElement | HTMLInputElement): (event: KeyboardEvent) => boolean {
  let composing = false;
  field.addEventListener('compositionstart', () => {
    composing = true;
  });
  field.addEventListener('compositionend', () => {
    composing = false;
  });
  // keyCode 229: Safari reports the Enter that ends a composition this way, after compositionend.
  return (event) => event.isComposing || event.keyCode === 229 || composing;
}

export function composerInput(): HTMLTextAreaElement {
  return element('composer-input', HTMLTextAreaElement);
}

function submitComposer(): void {
  const input = composerInput();
  const body = input.value;
  const id = state.open;
  if (id === null || !body.trim()) return;
  const max = state.limits?.max_body_chars;
  if (max && [...body].length > max) {
    toast(t('error-body-too-long', { max }));
    return;
  }
  sendMessage(id, body, state.replyTo);
  input.value = '';
  state.replyTo = null;
  renderReplyBar();
}

function sendTyping(): void {
  const id = state.open;
  if (id === null || !connection.ready) return;
  const now = Date.now();
  if (now - (state.typingSent.get(id) ?? 0) < TYPING_EVERY_MS) return;
  state.typingSent.set(id, now);
  connection.send({ type: 'typing', conversation: id });
}

export function wireComposer(): void {
  const input = composerInput();
  // First, so that Enter, Tab and the arrows pick a person while the list of people to mention is open.
  wireMentions(input, element('mention-list', HTMLUListElement));
  enterToSubmit(input, submitComposer);
  input.addEventListener('input', () => {
    if (input.value.trim()) sendTyping();
  });
  byId('composer').addEventListener('submit', (event) => {
    event.preventDefault();
    submitComposer();
    input.focus();
  });
  byId('reply-cancel').addEventListener('click', () => {
    state.replyTo = null;
    renderReplyBar();
    input.focus();
  });
}
