// The helper console (#/console): the helper's availability (available, busy, away), their consultations in
// progress, the live queues of the topics they serve (`queue_item` frames on top of GET /queues) with "Take"
// (`claim_consultation`), and what they help with (topics, languages, capacity: PUT /helpers/me).

import { act, describeFailure } from '../act';
import {
  AVAILABILITIES,
  consult,
  helpsWith,
  isOpen,
  isStaff,
  languageName,
  loadQueues,
  loadTopics,
  sameLanguage,
  saveHelperProfile,
  topicLabel,
  upsertConsultation,
} from '../consult';
import { byId, closest, element, h } from '../dom';
import { listOf, liveText, localize, t } from '../i18n';
import { nameOf } from '../people';
import type { Availability, Consultation, QueueItem, TopicId } from '../protocol';
import { me, state } from '../state';
import { unreadBadge } from './badge';
import { splitList } from './browse';
import { consultUnread } from './consult-nav';
import { conversationHash, openInOwnWindow, showPane } from './panes';
import { toast } from './toast';

/** The waiting times shown move on: render again this often while the console shows. */
const TICK_MS = 30_000;

const console_ = {
  built: false,
  timer: undefined as number | undefined,
  saving: false,
};

function view(): HTMLElement {
  return byId('console-view');
}

export function showConsole(): void {
  // route() runs again after every reconnect: only moving to the pane moves the focus.
  const entering = state.pane !== 'console';
  showPane('console');
  build();
  fillSettings();
  renderConsole();
  // The queues may have changed while the console was not shown and frames were missed (a reconnect).
  if (consult.helper || isStaff()) {
    void loadQueues()
      .then(renderConsole)
      .catch((error: unknown) => toast(describeFailure(error)));
  }
  void loadTopics()
    .then(() => {
      fillSettings();
      renderConsole();
    })
    .catch((error: unknown) => toast(describeFailure(error)));
  window.clearInterval(console_.timer);
  console_.timer = window.setInterval(() => {
    if (state.pane !== 'console') window.clearInterval(console_.timer);
    else renderConsole();
  }, TICK_MS);
  const title = document.getElementById('console-title');
  if (title && entering) title.focus();
}

