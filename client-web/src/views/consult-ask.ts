// Asking for help (#/help): pick a topic and the languages one can be helped in, see at once whether someone who
// fits is available (`check_availability`), write the first message and send it (`open_consultation`). The request
// then opens as a conversation, where the consultation bar shows the place in the queue.

import { act, describeFailure } from '../act';
import { connection } from '../connection';
import { consult, languageLabel, loadTopics, present, sameLanguage, upsertConsultation } from '../consult';
import { byId, h } from '../dom';
import { clearText, currentLocale, localize, shippedLocales, t, type L10nArgs } from '../i18n';
import { newClientId } from '../outbox';
import type { HoursRange, Topic, TopicId } from '../protocol';
import { me, state } from '../state';
import type { Frame } from '../wire';
import { conversationHash, showPane } from './panes';

/** Availability changes as helpers come and go: ask again this often while the form shows. */
const RECHECK_MS = 30_000;

interface AskState {
  built: boolean;
  /** The answer shown, for the topic and languages it was asked for. */
  answer: Frame<'availability'> | null;
  checking: boolean;
  failed: string | null;
  /** Answers to older questions are dropped. */
  asked: number;
  /** Kept until the request is stored, so that sending again after a lost answer does not open a second one. */
  clientId: string | null;
  sending: boolean;
  timer: number | undefined;
}

const ask: AskState = {
  built: false,
  answer: null,
  checking: false,
  failed: null,
  asked: 0,
  clientId: null,
  sending: false,
  timer: undefined,
};

function view(): HTMLElement {
  return byId('ask-view');
}

function form(): HTMLFormElement {
  const node = view().querySelector('form');
  if (!(node instanceof HTMLFormElement)) throw new Error('the ask form is missing');
  return node;
}

export function showAsk(): void {
  // route() runs again after every reconnect: only moving to the pane moves the focus.
  const entering = state.pane !== 'ask';
  showPane('ask');
  build();
  fillLanguages();
  void fillTopics().then(checkAvailability);
  window.clearInterval(ask.timer);
  ask.timer = window.setInterval(() => {
    if (state.pane !== 'ask') window.clearInterval(ask.timer);
    else void checkAvailability();
  }, RECHECK_MS);
  const title = document.getElementById('ask-title');
  if (title && entering) title.focus();
}

/** After a language switch: topic and language names, the availability, a problem shown in the form. */
export function rerenderAsk(): void {
  if (!ask.built) return;
  fillLanguages();
  void fillTopics();
  renderAskAvailability();
}

function build(): void {
  if (ask.built) return;
  ask.built = true;
  const body = h('textarea', {
    id: 'ask-body',
    name: 'body',
    rows: 5,
    dir: 'auto',
    required: true,
    attrs: { 'aria-describedby': 'ask-body-hint' },
  });
  body.addEventListener('keydown', (event) => {
    // Enter in a first message usually means a new line: only Ctrl/⌘+Enter sends here.
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) form().requestSubmit();
  });
  const submit = h('button', { type: 'submit', className: 'primary', id: 'ask-submit' });
  localize(submit, 'consult-send');
  view().replaceChildren(
    h(
      'div',
      { className: 'pane-head' },
      localize(h('button', { type: 'button', className: 'back quiet', data: { action: 'back' } }), 'chat-back'),
      localize(h('h2', { id: 'ask-title', tabIndex: -1 }), 'consult-ask'),
    ),
    h(
      'div',
      { className: 'ask-body' },
      h(
        'form',
        { className: 'card ask-form', noValidate: true },
        localize(h('p', { className: 'hint ask-intro' }), 'consult-ask-intro'),
        h(
          'fieldset',
          { className: 'ask-topics' },
          localize(h('legend'), 'consult-topic'),
          h('div', { className: 'topic-options', id: 'ask-topics' }),
        ),
        h(
          'fieldset',
          { className: 'ask-languages' },
          localize(h('legend'), 'consult-languages'),
          h('div', { className: 'language-options', id: 'ask-languages' }),
        ),
        h('div', {
          className: 'ask-availability',
          id: 'ask-availability',
          attrs: { role: 'status', 'aria-live': 'polite' },
        }),
        localize(h('label', { htmlFor: 'ask-body' }), 'consult-first-message'),
        body,
        localize(h('p', { className: 'hint', id: 'ask-body-hint' }), 'consult-first-message-hint'),
        h('p', { className: 'form-error', attrs: { role: 'alert' } }),
        submit,
      ),
    ),
  );
  view()
    .querySelector('[data-action="back"]')
    ?.addEventListener('click', () => {
      location.hash = '';
    });
  const f = form();
  f.addEventListener('change', (event) => {
    if (event.target instanceof HTMLInputElement && event.target.name !== 'body') void checkAvailability();
  });
  f.addEventListener('submit', (event) => {
    event.preventDefault();
    void send();
  });
}

