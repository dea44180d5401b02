// The bar a consultation's conversation shows under its head: its state, topic and people; for the person who
// asked, the place in the queue and the estimated wait (live, from `queue_position`), cancel, reopen and the rating;
// for its helpers, accept, hold, transfer and resolve. Closed consultations take no messages: the composer hides.

import { act, describeFailure } from '../act';
import { searchPeople } from '../api';
import { connection } from '../connection';
import {
  askedBy,
  consult,
  helpsWith,
  isClosed,
  languageName,
  loadConsultation,
  topicLabel,
  upsertConsultation,
} from '../consult';
import { byId, closest, element, h } from '../dom';
import { ServerError } from '../errors';
import { clearText, currentLocale, formatDateTime, listOf, localize, t, type L10nArgs } from '../i18n';
import { nameOf } from '../people';
import type { Consultation, ConversationId, TransferTarget } from '../protocol';
import { state } from '../state';
import type { AckFrame } from '../wire';
import { renderConsult } from './consult';
import { openInOwnWindow, solo } from './panes';
import { toggleConsultSide } from './consult-side';
import { toast } from './toast';

type Mode = 'resolve' | 'transfer' | 'rate' | null;

const bar = {
  /** The form open under the bar, and for which consultation. */
  mode: null as Mode,
  modeFor: null as ConversationId | null,
  /** What the form part was rendered for: it is rebuilt only when this changes, so drafts survive updates. */
  formKey: '',
  /** Consultations being read over HTTP (closed ones ready did not carry). */
  loading: new Set<ConversationId>(),
  busy: false,
};

function barElement(): HTMLElement | null {
  return document.getElementById('consult-bar');
}

const stateId = (c: Consultation) => `consultation-state-${c.state.replaceAll('_', '-')}`;

export function renderConsultBar(): void {
  const node = barElement();
  if (!node) return;
  const conv = state.open === null || state.pane !== 'conversation' ? undefined : state.convs.get(state.open);
  if (!conv || conv.kind !== 'consultation') {
    node.hidden = true;
    node.replaceChildren();
    bar.formKey = '';
    return;
  }
  node.hidden = false;
  const c = consult.byId.get(conv.id);
  if (!c) {
    node.replaceChildren(localize(h('p', { className: 'consult-status' }), 'consult-loading'));
    if (!bar.loading.has(conv.id)) {
      bar.loading.add(conv.id);
      loadConsultation(conv.id)
        .catch((error: unknown) => toast(describeFailure(error)))
        .finally(() => {
          bar.loading.delete(conv.id);
          renderConsult();
        });
    }
    return;
  }
  if (bar.modeFor !== c.id) {
    bar.mode = null;
    bar.modeFor = c.id;
  }
  // Closed consultations refuse messages (invalid_state): no composer, the bar says why.
  element('composer', HTMLFormElement).hidden = !conv.joined || isClosed(c) || (!askedBy(c) && !helpsWith(c));

  // The parts are replaced one by one, so that focus and a draft in a form survive the frequent updates (every
  // message re-renders the head; queue positions come every 5 seconds).
  let info = node.querySelector<HTMLElement>('.consult-info');
  let position = node.querySelector<HTMLElement>('.consult-position');
  let actions = node.querySelector<HTMLElement>('.consult-actions');
  let forms = node.querySelector<HTMLElement>('.consult-forms');
  if (!info || !position || !actions || !forms) {
    info = h('div', { className: 'consult-info' });
    position = h('p', { className: 'consult-position', attrs: { role: 'status', 'aria-live': 'polite' } });
    actions = h('div', { className: 'consult-actions' });
    forms = h('div', { className: 'consult-forms' });
    node.replaceChildren(info, position, actions, forms);
    bar.formKey = '';
  }
  info.replaceWith(renderStatus(c));
  renderPosition(position, c);
  replaceKeepingFocus(actions, renderActions(c));
  const key = formKey(c);
  if (key !== bar.formKey) {
    forms.replaceWith(h('div', { className: 'consult-forms' }, renderForm(c)));
    bar.formKey = key;
  }
}