function build(): void {
  if (console_.built) return;
  console_.built = true;
  const radios = AVAILABILITIES.map((value) => {
    const id = `availability-${value}`;
    return h(
      'label',
      { className: `availability-option availability-${value}`, htmlFor: id },
      h('input', { type: 'radio', name: 'availability', id, value }),
      h('span', { className: 'consult-dot', attrs: { 'aria-hidden': 'true' } }),
      localize(h('span'), `helper-availability-${value}`),
    );
  });
  const settings = h(
    'form',
    { className: 'helper-settings', id: 'helper-settings' },
    h(
      'fieldset',
      {},
      localize(h('legend'), 'consult-settings-topics'),
      h('div', { className: 'topic-checks', id: 'helper-topics' }),
    ),
    localize(h('label', { htmlFor: 'helper-languages' }), 'consult-settings-languages'),
    h('input', {
      id: 'helper-languages',
      autocapitalize: 'none',
      spellcheck: false,
      attrs: { 'aria-describedby': 'helper-languages-hint' },
    }),
    localize(h('p', { className: 'hint', id: 'helper-languages-hint' }), 'auth-languages-hint'),
    localize(h('label', { htmlFor: 'helper-capacity' }), 'consult-capacity'),
    h('input', { id: 'helper-capacity', type: 'number', min: '1', max: '20', step: '1', attrs: { 'aria-describedby': 'helper-capacity-hint' } }),
    localize(h('p', { className: 'hint', id: 'helper-capacity-hint' }), 'consult-capacity-hint'),
    h('p', { className: 'form-error', attrs: { role: 'alert' } }),
    h('p', { className: 'hint saved', id: 'helper-saved', attrs: { role: 'status' } }),
    localize(h('button', { type: 'submit', className: 'primary' }), 'chat-save'),
  );
  view().replaceChildren(
    h(
      'div',
      { className: 'pane-head' },
      localize(h('button', { type: 'button', className: 'back quiet', data: { action: 'back' } }), 'chat-back'),
      localize(h('h2', { id: 'console-title', tabIndex: -1 }), 'consult-helper-console'),
    ),
    h(
      'div',
      { className: 'console-body' },
      h(
        'section',
        { className: 'card console-availability', attrs: { 'aria-labelledby': 'availability-title' } },
        localize(h('h3', { id: 'availability-title' }), 'consult-availability'),
        h('div', { className: 'availability-switch', attrs: { role: 'radiogroup', 'aria-labelledby': 'availability-title' } }, radios),
        h('p', { className: 'hint', id: 'helper-load', attrs: { role: 'status' } }),
      ),
      h(
        'section',
        { className: 'card console-mine', attrs: { 'aria-labelledby': 'console-mine-title' } },
        localize(h('h3', { id: 'console-mine-title' }), 'consult-my'),
        h('ul', { className: 'console-list', id: 'console-mine' }),
        localize(h('p', { className: 'hint' }), 'consult-switch-hint'),
      ),
      h(
        'section',
        { className: 'card console-queue', attrs: { 'aria-labelledby': 'console-queue-title' } },
        localize(h('h3', { id: 'console-queue-title' }), 'consult-queue'),
        h('div', { id: 'console-queues', attrs: { 'aria-live': 'polite', 'aria-relevant': 'additions' } }),
      ),
      h(
        'details',
        { className: 'card console-settings', id: 'console-settings' },
        localize(h('summary'), 'consult-settings'),
        settings,
      ),
    ),
  );
  view()
    .querySelector('[data-action="back"]')
    ?.addEventListener('click', () => {
      location.hash = '';
    });
  view().addEventListener('change', (event) => {
    const input = event.target;
    if (input instanceof HTMLInputElement && input.name === 'availability') void setAvailability(input.value as Availability);
  });
  settings.addEventListener('submit', (event) => {
    event.preventDefault();
    void saveSettings(settings);
  });
  view().addEventListener('click', (event) => {
    const claim = closest(event.target, '[data-claim]');
    if (claim instanceof HTMLButtonElement) void claimConsultation(Number(claim.dataset.claim), claim);
    const open = closest(event.target, '[data-open]');
    if (open) location.hash = conversationHash(Number(open.dataset.open));
    const own = closest(event.target, '[data-window]');
    if (own) openInOwnWindow(Number(own.dataset.window));
  });
}

/** Fills the settings form from the profile (when shown, and after saving: not while the person edits it). */
function fillSettings(): void {
  if (!console_.built) return;
  const helper = consult.helper;
  const topics = consult.topics ?? [];
  const chosen = new Set<TopicId>(helper?.topics ?? []);
  byId('helper-topics').replaceChildren(
    ...topics.map((topic) => {
      const id = `helper-topic-${topic.id}`;
      return h(
        'label',
        { className: 'check', htmlFor: id },
        h('input', { type: 'checkbox', id, value: String(topic.id), name: 'topics', checked: chosen.has(topic.id) }),
        // Not filled again on a language switch (that would drop what is being edited): the name follows alone.
        liveText(h('span'), () => topicLabel(topic.id)),
      );
    }),
  );
  element('helper-languages', HTMLInputElement).value = (helper?.languages ?? me().languages_spoken).join(', ');
  element('helper-capacity', HTMLInputElement).value = String(helper?.capacity ?? 3);
  // Nothing to see without topics: open the settings.
  element('console-settings', HTMLDetailsElement).open = !helper || helper.topics.length === 0;
}

export function renderConsole(): void {
  if (!console_.built || state.pane !== 'console') return;
  renderAvailability();
  renderMine();
  renderQueues();
}

