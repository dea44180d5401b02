// The helpers' side panel of a consultation: its internal notes (the `consultation_notes` conversation, which the
// person who asked never sees) and the canned replies, to insert into the composer or send at once. On wide
// screens it stands beside the conversation; on narrower ones it opens over it from the consultation bar.

import { act, describeFailure } from '../act';
import { consult, cannedText, helpsWith, loadCanned, present } from '../consult';
import { connection } from '../connection';
import { byId, closest, h } from '../dom';
import { OfflineError } from '../errors';
import { loadLatest } from '../history';
import { formatFullDateTime, formatTime, liveAttr, localize, t } from '../i18n';
import { newClientId, sendMessage } from '../outbox';
import { nameOf } from '../people';
import type { CannedReply, Consultation, ConversationId } from '../protocol';
import { me, newView, state, type Entry, type OutboxItem } from '../state';
import { composerInput, enterToSubmit } from './composer';
import { systemText } from './messages';
import { toast } from './toast';

const side = {
  /** The notes conversation the panel was built for. */
  builtFor: null as ConversationId | null,
  cannedLoading: false,
  filter: '',
};

function panel(): HTMLElement | null {
  return document.getElementById('consult-side');
}

/** The consultation the panel is for: the open one, when the person helps with it and knows its notes. */
function shownConsultation(): Consultation | undefined {
  if (state.pane !== 'conversation' || state.open === null) return undefined;
  const c = consult.byId.get(state.open);
  return c && c.notes && helpsWith(c) ? c : undefined;
}

export function toggleConsultSide(open?: boolean): void {
  const on = open ?? !document.body.classList.contains('consult-side-open');
  document.body.classList.toggle('consult-side-open', on);
  if (on) panel()?.querySelector<HTMLElement>('#consult-side-title')?.focus();
}

export function renderConsultSide(): void {
  const node = panel();
  if (!node) return;
  const c = shownConsultation();
  byId('chat').classList.toggle('has-consult-side', !!c);
  if (!c || !c.notes) {
    node.hidden = true;
    document.body.classList.remove('consult-side-open');
    return;
  }
  node.hidden = false;
  if (side.builtFor !== c.notes) build(c.notes);
  renderNotes(c.notes);
  renderCanned(c);
}

function build(notes: ConversationId): void {
  const node = panel();
  if (!node) return;
  side.builtFor = notes;
  side.filter = '';
  const input = h('textarea', {
    id: 'note-input',
    rows: 2,
    dir: 'auto',
    attrs: { 'aria-describedby': 'consult-notes-hint' },
  });
  input.placeholder = t('consult-note-placeholder');
  input.dataset.l10nPlaceholder = 'consult-note-placeholder';
  const form = h(
    'form',
    { className: 'note-composer' },
    localize(h('label', { htmlFor: 'note-input', className: 'visually-hidden' }), 'consult-note-label'),
    input,
    localize(h('button', { type: 'submit', className: 'small' }), 'consult-note-add'),
  );
  const submit = () => {
    const body = input.value;
    if (!body.trim()) return;
    sendMessage(notes, body, null);
    input.value = '';
    renderNotes(notes);
  };
  enterToSubmit(input, submit);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    submit();
    input.focus();
  });
  const filter = h('input', { type: 'search', id: 'canned-filter', autocomplete: 'off' });
  filter.dataset.l10nPlaceholder = 'consult-canned-filter';
  filter.placeholder = t('consult-canned-filter');
  filter.addEventListener('input', () => {
    side.filter = filter.value.trim().toLocaleLowerCase();
    const shown = shownConsultation();
    if (shown) renderCanned(shown);
  });
  node.replaceChildren(
    h(
      'div',
      { className: 'side-head' },
      localize(h('h2', { id: 'consult-side-title', tabIndex: -1 }), 'consult-side-title'),
      liveAttr(
        h('button', { type: 'button', className: 'quiet side-close', textContent: '×', data: { sideAction: 'close' } }),
        'aria-label',
        () => t('chat-close'),
      ),
    ),
    h(
      'section',
      { className: 'side-section notes', attrs: { 'aria-labelledby': 'consult-notes-title' } },
      localize(h('h3', { id: 'consult-notes-title' }), 'consult-notes'),
      localize(h('p', { className: 'hint', id: 'consult-notes-hint' }), 'consult-notes-hint'),
      h('ol', { className: 'notes-list', id: 'notes-list', attrs: { 'aria-live': 'polite', 'aria-labelledby': 'consult-notes-title' } }),
      form,
    ),
    h(
      'section',
      { className: 'side-section canned', attrs: { 'aria-labelledby': 'consult-canned-title' } },
      localize(h('h3', { id: 'consult-canned-title' }), 'consult-canned'),
      localize(h('label', { htmlFor: 'canned-filter', className: 'visually-hidden' }), 'consult-canned-filter'),
      filter,
      h('ul', { className: 'canned-list', id: 'canned-list' }),
    ),
  );
}