/** Replaces a group of buttons, keeping keyboard focus on the button with the same action. */
function replaceKeepingFocus(old: HTMLElement, fresh: HTMLElement): void {
  const active = document.activeElement;
  const action = active instanceof HTMLElement && old.contains(active) ? active.dataset.action : undefined;
  old.replaceWith(fresh);
  if (action) fresh.querySelector<HTMLElement>(`[data-action="${CSS.escape(action)}"]`)?.focus();
}

function formKey(c: Consultation): string {
  return [c.id, c.state, bar.mode ?? '', c.rating ?? '', askedBy(c), helpsWith(c), currentLocale()].join('|');
}

// --- what it is --------------------------------------------------------------------------------------------------

function renderStatus(c: Consultation): HTMLElement {
  const lines: (HTMLElement | null)[] = [];
  const head = h(
    'p',
    { className: 'consult-status' },
    h('span', { className: `tag consult-state state-${c.state}`, textContent: t(stateId(c)) }),
    ' ',
    h('span', { className: 'consult-topic', textContent: topicLabel(c.topic) }),
  );
  if (askedBy(c)) {
    if (c.helpers.length) {
      head.append(' · ', h('span', { textContent: t('consult-helpers', { names: listOf(c.helpers.map(nameOf)) }) }));
    }
  } else {
    head.append(' · ', h('span', { textContent: t('consult-requester', { name: nameOf(c.requester) }) }));
    const langs = c.lang ? [c.lang] : c.languages;
    head.append(' · ', h('span', { textContent: t('consult-in-languages', { languages: listOf(langs.map(languageName)) }) }));
  }
  lines.push(head);

  if (c.state === 'active' && !c.accepted && helpsWith(c)) {
    lines.push(localize(h('p', { className: 'consult-hint' }), 'consult-assigned-hint'));
  }
  if (c.state === 'on_hold') lines.push(localize(h('p', { className: 'consult-hint' }), askedBy(c) ? 'consult-on-hold-requester' : 'consult-on-hold-helper'));
  if (c.state === 'resolved' && c.summary) {
    lines.push(
      h(
        'p',
        { className: 'consult-summary' },
        h('strong', { textContent: `${t('consult-summary')}: ` }),
        h('span', { dir: 'auto', textContent: c.summary }),
      ),
    );
  }
  if (c.rating !== undefined && c.rating !== null && !askedBy(c)) {
    lines.push(h('p', { className: 'consult-hint', textContent: t('consult-rated-by', { rating: c.rating }) }));
    if (c.rating_comment) lines.push(h('p', { className: 'consult-hint', dir: 'auto', textContent: c.rating_comment }));
  }
  if (isClosed(c)) {
    const until = c.reopen_until ?? null;
    const args: L10nArgs = {};
    if (askedBy(c) && until !== null && until > Date.now()) args.date = formatDateTime(until);
    lines.push(
      h('p', {
        className: 'consult-hint',
        textContent: t(args.date === undefined ? 'consult-closed' : 'consult-closed-reopen', args),
      }),
    );
  }
  return h('div', { className: 'consult-info' }, lines);
}

/** The place in the queue and the wait, for the person who asked: updated in place, so screen readers hear it. */
function renderPosition(node: HTMLElement, c: Consultation): void {
  if (c.state !== 'waiting' || !askedBy(c)) {
    node.hidden = true;
    node.textContent = '';
    return;
  }
  node.hidden = false;
  const frame = consult.positions.get(c.id);
  let text: string;
  if (frame) {
    const args: L10nArgs = { ...(frame.notice.args ?? {}), topic: topicLabel(c.topic) };
    const rendered = t(frame.notice.id, args);
    text = rendered === frame.notice.id ? frame.notice.text : rendered;
  } else {
    text = t('consult-position', { position: c.position ?? 1 });
  }
  const number = String(frame?.position ?? c.position ?? '');
  if (node.dataset.text === text && node.dataset.position === number) return;
  node.dataset.text = text;
  node.dataset.position = number;
  node.replaceChildren(
    h('span', { className: 'consult-position-number', textContent: number, attrs: { 'aria-hidden': 'true' } }),
    h('span', { className: 'consult-position-text', textContent: text }),
  );
}

