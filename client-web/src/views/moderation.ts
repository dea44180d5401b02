// Moderation in the conversation views: who may moderate where, what the composer says about slow mode, locks and
// the person's own timeout (and the server's refusal of a send, next to the composer), the moderation entries of
// the sidebar, and what the moderation frames change. The tools themselves are in moderation-*.ts.

import { ServerError } from '../errors';
import { byId, h } from '../dom';
import { formatDateTime, localize, onLocaleChange } from '../i18n';
import type { ConversationId, ConversationSummary, ServerEvent } from '../protocol';
import { state } from '../state';
import type { EventFrame, Frame } from '../wire';
import { listReports } from './moderation-api';
import { forgetReports, loadReports, openReportCount, rerenderReports, upsertReport } from './moderation-reports';
import { rerenderAudit } from './moderation-audit';
import { openChannelSettings, openModlog } from './moderation-channel';
import { formatDuration } from './moderation-dialog';
import { closeMessageMenuOnOutsideClick } from './moderation-menu';
import { refreshPeoplePanel } from './profile-people';

/**
 * Whether the person handles reports somewhere: staff, or a moderator of at least one channel. The protocol does
 * not say which channels a person moderates (ConversationSummary has no such field), so a channel moderator who is
 * not staff is offered the channel tools in every channel, and the server refuses where they do not apply.
 */
let handlesReports = false;
let standingOf: number | null = null;

/** Per conversation: the server's last refusal of a send, shown next to the composer until the next send. */
const refusals = new Map<ConversationId, string>();
/** The person's own timeouts seen in events: per conversation, or 'global'; the time they end. */
const myTimeouts = new Map<ConversationId | 'global', number>();
let expiryTimer: number | undefined;

export function isStaff(): boolean {
  const role = state.me?.role;
  return role === 'moderator' || role === 'admin';
}

export function handlesReportsSomewhere(): boolean {
  return handlesReports;
}

/** Whether to offer moderation tools in this conversation (the server has the last word). */
export function canModerate(conv: ConversationSummary | undefined): boolean {
  if (!conv) return false;
  if (isStaff()) return conv.kind === 'channel' || conv.kind === 'direct' || conv.kind === 'group';
  return conv.kind === 'channel' && handlesReports;
}

// --- the composer ----------------------------------------------------------------------------------------------

/** The server refused a message (timed out, slow mode, locked…): say so next to the composer, in its words. */
export function composerRefused(conversation: ConversationId, text: string): void {
  refusals.set(conversation, text);
  if (conversation === state.open) renderComposerNotes();
}

function clearRefusal(): void {
  if (state.open === null || !refusals.delete(state.open)) return;
  renderComposerNotes();
}

/** The lines above the composer: the channel's slow mode and lock, the person's timeout, the last refusal. */
export function renderComposerNotes(): void {
  const conv = state.open === null ? undefined : state.convs.get(state.open);
  const notes = byId('composer-notes');
  const error = byId('composer-error');
  if (!conv || state.pane !== 'conversation') return;
  const lines: HTMLElement[] = [];
  const until = timeoutUntil(conv.id);
  if (until !== undefined) {
    lines.push(localize(h('p', {}), 'mod-composer-timed-out', { until: formatDateTime(until) }));
  }
  if (conv.locked) lines.push(localize(h('p', {}), 'mod-composer-locked'));
  const slow = conv.slow_mode_seconds ?? 0;
  if (slow > 0) lines.push(localize(h('p', {}), 'mod-composer-slow-mode', { duration: formatDuration(slow) }));
  notes.replaceChildren(...lines);
  error.textContent = refusals.get(conv.id) ?? '';
}

function timeoutUntil(conversation: ConversationId): number | undefined {
  const now = Date.now();
  const ends = [myTimeouts.get(conversation), myTimeouts.get('global')].filter(
    (until): until is number => until !== undefined && until > now,
  );
  return ends.length ? Math.max(...ends) : undefined;
}

function scheduleExpiry(): void {
  window.clearTimeout(expiryTimer);
  const now = Date.now();
  const next = Math.min(...[...myTimeouts.values()].filter((until) => until > now));
  if (Number.isFinite(next)) expiryTimer = window.setTimeout(renderComposerNotes, next - now + 500);
}

// --- the conversation head -------------------------------------------------------------------------------------