async function fillTopics(): Promise<void> {
  const box = byId('ask-topics');
  let topics: Topic[];
  try {
    topics = await loadTopics();
  } catch (error) {
    box.replaceChildren(h('p', { className: 'form-error', textContent: describeFailure(error) }));
    return;
  }
  const chosen = selectedTopic() ?? topics[0]?.id;
  box.replaceChildren(
    ...topics.map((topic) => {
      const id = `ask-topic-${topic.id}`;
      const input = h('input', {
        type: 'radio',
        name: 'topic',
        id,
        value: String(topic.id),
        checked: topic.id === chosen,
        attrs: { 'aria-describedby': `${id}-description` },
      });
      return h(
        'label',
        { className: 'topic-option', htmlFor: id },
        input,
        h(
          'span',
          { className: 'topic-option-text' },
          h('span', { className: 'topic-option-name', textContent: localized(topic.names, topic.name) }),
          h('span', {
            className: 'topic-option-description',
            id: `${id}-description`,
            textContent: localized(topic.descriptions, topic.description),
          }),
        ),
      );
    }),
  );
}

function localized(byLang: Record<string, string>, fallback: string): string {
  return byLang[currentLocale()] ?? fallback;
}

/** The person's languages first (in their order), then the UI language, then the other shipped ones. */
function candidateLanguages(): string[] {
  const out: string[] = [];
  for (const tag of [...me().languages_spoken, currentLocale(), ...shippedLocales()]) {
    if (!out.some((known) => sameLanguage(known, tag))) out.push(tag);
  }
  return out;
}

function fillLanguages(): void {
  const box = byId('ask-languages');
  const checked = new Set(selectedLanguages());
  const fresh = box.childElementCount === 0;
  const spoken = me().languages_spoken;
  box.replaceChildren(
    ...candidateLanguages().map((tag) => {
      const id = `ask-lang-${tag}`;
      const on = fresh ? (spoken.length ? spoken.includes(tag) : tag === currentLocale()) : checked.has(tag);
      return h(
        'label',
        { className: 'language-option', htmlFor: id },
        h('input', { type: 'checkbox', name: 'languages', id, value: tag, checked: on }),
        h('span', { textContent: languageLabel(tag) }),
      );
    }),
  );
}

function selectedTopic(): TopicId | undefined {
  const input = view().querySelector<HTMLInputElement>('input[name="topic"]:checked');
  return input ? Number(input.value) : undefined;
}

function selectedLanguages(): string[] {
  return [...view().querySelectorAll<HTMLInputElement>('input[name="languages"]:checked')].map((i) => i.value);
}

async function checkAvailability(): Promise<void> {
  const topic = selectedTopic();
  const languages = selectedLanguages();
  const asked = ++ask.asked;
  ask.answer = null;
  ask.failed = null;
  if (topic === undefined || !languages.length || !connection.ready) {
    ask.checking = false;
    renderAskAvailability();
    return;
  }
  ask.checking = true;
  renderAskAvailability();
  try {
    const answer = await connection.request({ type: 'check_availability', topic, languages });
    if (asked !== ask.asked) return;
    ask.answer = answer;
  } catch (error) {
    if (asked !== ask.asked) return;
    ask.failed = describeFailure(error);
  }
  ask.checking = false;
  renderAskAvailability();
}