// --- notes ---------------------------------------------------------------------------------------------------------

function renderNotes(notes: ConversationId): void {
  const list = document.getElementById('notes-list');
  if (!list) return;
  let view = state.views.get(notes);
  if (!view && state.convs.has(notes)) {
    view = newView(notes);
    state.views.set(notes, view);
  }
  if (view && !view.loaded && !view.loading && connection.ready) {
    void loadLatest(view).then(() => {
      if (side.builtFor === notes) renderNotes(notes);
    });
  }
  const entries = view?.loaded ? view.entries : [];
  const pending = [...state.outbox.values()].filter((item) => item.conversation === notes);
  const stick = list.scrollHeight - list.scrollTop - list.clientHeight < 40;
  list.replaceChildren(
    ...entries.map(renderNote),
    ...pending.map(renderPendingNote),
    ...present(
      !entries.some((e) => e.kind === 'message') &&
        !pending.length &&
        !!view?.loaded &&
        localize(h('li', { className: 'hint notes-empty' }), 'consult-notes-empty'),
    ),
  );
  if (stick) list.scrollTop = list.scrollHeight;
  markNotesRead(notes);
}

function renderNote(entry: Entry): HTMLLIElement {
  if (entry.kind === 'system') return h('li', { className: 'system', textContent: systemText(entry.ev) });
  const msg = entry.msg;
  return h(
    'li',
    { className: 'note', data: { id: String(msg.id) } },
    h(
      'p',
      { className: 'meta' },
      h('bdi', { className: 'author', textContent: nameOf(msg.author) }),
      ' ',
      h('time', {
        textContent: formatTime(msg.created_at),
        dateTime: new Date(msg.created_at).toISOString(),
        title: formatFullDateTime(msg.created_at),
      }),
    ),
    msg.deleted
      ? localize(h('p', { className: 'message-body' }), 'event-message-deleted')
      : h('p', { className: 'message-body', dir: 'auto', lang: msg.lang, textContent: msg.body }),
  );
}

function renderPendingNote(item: OutboxItem): HTMLLIElement {
  const failed = item.status === 'failed';
  return h(
    'li',
    { className: 'note pending' },
    h(
      'p',
      { className: 'meta' },
      h('bdi', { className: 'author', textContent: me().display_name }),
      ' ',
      h('span', { className: failed ? 'failed' : 'sending', textContent: failed ? t('chat-not-sent', { error: item.error ?? '' }) : t('chat-sending') }),
    ),
    h('p', { className: 'message-body', dir: 'auto', textContent: item.body }),
  );
}

const notesMarked = new Map<ConversationId, number>();

/** The notes shown are read: move their marker (once per seq). */
function markNotesRead(notes: ConversationId): void {
  const conv = state.convs.get(notes);
  const view = state.views.get(notes);
  if (!conv || !view?.loaded || !connection.ready || document.visibilityState !== 'visible') return;
  const seq = view.asOf;
  if ((seq <= conv.read_seq && conv.unread === 0) || (notesMarked.get(notes) ?? 0) >= seq) return;
  notesMarked.set(notes, seq);
  connection.request({ type: 'mark_read', conversation: notes, seq }).catch((error: unknown) => {
    notesMarked.delete(notes);
    if (!(error instanceof OfflineError)) toast(describeFailure(error));
  });
}

