// A conversation's unread badge in a list: the count ("99+" above 99; the server counts up to 100, see
// docs/protocol.md), and the same in words for screen readers.

import { h } from '../dom';
import { t } from '../i18n';

export function unreadBadge(count: number): HTMLElement[] {
  const many = count > 99;
  return [
    h('span', { className: 'badge', textContent: many ? '99+' : String(count), attrs: { 'aria-hidden': 'true' } }),
    h('span', {
      className: 'visually-hidden',
      textContent: many ? t('notice-unread-many') : t('notice-unread', { count }),
    }),
  ];
}