// --- what one can do -----------------------------------------------------------------------------------------------

function actionButton(action: string, id: string, primary = false): HTMLButtonElement {
  const button = h('button', { type: 'button', className: primary ? 'primary small' : 'small', data: { action } });
  localize(button, id);
  if (bar.mode !== null && action === bar.mode) button.setAttribute('aria-expanded', 'true');
  else if (action === 'resolve' || action === 'transfer') button.setAttribute('aria-expanded', 'false');
  button.disabled = bar.busy;
  return button;
}

function renderActions(c: Consultation): HTMLElement {
  const buttons: HTMLElement[] = [];
  if (askedBy(c)) {
    if (!isClosed(c)) buttons.push(actionButton('cancel', 'consult-cancel'));
    const reopenable = (c.state === 'resolved' || c.state === 'cancelled') && (c.reopen_until ?? 0) > Date.now();
    if (reopenable) buttons.push(actionButton('reopen', 'consult-reopen'));
    if (c.state === 'resolved' && c.rating !== undefined && c.rating !== null && bar.mode !== 'rate') {
      buttons.push(actionButton('rate', 'consult-rate-change'));
    }
  }
  if (helpsWith(c)) {
    if (c.state === 'active' && !c.accepted) buttons.push(actionButton('accept', 'consult-accept', true));
    if (c.state === 'active') buttons.push(actionButton('hold', 'consult-hold'));
    if (c.state === 'active' || c.state === 'on_hold') {
      buttons.push(actionButton('transfer', 'consult-transfer'), actionButton('resolve', 'consult-resolve'));
    }
    const side = actionButton('side', 'consult-side-title');
    side.classList.add('consult-side-toggle');
    side.setAttribute('aria-controls', 'consult-side');
    side.setAttribute('aria-expanded', String(document.body.classList.contains('consult-side-open')));
    buttons.push(side);
    if (!solo) buttons.push(actionButton('window', 'consult-open-window'));
  }
  return h('div', { className: 'consult-actions' }, buttons);
}

function renderForm(c: Consultation): HTMLElement | null {
  if (askedBy(c) && c.state === 'resolved' && (c.rating === undefined || c.rating === null || bar.mode === 'rate')) {
    return rateForm(c);
  }
  if (askedBy(c) && c.state === 'resolved') {
    return h('p', { className: 'consult-rated', textContent: t('consult-rated', { rating: c.rating ?? 0 }) });
  }
  if (helpsWith(c) && bar.mode === 'resolve') return resolveForm(c);
  if (helpsWith(c) && bar.mode === 'transfer') return transferForm(c);
  return null;
}

function rateForm(c: Consultation): HTMLFormElement {
  const stars = [1, 2, 3, 4, 5].map((n) => {
    const id = `rate-${n}`;
    return [
      h('input', {
        type: 'radio',
        name: 'rating',
        id,
        value: String(n),
        className: 'star-input',
        checked: c.rating === n,
        required: true,
      }),
      h(
        'label',
        { htmlFor: id, className: 'star', data: { n: String(n) }, title: t('consult-stars', { rating: n }) },
        h('span', { textContent: '★', attrs: { 'aria-hidden': 'true' } }),
        h('span', { className: 'visually-hidden', textContent: t('consult-stars', { rating: n }) }),
      ),
    ];
  });
  const form = h(
    'form',
    { className: 'consult-form consult-rate', noValidate: true },
    h('fieldset', { className: 'stars' }, localize(h('legend'), 'consult-rate'), h('div', { className: 'star-row' }, stars)),
    localize(h('label', { htmlFor: 'rate-comment' }), 'consult-rating-comment'),
    h('textarea', { id: 'rate-comment', name: 'comment', rows: 2, maxLength: 1000, dir: 'auto', value: c.rating_comment ?? '' }),
    h('p', { className: 'form-error', attrs: { role: 'alert' } }),
    h(
      'div',
      { className: 'row' },
      localize(h('button', { type: 'submit', className: 'primary' }), 'consult-rate-send'),
      bar.mode === 'rate' ? localize(h('button', { type: 'button', data: { action: 'close-form' } }), 'chat-cancel') : null,
    ),
  );
  const light = () => {
    const value = Number(form.querySelector<HTMLInputElement>('input[name="rating"]:checked')?.value ?? 0);
    for (const star of form.querySelectorAll<HTMLElement>('.star')) {
      star.classList.toggle('lit', Number(star.dataset.n) <= value);
    }
  };
  form.addEventListener('change', light);
  light();
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const rating = Number(form.querySelector<HTMLInputElement>('input[name="rating"]:checked')?.value ?? 0);
    const comment = element('rate-comment', HTMLTextAreaElement).value.trim();
    const error = form.querySelector<HTMLElement>('.form-error');
    if (!rating) {
      if (error) localize(error, 'consult-rating-required');
      form.querySelector<HTMLInputElement>('input[name="rating"]')?.focus();
      return;
    }
    void run(form, act({ type: 'rate_consultation', consultation: c.id, rating, comment }));
  });
  return form;
}