// --- canned replies ------------------------------------------------------------------------------------------------

function renderCanned(c: Consultation): void {
  const list = document.getElementById('canned-list');
  if (!list) return;
  if (!consult.canned) {
    if (!side.cannedLoading) {
      side.cannedLoading = true;
      loadCanned()
        .catch((error: unknown) => toast(describeFailure(error)))
        .finally(() => {
          side.cannedLoading = false;
          const shown = shownConsultation();
          if (shown && consult.canned) renderCanned(shown);
        });
    }
    list.replaceChildren(localize(h('li', { className: 'hint' }), 'consult-loading'));
    return;
  }
  const replies = consult.canned.filter(
    (reply) =>
      (reply.topic === undefined || reply.topic === null || reply.topic === c.topic) &&
      (!side.filter ||
        reply.title.toLocaleLowerCase().includes(side.filter) ||
        cannedText(reply, c).toLocaleLowerCase().includes(side.filter)),
  );
  list.replaceChildren(
    ...(replies.length
      ? replies.map((reply) => renderCannedItem(reply, c))
      : [localize(h('li', { className: 'hint' }), consult.canned.length ? 'consult-canned-none' : 'consult-canned-empty')]),
  );
}

function renderCannedItem(reply: CannedReply, c: Consultation): HTMLLIElement {
  const text = cannedText(reply, c);
  const titleId = `canned-${reply.id}-title`;
  return h(
    'li',
    { className: 'canned-item', attrs: { 'aria-labelledby': titleId } },
    h('p', { className: 'canned-title', id: titleId, dir: 'auto', textContent: reply.title }),
    h('p', { className: 'canned-text', dir: 'auto', textContent: text }),
    h(
      'div',
      { className: 'row' },
      h('button', {
        type: 'button',
        className: 'small',
        textContent: t('consult-canned-insert'),
        data: { sideAction: 'insert', canned: String(reply.id) },
        attrs: { 'aria-describedby': titleId },
      }),
      h('button', {
        type: 'button',
        className: 'small quiet',
        textContent: t('consult-canned-send'),
        data: { sideAction: 'send', canned: String(reply.id) },
        attrs: { 'aria-describedby': titleId },
      }),
    ),
  );
}

function insertCanned(reply: CannedReply, c: Consultation): void {
  const input = composerInput();
  const text = cannedText(reply, c);
  input.value = input.value.trim() ? `${input.value.trimEnd()}\n${text}` : text;
  toggleConsultSide(false);
  input.focus();
  input.setSelectionRange(input.value.length, input.value.length);
}

async function sendCanned(reply: CannedReply, c: Consultation, button: HTMLButtonElement): Promise<void> {
  button.disabled = true;
  try {
    await act({ type: 'send_canned', consultation: c.id, canned: reply.id, client_id: newClientId() });
  } catch {
    // act() showed why
  } finally {
    button.disabled = false;
  }
}

export function wireConsultSide(): void {
  const chat = byId('chat');
  chat.addEventListener('click', (event) => {
    const button = closest(event.target, '#consult-side [data-side-action]');
    const c = shownConsultation();
    if (!button || !c) return;
    const action = button.dataset.sideAction;
    if (action === 'close') {
      toggleConsultSide(false);
      document.querySelector<HTMLElement>('#consult-bar [data-action="side"]')?.focus();
      return;
    }
    const reply = consult.canned?.find((r) => r.id === Number(button.dataset.canned));
    if (!reply) return;
    if (action === 'insert') insertCanned(reply, c);
    else if (action === 'send' && button instanceof HTMLButtonElement) void sendCanned(reply, c, button);
  });
  chat.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && document.body.classList.contains('consult-side-open') && closest(event.target, '#consult-side')) {
      toggleConsultSide(false);
      document.querySelector<HTMLElement>('#consult-bar [data-action="side"]')?.focus();
    }
  });
}
