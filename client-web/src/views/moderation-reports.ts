// The reports queue (#/reports) for staff and channel moderators: the reports loaded with GET /api/v1/reports and
// kept up to date by live `report` frames (each carries the whole report, so the list is a map by id). A moderator
// reviews (claims) a report, takes action (resolve, optionally with a moderation action taken in the same step),
// dismisses it, or adds notes for the other moderators.

import { describeFailure } from '../act';
import { byId, element, h, type Child } from '../dom';
import { formatDateTime, formatFullDateTime, t, type Text } from '../i18n';
import { nameOf } from '../people';
import { presenceDot } from '../presence';
import type { ConversationSummary, ModAction, Report, ReportState } from '../protocol';
import { state } from '../state';
import { claimReport, dismissReport, getConversation, listReports, noteReport, resolveReport } from './moderation-api';
import { BANS, TIMEOUTS } from './moderation-actions';
import { durationSelect, field, openDialog, quote, radios, reasonBox } from './moderation-dialog';
import { isStaff, renderModNav } from './moderation';
import { conversationHash, showPane } from './panes';
import { convName } from './sidebar';
import { toast } from './toast';

/** The most reports one load asks for (the server allows 500). */
const LOAD_LIMIT = 200;

type Filter = 'active' | 'closed' | 'all';

const reports = new Map<number, Report>();
let loaded = false;
/** Conversations the person is not in, looked up once for the reports about them (a channel, or not visible). */
const foreign = new Map<number, ConversationSummary | null>();

const ACTIVE: readonly ReportState[] = ['open', 'claimed'];

export function forgetReports(): void {
  reports.clear();
  foreign.clear();
  loaded = false;
}

export function openReportCount(): number {
  let count = 0;
  for (const report of reports.values()) if (report.state === 'open') count += 1;
  return count;
}

/** Loads the queue (at ready, and when the pane opens). */
export async function loadReports(): Promise<void> {
  try {
    const list = await listReports(undefined, LOAD_LIMIT);
    for (const report of list) reports.set(report.id, report);
    loaded = true;
  } catch (error) {
    if (state.pane === 'reports') toast(describeFailure(error));
    return;
  }
  renderModNav();
  if (state.pane === 'reports') rerenderReports();
}

/** A `report` frame, or a report an answer returned: replaces what we held. */
export function upsertReport(report: Report): void {
  const { type: _type, ...plain } = report as Report & { type?: string };
  reports.set(plain.id, plain);
  renderModNav();
  if (state.pane === 'reports') rerenderReports();
}

export async function showReports(): Promise<void> {
  showPane('reports');
  renderModNav();
  rerenderReports();
  byId('reports-title').focus();
  await loadReports();
}

function filter(): Filter {
  const value = element('reports-filter', HTMLSelectElement).value;
  return value === 'closed' || value === 'all' ? value : 'active';
}

function shown(report: Report, which: Filter): boolean {
  if (which === 'all') return true;
  return ACTIVE.includes(report.state) === (which === 'active');
}

/** Open and claimed ones oldest first (first come, first served), then closed ones newest first. */
function order(a: Report, b: Report): number {
  const activeA = ACTIVE.includes(a.state);
  const activeB = ACTIVE.includes(b.state);
  if (activeA !== activeB) return activeA ? -1 : 1;
  return activeA ? a.created_at - b.created_at : b.created_at - a.created_at;
}

export function rerenderReports(): void {
  const list = byId('reports-list');
  const which = filter();
  const items = [...reports.values()].filter((r) => shown(r, which)).sort(order);
  // Keep keyboard focus on the same control of the same report across re-renders.
  const active = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  const focusKey = active && list.contains(active) ? focusKeyOf(active) : null;
  list.replaceChildren(...items.map(renderReport));
  byId('reports-empty').hidden = !loaded || items.length > 0;
  if (focusKey) list.querySelector<HTMLElement>(focusKey)?.focus();
}

function focusKeyOf(node: HTMLElement): string | null {
  const card = node.closest<HTMLElement>('[data-report]');
  const action = node.dataset.action;
  if (!card?.dataset.report) return null;
  const base = `[data-report="${card.dataset.report}"]`;
  return action ? `${base} [data-action="${action}"]` : base;
}