/** Called whenever the conversation head renders: the channel tools, and the composer's notes. */
export function renderModerationHead(): void {
  const conv = state.open === null ? undefined : state.convs.get(state.open);
  if (!conv || state.pane !== 'conversation') return;
  const channel = conv.kind === 'channel';
  byId('channel-settings-button').hidden = !(channel && canModerate(conv));
  // Moderators reach the log from the channel settings; members see it here while it is public.
  byId('modlog-button').hidden = !(channel && conv.public_modlog === true && !canModerate(conv));
  renderComposerNotes();
}

// --- the sidebar -----------------------------------------------------------------------------------------------

/** The sidebar's moderation entries: the reports queue (with the number of open reports) and the audit log. */
export function renderModNav(): void {
  const nav = byId('mod-nav');
  nav.hidden = !handlesReports;
  if (!handlesReports) return;
  byId('audit-item').hidden = !isStaff();
  for (const [id, pane] of [
    ['reports-link', 'reports'],
    ['audit-link', 'audit'],
  ] as const) {
    const link = byId(id);
    if (state.pane === pane) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
  const count = openReportCount();
  const badge = byId('reports-badge');
  badge.hidden = count === 0;
  badge.textContent = count > 99 ? '99+' : String(count);
  const spoken = byId('reports-count');
  if (count) localize(spoken, 'mod-reports-open', { count });
  else spoken.textContent = '';
}

// --- frames ----------------------------------------------------------------------------------------------------

/** What the moderation frames change; called for every frame, after the conversation state took it. */
export function onModerationFrame(frame: ServerEvent): void {
  switch (frame.type) {
    case 'ready':
      void onReady(frame);
      break;
    case 'report':
      upsertReport(frame);
      break;
    case 'event':
      onEvent(frame);
      break;
    default:
      break;
  }
}

async function onReady(frame: Frame<'ready'>): Promise<void> {
  if (standingOf !== frame.user.id) {
    standingOf = frame.user.id;
    handlesReports = false;
    refusals.clear();
    myTimeouts.clear();
    forgetReports();
  }
  if (isStaff()) {
    handlesReports = true;
  } else {
    // Only staff and channel moderators may read the queue: its answer tells whether this person is one.
    try {
      await listReports(undefined, 1);
      handlesReports = true;
    } catch (error) {
      if (error instanceof ServerError && error.code === 'forbidden') handlesReports = false;
    }
  }
  renderModNav();
  renderModerationHead();
  if (handlesReports) await loadReports();
}

function onEvent(ev: EventFrame): void {
  const self = state.me?.id;
  if (ev.kind === 'member_timed_out' && ev.user === self) {
    myTimeouts.set(ev.global ? 'global' : ev.conversation, ev.until);
    scheduleExpiry();
  } else if (ev.kind === 'timeout_lifted' && ev.user === self) {
    // The event does not say which scope ended; a channel's own timeout first, else the one everywhere.
    if (!myTimeouts.delete(ev.conversation)) myTimeouts.delete('global');
  }
  if (ev.conversation === state.open) {
    renderComposerNotes();
    refreshPeoplePanel();
  }
}

/** Texts built by scripts, after names arrived or the language changed. */
export function rerenderModeration(): void {
  renderModNav();
  if (state.pane === 'reports') rerenderReports();
  if (state.pane === 'audit') rerenderAudit();
  if (state.pane === 'conversation') {
    renderComposerNotes();
    refreshPeoplePanel();
  }
}

export function wireModeration(): void {
  byId('composer').addEventListener('submit', clearRefusal);
  byId('messages').addEventListener('click', (event) => {
    const target = event.target instanceof Element ? event.target.closest('[data-action="retry"]') : null;
    if (target) clearRefusal();
  });
  byId('channel-settings-button').addEventListener('click', () => {
    const conv = state.open === null ? undefined : state.convs.get(state.open);
    if (conv) openChannelSettings(conv);
  });
  byId('modlog-button').addEventListener('click', () => {
    const conv = state.open === null ? undefined : state.convs.get(state.open);
    if (conv) openModlog(conv);
  });
  for (const id of ['reports-link', 'audit-link']) {
    const link = byId(id);
    link.addEventListener('click', () => {
      const hash = link.dataset.hash ?? '';
      if (location.hash !== hash) location.hash = hash;
    });
  }
  document.addEventListener('click', closeMessageMenuOnOutsideClick);
  // A language switch re-translates every data-l10n-id; texts with formatted arguments are rebuilt here.
  onLocaleChange(rerenderModeration);
}
