// The composer: Enter sends, Shift+Enter is a new line, and an Enter that confirms an IME composition (Japanese,
// Chinese, Vietnamese Telex…) only confirms it. Also tells the others that the person is typing.

import { connection } from '../connection';
import { byId, element } from '../dom';
import { t } from '../i18n';
import { sendMessage } from '../outbox';
import { state } from '../state';
import { renderReplyBar } from './panes';
import { toast } from './toast';

/** The server forwards one `typing` per 3 s per connection and conversation; sending more is wasted. */
const TYPING_EVERY_MS = 3_000;

/** Enter submits, Shift+Enter is a new line, and Enter that confirms an IME composition does nothing else. */
export function enterToSubmit(textarea: HTMLTextAreaElement, submit: () => void): void {
  let composing = false;
  textarea.addEventListener('compositionstart', () => {
    composing = true;
  });
  textarea.addEventListener('compositionend', () => {
    composing = false;
  });
  textarea.addEventListener('keydown', (event) => {
    if (event.key !== 'Enter' || event.shiftKey || event.altKey || event.ctrlKey || event.metaKey) return;
    // keyCode 229: Safari reports the Enter that ends a composition this way, after compositionend.
    if (event.isComposing || event.keyCode === 229 || composing) return;
    event.preventDefault();
    submit();
  });
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