function person(id: number): Child[] {
  return [presenceDot(id), ' ', h('bdi', { className: 'author', textContent: nameOf(id) })];
}

/** "Reported by", "About"…, followed by a person. */
function line(id: string, ...children: Child[]): HTMLElement {
  return h('p', { className: 'report-line' }, h('span', { textContent: t(id) }), ' ', children);
}

function renderReport(report: Report): HTMLLIElement {
  const titleId = `report-${report.id}-title`;
  const card = h('li', {
    className: `report-card state-${report.state}`,
    data: { report: String(report.id) },
    attrs: { 'aria-labelledby': titleId },
  });
  card.append(
    h(
      'div',
      { className: 'report-head' },
      h('h3', { id: titleId, textContent: t(`report-category-${report.category}`) }),
      h('span', { className: `tag state ${report.state}`, textContent: t(`report-state-${report.state}`) }),
      h('time', {
        textContent: formatDateTime(report.created_at),
        dateTime: new Date(report.created_at).toISOString(),
        title: formatFullDateTime(report.created_at),
      }),
    ),
  );
  card.append(
    report.reporter === 0
      ? h('p', { className: 'report-line', textContent: t('mod-report-automod') })
      : line('mod-report-by', person(report.reporter)),
    line('mod-report-about', person(report.target_user)),
  );
  if (report.snapshot) {
    const where = report.conversation ? state.convs.get(report.conversation) : undefined;
    const meta: Child[] = [
      ...person(report.snapshot.author),
      ' ',
      h('time', { textContent: formatDateTime(report.snapshot.created_at) }),
    ];
    if (where) meta.push(' · ', h('bdi', { textContent: convName(where) }));
    card.append(quote(meta, report.snapshot.body, report.snapshot.lang));
    if (where?.joined && report.conversation) {
      card.append(
        h('a', {
          className: 'report-link',
          href: conversationHash(report.conversation),
          textContent: t('mod-report-open-conversation'),
        }),
      );
    }
  }
  if (report.note) {
    card.append(
      h(
        'div',
        { className: 'report-note' },
        h('p', { className: 'hint', textContent: t('mod-report-reporter-note') }),
        h('p', { className: 'message-body', dir: 'auto', textContent: report.note }),
      ),
    );
  }
  if (report.claimed_by && report.state === 'claimed') card.append(line('mod-report-claimed-by', person(report.claimed_by)));
  if (report.resolved_by) {
    card.append(line('mod-report-closed-by', person(report.resolved_by)));
    if (report.resolution) card.append(h('p', { className: 'message-body resolution', dir: 'auto', textContent: report.resolution }));
  }
  const notes = report.notes ?? [];
  if (notes.length) {
    card.append(
      h('p', { className: 'hint', textContent: t('mod-report-notes') }),
      h(
        'ul',
        { className: 'report-notes' },
        notes.map((note) =>
          h(
            'li',
            {},
            h('p', { className: 'meta' }, person(note.author), ' ', h('time', { textContent: formatDateTime(note.at) })),
            h('p', { className: 'message-body', dir: 'auto', textContent: note.body }),
          ),
        ),
      ),
    );
  }
  card.append(renderActions(report));
  return card;
}

function renderActions(report: Report): HTMLElement {
  const button = (action: string, id: string, run: (b: HTMLButtonElement) => void, primary = false) => {
    const b = h('button', { type: 'button', className: primary ? 'primary small' : 'small', textContent: t(id), data: { action } });
    b.addEventListener('click', () => run(b));
    return b;
  };
  const active = ACTIVE.includes(report.state);
  return h(
    'div',
    { className: 'actions report-actions' },
    report.state === 'open' && button('claim', 'mod-claim', (b) => void claim(report, b)),
    active && button('resolve', 'mod-resolve', () => void openResolveDialog(report), true),
    active && button('dismiss', 'mod-dismiss', () => openDismissDialog(report)),
    button('note', 'mod-add-note', () => openNoteDialog(report)),
  );
}

async function claim(report: Report, button: HTMLButtonElement): Promise<void> {
  button.disabled = true;
  try {
    upsertReport(await claimReport(report.id));
  } catch (error) {
    toast(describeFailure(error));
    button.disabled = false;
  }
}