/** Weekly hours as "Mon 09:00–17:00, Tue …", in the UI language. */
export function formatHours(hours: HoursRange[]): string {
  const weekday = new Intl.DateTimeFormat(currentLocale(), { weekday: 'short', timeZone: 'UTC' });
  // 1 January 2024 was a Monday: ISO day d is that day + d - 1.
  return hours.map((r) => `${weekday.format(Date.UTC(2024, 0, r.day))} ${r.from}–${r.to}`).join(', ');
}

export function renderAskAvailability(): void {
  const box = document.getElementById('ask-availability');
  if (!box) return;
  const submit = document.getElementById('ask-submit');
  const answer = ask.answer;
  if (!answer) {
    box.dataset.state = ask.checking ? 'checking' : ask.failed ? 'failed' : 'idle';
    box.replaceChildren(
      ...present(
        ask.checking && localize(h('p'), 'consult-checking'),
        ask.failed !== null && h('p', { className: 'form-error', textContent: ask.failed }),
        !ask.checking && ask.failed === null && !selectedLanguages().length && localize(h('p'), 'consult-languages-none'),
      ),
    );
    if (submit) localize(submit, 'consult-send');
    return;
  }
  box.dataset.state = answer.available ? 'available' : 'nobody';
  const args = { ...(answer.notice.args ?? {}), topic: topicLabel(answer.topic) };
  const text = t(answer.notice.id, args);
  box.replaceChildren(
    ...present(
      h(
        'p',
        { className: 'ask-availability-text' },
        h('span', { className: 'consult-dot', attrs: { 'aria-hidden': 'true' } }),
        h('span', { textContent: text === answer.notice.id ? answer.notice.text : text }),
      ),
      answer.hours.length > 0 &&
        h('p', { className: 'hint', textContent: `${t('consult-hours')}: ${formatHours(answer.hours)}` }),
    ),
  );
  if (submit) localize(submit, answer.available ? 'consult-send' : 'consult-wait-anyway');
}

function topicLabel(id: TopicId): string {
  const topic = consult.topics?.find((x) => x.id === id);
  return topic ? localized(topic.names, topic.name) : '';
}

async function send(): Promise<void> {
  if (ask.sending) return;
  const f = form();
  const error = f.querySelector<HTMLElement>('.form-error');
  const body = byId('ask-body') as HTMLTextAreaElement;
  const topic = selectedTopic();
  const languages = selectedLanguages();
  const text = body.value;
  const max = state.limits?.max_body_chars;
  let problem: [string, L10nArgs?] | null = null;
  let focus: HTMLElement | null = null;
  if (topic === undefined) {
    problem = ['consult-choose-topic'];
    focus = f.querySelector('input[name="topic"]');
  } else if (!languages.length) {
    problem = ['consult-languages-none'];
    focus = f.querySelector('input[name="languages"]');
  } else if (!text.trim()) {
    problem = ['error-empty-body'];
    focus = body;
  } else if (max && [...text].length > max) {
    problem = ['error-body-too-long', { max }];
    focus = body;
  }
  if (error) {
    // A problem found here keeps its Fluent id, so a language switch translates it; the server's text stays as is.
    if (problem) localize(error, ...problem);
    else clearText(error);
  }
  if (problem || topic === undefined) {
    focus?.focus();
    return;
  }
  ask.clientId ??= newClientId();
  ask.sending = true;
  const submit = byId('ask-submit') as HTMLButtonElement;
  submit.disabled = true;
  try {
    const ack = await act({ type: 'open_consultation', topic, languages, client_id: ask.clientId, body: text, wait: true });
    if (!('consultation' in ack)) throw new Error('the ack carries no consultation');
    const c = upsertConsultation(ack.consultation);
    ask.clientId = null;
    body.value = '';
    location.hash = conversationHash(c.id);
  } catch (failure) {
    // act() showed it as a notice too; the form keeps it next to the button.
    if (error) clearText(error, describeFailure(failure));
  } finally {
    ask.sending = false;
    submit.disabled = false;
  }
}