function resolveForm(c: Consultation): HTMLFormElement {
  const form = h(
    'form',
    { className: 'consult-form' },
    localize(h('label', { htmlFor: 'resolve-summary' }), 'consult-summary'),
    h('textarea', {
      id: 'resolve-summary',
      rows: 3,
      maxLength: 2000,
      dir: 'auto',
      attrs: { 'aria-describedby': 'resolve-summary-hint' },
    }),
    localize(h('p', { className: 'hint', id: 'resolve-summary-hint' }), 'consult-summary-hint'),
    h('p', { className: 'form-error', attrs: { role: 'alert' } }),
    h(
      'div',
      { className: 'row' },
      localize(h('button', { type: 'submit', className: 'primary' }), 'consult-resolve'),
      localize(h('button', { type: 'button', data: { action: 'close-form' } }), 'chat-cancel'),
    ),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const summary = element('resolve-summary', HTMLTextAreaElement).value.trim();
    void run(form, act({ type: 'resolve_consultation', consultation: c.id, summary }));
  });
  return form;
}

function transferForm(c: Consultation): HTMLFormElement {
  const target = h(
    'select',
    { id: 'transfer-to' },
    localize(h('option', { value: 'queue' }), 'consult-transfer-queue'),
    (consult.topics ?? [])
      .filter((topic) => topic.id !== c.topic && topic.active)
      .map((topic) =>
        h('option', { value: `topic:${topic.id}`, textContent: t('consult-transfer-topic', { topic: topicLabel(topic.id) }) }),
      ),
    localize(h('option', { value: 'helper' }), 'consult-transfer-helper'),
  );
  const helperRow = h(
    'div',
    { hidden: true },
    localize(h('label', { htmlFor: 'transfer-helper' }), 'consult-transfer-username'),
    h('input', { id: 'transfer-helper', autocapitalize: 'none', spellcheck: false, autocomplete: 'off' }),
  );
  target.addEventListener('change', () => {
    helperRow.hidden = target.value !== 'helper';
  });
  const form = h(
    'form',
    { className: 'consult-form' },
    localize(h('label', { htmlFor: 'transfer-to' }), 'consult-transfer-to'),
    target,
    helperRow,
    localize(h('label', { htmlFor: 'transfer-note' }), 'consult-transfer-note'),
    h('textarea', { id: 'transfer-note', rows: 2, maxLength: 2000, dir: 'auto', attrs: { 'aria-describedby': 'transfer-note-hint' } }),
    localize(h('p', { className: 'hint', id: 'transfer-note-hint' }), 'consult-notes-hint'),
    h('p', { className: 'form-error', attrs: { role: 'alert' } }),
    h(
      'div',
      { className: 'row' },
      localize(h('button', { type: 'submit', className: 'primary' }), 'consult-transfer'),
      localize(h('button', { type: 'button', data: { action: 'close-form' } }), 'chat-cancel'),
    ),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void transfer(form, c, target.value);
  });
  return form;
}