function returnTo(report: Report, action: string): () => HTMLElement | null {
  return () =>
    byId('reports-list').querySelector<HTMLElement>(`[data-report="${report.id}"] [data-action="${action}"]`) ??
    byId('reports-title');
}

/** The report's conversation as the person may see it: one of theirs, or a channel they can find; null: neither. */
async function conversationOf(report: Report): Promise<ConversationSummary | null> {
  const id = report.conversation;
  if (id === undefined || id === null) return null;
  const mine = state.convs.get(id);
  if (mine) return mine;
  if (!foreign.has(id)) {
    try {
      foreign.set(id, await getConversation(id));
    } catch {
      foreign.set(id, null); // a direct, group or consultation conversation staff are not in
    }
  }
  return foreign.get(id) ?? null;
}

type Choice = 'none' | 'delete' | 'timeout' | 'ban';

async function openResolveDialog(report: Report): Promise<void> {
  const conv = await conversationOf(report);
  // In a channel, the sanction applies there; elsewhere only staff may act, everywhere.
  const inChannel = conv?.kind === 'channel';
  const canSanction = inChannel || isStaff();
  const choices: { value: Choice; label: Text }[] = [{ value: 'none', label: () => t('mod-resolve-none') }];
  if (report.message) choices.push({ value: 'delete', label: () => t('mod-delete') });
  if (canSanction) {
    const user = nameOf(report.target_user);
    choices.push(
      { value: 'timeout', label: () => t('mod-timeout-title', { user }) },
      { value: 'ban', label: () => t(inChannel ? 'mod-ban-title' : 'mod-ban-everywhere-title', { user }) },
    );
  }
  const group = radios<Choice>('mod-resolve-action', choices, 'none');
  const timeout = durationSelect(TIMEOUTS, 600);
  const ban = durationSelect(BANS, 0, [{ value: '0', label: () => t('mod-ban-until-lifted') }]);
  const timeoutRow = field('mod-timeout-duration', timeout);
  const banRow = field('mod-timeout-duration', ban);
  const sync = (choice: Choice) => {
    timeoutRow.hidden = choice !== 'timeout';
    banRow.hidden = choice !== 'ban';
  };
  sync('none');
  group.onChange(sync);
  const note = reasonBox('mod-resolve-note', 'mod-reason-hint');
  openDialog(
    {
      title: () => t('mod-resolve-title'),
      submitLabel: () => t('mod-resolve'),
      returnFocus: returnTo(report, 'resolve'),
      onSubmit: async () => {
        const where = inChannel && conv ? { conversation: conv.id } : {};
        let action: ModAction | null = null;
        const choice = group.value();
        if (choice === 'delete' && report.message) action = { kind: 'delete_message', message: report.message };
        if (choice === 'timeout') {
          action = { kind: 'timeout', user: report.target_user, seconds: Number(timeout.value), ...where };
        }
        if (choice === 'ban') {
          const seconds = Number(ban.value);
          action = { kind: 'ban', user: report.target_user, ...(seconds > 0 ? { seconds } : {}), ...where };
        }
        const resolution = { note: note.area.value.trim(), ...(action ? { action } : {}) };
        upsertReport(await resolveReport(report.id, resolution));
      },
    },
    group.fieldset,
    timeoutRow,
    banRow,
    note.row,
  );
}

function openDismissDialog(report: Report): void {
  const note = reasonBox('mod-resolve-note', 'mod-reason-hint');
  openDialog(
    {
      title: () => t('mod-dismiss-title'),
      submitLabel: () => t('mod-dismiss'),
      returnFocus: returnTo(report, 'dismiss'),
      onSubmit: async () => upsertReport(await dismissReport(report.id, note.area.value.trim())),
    },
    note.row,
  );
}

function openNoteDialog(report: Report): void {
  const note = reasonBox('mod-note-body', undefined, true);
  openDialog(
    {
      title: () => t('mod-add-note'),
      submitLabel: () => t('mod-add-note'),
      returnFocus: returnTo(report, 'note'),
      onSubmit: async () => upsertReport(await noteReport(report.id, note.area.value.trim())),
    },
    note.row,
  );
}

export function wireReports(): void {
  element('reports-filter', HTMLSelectElement).addEventListener('change', rerenderReports);
}
