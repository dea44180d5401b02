// A channel's settings for its moderators (slow mode and lock as `moderate` actions, whether members may read the
// moderation log with PATCH /api/v1/channels/{id}), and the channel's moderation log (GET …/modlog).

import { describeFailure } from '../act';
import { byId, h } from '../dom';
import { clearText, localize, onLocaleChange, t } from '../i18n';
import type { ConversationSummary, ModLogEntry } from '../protocol';
import { channelModlog, updateChannel } from './moderation-api';
import { moderate } from './moderation-actions';
import { checkbox, durationSelect, field, openDialog, reasonBox } from './moderation-dialog';
import { renderModlogEntry } from './moderation-audit';
import { upsertConv } from '../sync';
import { renderConversationHead } from './panes';

/** Slow mode intervals offered, in seconds (the server allows 1 s to 6 hours). */
const SLOW_MODES = [5, 10, 30, 60, 120, 300, 600, 900, 1_800, 3_600, 7_200, 21_600] as const;

export function openChannelSettings(conv: ConversationSummary): void {
  const slowNow = conv.slow_mode_seconds ?? 0;
  const lockedNow = conv.locked === true;
  const publicNow = conv.public_modlog === true;
  const slow = durationSelect(SLOW_MODES, slowNow, [{ value: '0', label: () => t('mod-slow-mode-off') }]);
  const lock = checkbox('mod-lock', lockedNow, 'mod-lock-hint');
  const publicLog = checkbox('mod-public-modlog', publicNow, 'mod-public-modlog-hint');
  const reason = reasonBox('mod-reason', 'mod-reason-hint');
  const logButton = localize(h('button', { type: 'button', className: 'quiet' }), 'mod-modlog');
  const dialog = openDialog(
    {
      title: () => t('mod-channel-settings-title', { channel: `#${conv.name}` }),
      submitLabel: () => t('chat-save'),
      returnFocus: () => byId('channel-settings-button'),
      footer: [logButton],
      onSubmit: async () => {
        const why = reason.area.value.trim();
        const seconds = Number(slow.value);
        if (seconds !== slowNow) await moderate({ kind: 'slow_mode', conversation: conv.id, seconds }, why);
        if (lock.input.checked !== lockedNow) {
          await moderate({ kind: 'lock', conversation: conv.id, locked: lock.input.checked }, why);
        }
        if (publicLog.input.checked !== publicNow) {
          await updateChannel(conv.id, { public_modlog: publicLog.input.checked });
          // No event tells the others' clients; this one updates its own summary.
          upsertConv({ ...conv, public_modlog: publicLog.input.checked });
          renderConversationHead();
        }
      },
    },
    field('mod-slow-mode', slow, 'mod-slow-mode-hint'),
    lock.row,
    publicLog.row,
    reason.row,
  );
  logButton.addEventListener('click', () => {
    dialog.close();
    openModlog(conv);
  });
}

/** The channel's moderation log in a dialog: its newest 200 actions. */
export function openModlog(conv: ConversationSummary): void {
  const list = h('ol', { className: 'audit-list', attrs: { 'aria-busy': 'true' } });
  const status = h('p', { className: 'hint', attrs: { role: 'status' } });
  const dialog = openDialog({ title: () => t('mod-modlog-title', { channel: `#${conv.name}` }), className: 'wide' }, status, list);
  // Its lines (dates, actions) in the new language when the language changes while it is open.
  let shown: ModLogEntry[] = [];
  const stop = onLocaleChange(() => list.replaceChildren(...shown.map(renderModlogEntry)));
  dialog.dialog.addEventListener('close', stop);
  channelModlog(conv.id).then(
    (entries) => {
      shown = entries;
      list.replaceChildren(...entries.map(renderModlogEntry));
      list.removeAttribute('aria-busy');
      if (entries.length) clearText(status);
      else localize(status, 'mod-modlog-empty');
    },
    (error: unknown) => {
      list.removeAttribute('aria-busy');
      clearText(status, describeFailure(error));
    },
  );
}