function renderAvailability(): void {
  const helper = consult.helper;
  const current = helper?.availability ?? 'away';
  for (const input of view().querySelectorAll<HTMLInputElement>('input[name="availability"]')) {
    input.checked = input.value === current;
    input.closest('label')?.classList.toggle('checked', input.checked);
  }
  const load = byId('helper-load');
  if (helper) localize(load, 'consult-load', { load: helper.load, capacity: helper.capacity });
  else localize(load, 'consult-no-profile');
}

/** Replaces a list, keeping keyboard focus on the control with the same data attribute. */
function replaceList(list: HTMLElement, items: HTMLElement[]): void {
  const active = document.activeElement;
  const key =
    active instanceof HTMLElement && list.contains(active)
      ? active.dataset.claim !== undefined
        ? `[data-claim="${active.dataset.claim}"]`
        : active.dataset.open !== undefined
          ? `[data-open="${active.dataset.open}"]`
          : active.dataset.window !== undefined
            ? `[data-window="${active.dataset.window}"]`
            : null
      : null;
  list.replaceChildren(...items);
  if (key) (list.querySelector<HTMLElement>(key) ?? list.querySelector<HTMLElement>('button'))?.focus();
}

function renderMine(): void {
  const mine: Consultation[] = [...consult.byId.values()]
    .filter((c) => helpsWith(c) && isOpen(c) && state.convs.has(c.id))
    .sort((a, b) => a.queued_at - b.queued_at);
  const list = byId('console-mine');
  if (!mine.length) {
    replaceList(list, [localize(h('li', { className: 'hint' }), 'consult-my-empty')]);
    return;
  }
  replaceList(
    list,
    mine.map((c) => {
      const conv = state.convs.get(c.id);
      const unread = conv ? consultUnread(conv, c) : 0;
      const button = h(
        'button',
        { type: 'button', className: 'console-item', data: { open: String(c.id) } },
        h('span', { className: `consult-dot state-${c.state}`, attrs: { 'aria-hidden': 'true' } }),
        h(
          'span',
          { className: 'consult-item-text' },
          h('bdi', { className: 'conv-name', id: `console-mine-name-${c.id}`, textContent: nameOf(c.requester) }),
          h('span', {
            className: 'consult-item-meta',
            textContent: `${topicLabel(c.topic)} · ${t(`consultation-state-${c.state.replaceAll('_', '-')}`)}`,
          }),
          h('span', { className: 'consult-item-preview', dir: 'auto', textContent: c.preview }),
        ),
      );
      if (c.state === 'active' && !c.accepted) button.append(localize(h('span', { className: 'tag new' }), 'consult-new'));
      if (unread > 0) {
        button.classList.add('unread');
        button.append(...unreadBadge(unread));
      }
      if (c.id === state.open) button.setAttribute('aria-current', 'true');
      // The same consultation in a window of its own, beside this one (named by whom it is with).
      const own = localize(
        h('button', {
          type: 'button',
          className: 'small quiet console-window',
          data: { window: String(c.id) },
          attrs: { 'aria-describedby': `console-mine-name-${c.id}` },
        }),
        'consult-open-window',
      );
      return h('li', { className: 'console-mine-item' }, button, own);
    }),
  );
}

function servedTopics(): TopicId[] {
  if (!isStaff()) return consult.helper?.topics ?? [];
  const all = (consult.topics ?? []).map((topic) => topic.id);
  // Staff watch every queue; a staff member who also helps sees their own topics first.
  const own = consult.helper?.topics ?? [];
  return [...own, ...all.filter((id) => !own.includes(id))];
}

