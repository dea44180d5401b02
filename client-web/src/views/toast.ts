// Short notices in a corner: server refusals, close reasons, mentions. They go away by themselves.

import { byId, h } from '../dom';
import { t } from '../i18n';

const TOAST_MS = 8_000;

export function toast(text: string): void {
  if (!text) return;
  const close = h('button', { type: 'button', className: 'quiet', textContent: '×', attrs: { 'aria-label': t('chat-close') } });
  const item = h('div', { className: 'toast' }, h('span', { textContent: text }), close);
  const remove = () => item.remove();
  close.addEventListener('click', remove);
  byId('toasts').append(item);
  window.setTimeout(remove, TOAST_MS);
}