async function transfer(form: HTMLFormElement, c: Consultation, choice: string): Promise<void> {
  const error = form.querySelector<HTMLElement>('.form-error');
  const note = element('transfer-note', HTMLTextAreaElement).value.trim();
  let to: TransferTarget = 'queue';
  if (choice.startsWith('topic:')) to = { topic: Number(choice.slice('topic:'.length)) };
  if (choice === 'helper') {
    const name = element('transfer-helper', HTMLInputElement).value.trim();
    const people = name ? await searchPeople(name).catch(() => []) : [];
    const person = people.find((p) => p.username.toLowerCase() === name.toLowerCase()) ?? (people.length === 1 ? people[0] : undefined);
    if (!person) {
      if (error) localize(error, 'chat-no-people');
      document.getElementById('transfer-helper')?.focus();
      return;
    }
    to = { helper: person.id };
  }
  try {
    await run(form, connection.request({ type: 'transfer_consultation', consultation: c.id, to, note }), true);
  } catch {
    // shown in the form
  }
}

/**
 * Runs one consultation request from a form: the answer's consultation is kept and the form closes; a refusal
 * shows in the form. A transfer that takes the helper off the consultation is answered `not_found` although it
 * was applied (docs/protocol.md, "Consultation requests"): that counts as done.
 */
async function run(form: HTMLFormElement, request: Promise<AckFrame>, notFoundIsDone = false): Promise<void> {
  const error = form.querySelector<HTMLElement>('.form-error');
  if (error) clearText(error);
  bar.busy = true;
  for (const button of form.querySelectorAll('button')) button.disabled = true;
  try {
    const ack = await request;
    if ('consultation' in ack) upsertConsultation(ack.consultation);
    bar.mode = null;
  } catch (failure) {
    if (!(notFoundIsDone && failure instanceof ServerError && failure.code === 'not_found')) {
      if (error) clearText(error, describeFailure(failure));
      for (const button of form.querySelectorAll('button')) button.disabled = false;
      bar.busy = false;
      return;
    }
    bar.mode = null;
  }
  bar.busy = false;
  renderConsult();
}

async function simple(c: Consultation, action: string): Promise<void> {
  const id = c.id;
  let request: Promise<AckFrame>;
  switch (action) {
    case 'cancel':
      if (!confirm(t('consult-cancel-confirm'))) return;
      request = act({ type: 'cancel_consultation', consultation: id });
      break;
    case 'reopen':
      request = act({ type: 'reopen_consultation', consultation: id });
      break;
    case 'accept':
      request = act({ type: 'accept_consultation', consultation: id });
      break;
    case 'hold':
      request = act({ type: 'hold_consultation', consultation: id });
      break;
    default:
      return;
  }
  bar.busy = true;
  renderConsultBar();
  try {
    const ack = await request;
    if ('consultation' in ack) upsertConsultation(ack.consultation);
  } catch {
    // act() showed why
  }
  bar.busy = false;
  renderConsult();
}

export function wireConsultBar(): void {
  byId('chat').addEventListener('click', (event) => {
    const button = closest(event.target, '#consult-bar [data-action]');
    const id = state.open;
    const c = id === null ? undefined : consult.byId.get(id);
    if (!button || !c) return;
    const action = button.dataset.action ?? '';
    if (action === 'window') {
      openInOwnWindow(c.id);
      return;
    }
    if (action === 'side') {
      toggleConsultSide();
      renderConsultBar();
      return;
    }
    if (action === 'resolve' || action === 'transfer' || action === 'rate') {
      bar.mode = bar.mode === action ? null : action;
      renderConsultBar();
      const first = barElement()?.querySelector<HTMLElement>('.consult-forms textarea, .consult-forms select, .consult-forms input');
      if (bar.mode) first?.focus();
      return;
    }
    if (action === 'close-form') {
      const was = bar.mode;
      bar.mode = null;
      renderConsultBar();
      if (was) barElement()?.querySelector<HTMLElement>(`[data-action="${was}"]`)?.focus();
      return;
    }
    void simple(c, action);
  });
  byId('chat').addEventListener('keydown', (event) => {
    if (event.key !== 'Escape' || !closest(event.target, '#consult-bar .consult-form') || bar.mode === null) return;
    const was = bar.mode;
    bar.mode = null;
    renderConsultBar();
    barElement()?.querySelector<HTMLElement>(`[data-action="${was}"]`)?.focus();
  });
}