function renderQueues(): void {
  const box = byId('console-queues');
  const topics = servedTopics();
  if (!topics.length) {
    replaceList(box, [localize(h('p', { className: 'hint' }), 'consult-no-topics')]);
    return;
  }
  const byTopic = new Map<TopicId, QueueItem[]>();
  for (const item of consult.queue.values()) {
    const list = byTopic.get(item.topic) ?? [];
    list.push(item);
    byTopic.set(item.topic, list);
  }
  const groups = topics.map((topicId) => {
    const items = (byTopic.get(topicId) ?? []).sort((a, b) => a.queued_at - b.queued_at || a.consultation - b.consultation);
    const headingId = `queue-topic-${topicId}`;
    return h(
      'section',
      { className: 'queue-group', attrs: { 'aria-labelledby': headingId } },
      h(
        'h4',
        { id: headingId },
        h('span', { textContent: topicLabel(topicId) }),
        ' ',
        items.length ? h('span', { className: 'tag', textContent: t('consult-queue-count', { count: items.length }) }) : null,
      ),
      items.length
        ? h('ul', { className: 'queue-list' }, items.map(renderQueueItem))
        : localize(h('p', { className: 'hint' }), 'consult-queue-empty'),
    );
  });
  replaceList(box, groups);
}

function renderQueueItem(item: QueueItem): HTMLLIElement {
  const minutes = Math.max(0, Math.floor((Date.now() - item.queued_at) / 60_000));
  const speaks = consult.helper?.languages ?? me().languages_spoken;
  const fits = item.languages.some((lang) => speaks.some((mine) => sameLanguage(mine, lang)));
  const previewId = `queue-preview-${item.consultation}`;
  const topic = consult.topics?.find((x) => x.id === item.topic);
  return h(
    'li',
    { className: 'queue-item', data: { consultation: String(item.consultation) } },
    h(
      'div',
      { className: 'queue-item-text' },
      h(
        'p',
        { className: 'queue-item-meta' },
        h('span', { textContent: listOf(item.languages.map(languageName)) }),
        ' · ',
        h('span', { textContent: t('consult-waiting-for', { minutes }) }),
        fits ? null : [' ', localize(h('span', { className: 'tag' }), 'consult-not-your-language')],
      ),
      h('p', { className: 'queue-item-preview', id: previewId, dir: 'auto', lang: item.languages[0] ?? '', textContent: item.preview }),
    ),
    topic?.routing === 'auto'
      ? null
      : h('button', {
          type: 'button',
          className: fits ? 'primary small' : 'small',
          textContent: t('consult-claim'),
          data: { claim: String(item.consultation) },
          attrs: { 'aria-describedby': previewId },
        }),
  );
}

async function setAvailability(availability: Availability): Promise<void> {
  try {
    await act({ type: 'set_availability', availability });
    // The helper_status frame that follows updates the profile.
  } catch {
    renderAvailability(); // act() showed why; show the availability as it is
  }
}

async function saveSettings(form: HTMLFormElement): Promise<void> {
  if (console_.saving) return;
  const error = form.querySelector<HTMLElement>('.form-error');
  const saved = byId('helper-saved');
  saved.textContent = '';
  if (error) error.textContent = '';
  const topics = [...form.querySelectorAll<HTMLInputElement>('input[name="topics"]:checked')].map((i) => Number(i.value));
  const languages = splitList(element('helper-languages', HTMLInputElement).value);
  const capacity = Number(element('helper-capacity', HTMLInputElement).value);
  console_.saving = true;
  try {
    await saveHelperProfile({ topics, languages, capacity });
    localize(saved, 'consult-saved');
    await loadQueues();
  } catch (failure) {
    if (error) error.textContent = describeFailure(failure);
  } finally {
    console_.saving = false;
  }
  renderConsole();
}

async function claimConsultation(id: number, button: HTMLButtonElement): Promise<void> {
  button.disabled = true;
  try {
    const ack = await act({ type: 'claim_consultation', consultation: id });
    if ('consultation' in ack) {
      const c = upsertConsultation(ack.consultation);
      consult.queue.delete(c.id);
      location.hash = conversationHash(c.id);
    }
  } catch {
    button.disabled = false; // act() showed why (e.g. another helper took it first)
  }
}
