// The audit log (#/audit, staff; GET /api/v1/audit) and the lines of a channel's moderation log: who did what to
// whom, when and why, newest first, with older pages on request.

import { describeFailure } from '../act';
import { byId, element, h, type Child } from '../dom';
import { formatDateTime, formatFullDateTime, t } from '../i18n';
import { nameOf } from '../people';
import type { AuditEntry, ModLogEntry } from '../protocol';
import { state } from '../state';
import { listAudit } from './moderation-api';
import { renderModNav } from './moderation';
import { showPane } from './panes';
import { convName } from './sidebar';
import { toast } from './toast';

/** Entries per page. */
const PAGE = 100;

let entries: AuditEntry[] = [];
let hasMore = false;
let loading = false;

/** An action's label ("Timed out"), or the action itself for one this client has no text for. */
export function actionLabel(action: string): string {
  const id = `mod-audit-action-${action.replace(/[._]/g, '-')}`;
  const text = t(id);
  return text === id ? action : text;
}

function when(ms: number): HTMLTimeElement {
  return h('time', {
    textContent: formatDateTime(ms),
    dateTime: new Date(ms).toISOString(),
    title: formatFullDateTime(ms),
  });
}

function personName(id: number): HTMLElement {
  return h('bdi', { className: 'author', textContent: nameOf(id) });
}

function targetOf(entry: AuditEntry): Child {
  const id = entry.target_id;
  switch (entry.target_kind) {
    case 'user':
      return personName(id);
    case 'conversation': {
      const conv = state.convs.get(id);
      return h('bdi', { textContent: conv ? convName(conv) : t('mod-audit-target-conversation', { id }) });
    }
    case 'message':
    case 'report':
    case 'consultation':
      return id ? t(`mod-audit-target-${entry.target_kind}`, { id }) : null;
    case 'automod_rule':
      return t('mod-audit-target-automod-rule', { id });
    default:
      return `${entry.target_kind} ${id}`;
  }
}

/** One line of a log: when, who, what, on whom or what, and why. */
function logLine(at: number, actor: number, action: string, target: Child, reason: string | undefined): HTMLLIElement {
  return h(
    'li',
    { className: 'audit-entry' },
    h(
      'p',
      { className: 'audit-what' },
      when(at),
      ' ',
      personName(actor),
      ' ',
      h('span', { className: 'audit-action', data: { action }, textContent: actionLabel(action) }),
      target ? [' ', h('span', { className: 'audit-target' }, target)] : null,
    ),
    reason ? h('p', { className: 'audit-reason', dir: 'auto', textContent: t('mod-audit-reason', { reason }) }) : null,
  );
}

export function renderAuditEntry(entry: AuditEntry): HTMLLIElement {
  return logLine(entry.at, entry.actor, entry.action, targetOf(entry), entry.reason);
}

export function renderModlogEntry(entry: ModLogEntry): HTMLLIElement {
  let target: Child = null;
  if (entry.user !== undefined && entry.user !== null) target = personName(entry.user);
  else if (entry.message !== undefined && entry.message !== null) target = t('mod-audit-target-message', { id: entry.message });
  return logLine(entry.at, entry.actor, entry.action, target, entry.reason);
}

function family(): string {
  return element('audit-filter', HTMLSelectElement).value;
}

async function load(older: boolean): Promise<void> {
  if (loading) return;
  loading = true;
  const button = element('audit-older', HTMLButtonElement);
  button.disabled = true;
  try {
    const before = older && entries.length ? Math.min(...entries.map((e) => e.id)) : undefined;
    const action = family();
    const page = await listAudit({ ...(action ? { action } : {}), ...(before !== undefined ? { before } : {}), limit: PAGE });
    entries = older ? [...entries, ...page] : page;
    hasMore = page.length === PAGE;
  } catch (error) {
    toast(describeFailure(error));
  } finally {
    loading = false;
    button.disabled = false;
  }
  if (state.pane === 'audit') rerenderAudit();
}

export async function showAudit(): Promise<void> {
  showPane('audit');
  renderModNav();
  rerenderAudit();
  byId('audit-title').focus();
  await load(false);
}

export function rerenderAudit(): void {
  byId('audit-list').replaceChildren(...entries.map(renderAuditEntry));
  byId('audit-empty').hidden = loading || entries.length > 0;
  byId('audit-older').hidden = !hasMore;
}

export function wireAudit(): void {
  element('audit-filter', HTMLSelectElement).addEventListener('change', () => {
    entries = [];
    void load(false);
  });
  element('audit-older', HTMLButtonElement).addEventListener('click', () => void load(true));
}
