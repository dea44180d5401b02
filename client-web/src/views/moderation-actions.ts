// The dialogs of one moderation action (delete a message, time its author out, ban or remove them) and of a
// report (a message or a person), each with the reason or note the server keeps. Actions go out as `moderate`
// frames (docs/protocol.md "moderate"); reports over HTTP (POST /api/v1/reports).

import { connection } from '../connection';
import { h, type Child } from '../dom';
import { localize, t } from '../i18n';
import { nameOf } from '../people';
import { presenceDot } from '../presence';
import type { ConversationSummary, Message, ModAction, ReportCategory, UserId } from '../protocol';
import { fileReport } from './moderation-api';
import { checkbox, durationSelect, field, openDialog, quote, radios, reasonBox } from './moderation-dialog';
import { isStaff } from './moderation';
import { toast } from './toast';

/** Timeouts offered, in seconds: a minute to a week (the server allows up to 28 days). */
export const TIMEOUTS = [60, 300, 600, 3_600, 86_400, 604_800] as const;
const DEFAULT_TIMEOUT = 600;
/** Timed bans offered, besides "until lifted". */
export const BANS = [3_600, 86_400, 604_800, 2_419_200] as const;

export const REPORT_CATEGORIES: readonly ReportCategory[] = [
  'spam',
  'harassment',
  'hate',
  'sexual',
  'violence',
  'scam',
  'privacy',
  'other',
];

export type SanctionKind = 'delete' | 'timeout' | 'ban' | 'kick';
type Scope = 'channel' | 'everywhere';

export interface SanctionTarget {
  kind: SanctionKind;
  user: UserId;
  /** Where it happens; a channel allows channel-wide sanctions, anything else only staff's ones everywhere. */
  conv: ConversationSummary | undefined;
  /** The message acted on, shown in the dialog (and deleted for `delete`). */
  msg?: Message;
  returnFocus?: () => HTMLElement | null;
}

/** One moderation action; resolves with its ack, rejects with the server's refusal. */
export function moderate(action: ModAction, reason: string): Promise<unknown> {
  return connection.request({ type: 'moderate', action, reason });
}

/** Where a timeout or ban may apply: in a channel (its moderators and staff), everywhere (staff). */
function scopesFor(conv: ConversationSummary | undefined): Scope[] {
  const scopes: Scope[] = [];
  if (conv?.kind === 'channel') scopes.push('channel');
  if (isStaff()) scopes.push('everywhere');
  return scopes;
}

function authorLine(user: UserId): Child[] {
  return [presenceDot(user), ' ', h('bdi', { className: 'author', textContent: nameOf(user) })];
}

const TITLES: Record<SanctionKind, string> = {
  delete: 'mod-delete',
  timeout: 'mod-timeout-title',
  ban: 'mod-ban-title',
  kick: 'mod-kick-title',
};
const CONFIRMS: Record<SanctionKind, string> = {
  delete: 'mod-delete',
  timeout: 'mod-timeout',
  ban: 'mod-ban',
  kick: 'mod-kick',
};

export function openSanctionDialog(target: SanctionTarget): void {
  const { kind, user, conv, msg } = target;
  const content: Child[] = [];
  if (msg) content.push(quote(authorLine(msg.author), msg.body, msg.lang));

  let duration: HTMLSelectElement | null = null;
  if (kind === 'timeout') {
    duration = durationSelect(TIMEOUTS, DEFAULT_TIMEOUT);
    content.push(field('mod-timeout-duration', duration));
  } else if (kind === 'ban') {
    duration = durationSelect(BANS, 0, [{ value: '0', label: () => t('mod-ban-until-lifted') }]);
    content.push(field('mod-timeout-duration', duration));
  }

  const scopes = kind === 'timeout' || kind === 'ban' ? scopesFor(conv) : [];
  let scope = (): Scope | undefined => scopes[0];
  if (scopes.length > 1 && conv) {
    const group = radios<Scope>(
      'mod-scope',
      [
        { value: 'channel', label: () => t('mod-scope-channel', { channel: `#${conv.name}` }) },
        { value: 'everywhere', label: () => t('mod-scope-everywhere') },
      ],
      'channel',
    );
    content.push(group.fieldset);
    scope = group.value;
  } else if (scopes[0] === 'everywhere') {
    content.push(localize(h('p', { className: 'hint' }), 'mod-scope-everywhere'));
  }

  let alsoDelete: HTMLInputElement | null = null;
  if (msg && kind !== 'delete' && !msg.deleted) {
    const box = checkbox('mod-also-delete', false);
    alsoDelete = box.input;
    content.push(box.row);
  }

  const reason = reasonBox('mod-reason', 'mod-reason-hint');
  content.push(reason.row);

  openDialog(
    {
      title: () => t(TITLES[kind], { user: nameOf(user) }),
      submitLabel: () => t(CONFIRMS[kind]),
      danger: true,
      returnFocus: target.returnFocus,
      onSubmit: async () => {
        const why = reason.area.value.trim();
        const where = scope() === 'channel' && conv ? { conversation: conv.id } : {};
        const seconds = Number(duration?.value ?? 0);
        switch (kind) {
          case 'delete':
            if (msg) await moderate({ kind: 'delete_message', message: msg.id }, why);
            return;
          case 'timeout':
            await moderate({ kind: 'timeout', user, seconds, ...where }, why);
            break;
          case 'ban':
            await moderate({ kind: 'ban', user, ...(seconds > 0 ? { seconds } : {}), ...where }, why);
            break;
          case 'kick':
            if (conv) await moderate({ kind: 'kick', user, conversation: conv.id }, why);
            break;
        }
        // The sanction first: when it is refused, the message stays.
        if (alsoDelete?.checked && msg) await moderate({ kind: 'delete_message', message: msg.id }, why);
      },
    },
    content,
  );
}

export interface ReportTarget {
  msg?: Message;
  user?: UserId;
  returnFocus?: () => HTMLElement | null;
}

/** Reporting a message or a person: a category (required) and what happened. */
export function openReportDialog(target: ReportTarget): void {
  const content: Child[] = [];
  if (target.msg) content.push(quote(authorLine(target.msg.author), target.msg.body, target.msg.lang));
  const category = radios<ReportCategory | ''>(
    'mod-report-category',
    REPORT_CATEGORIES.map((c) => ({ value: c, label: () => t(`report-category-${c}`) })),
    '',
  );
  for (const input of category.fieldset.querySelectorAll('input')) input.required = true;
  content.push(category.fieldset);
  const note = reasonBox('mod-report-note');
  content.push(note.row);
  const about = target.msg?.author ?? target.user;
  openDialog(
    {
      title: target.msg ? () => t('mod-report-message') : () => t('mod-report-person-title', { user: nameOf(about ?? 0) }),
      submitLabel: () => t('mod-report-send'),
      returnFocus: target.returnFocus,
      onSubmit: async () => {
        const chosen = category.value();
        if (!chosen) throw new Error(t('mod-report-category'));
        const report = { category: chosen, note: note.area.value.trim() };
        if (target.msg) await fileReport({ ...report, message: target.msg.id });
        else if (target.user !== undefined) await fileReport({ ...report, user: target.user });
        toast(t('mod-report-sent'));
      },
    },
    content,
  );
}
