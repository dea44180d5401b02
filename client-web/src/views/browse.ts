// The browse pane: the channels one can find (join or open them), a form to create a channel, and people search
// to open a direct conversation.

import { act, describeFailure } from '../act';
import { listChannels, searchPeople } from '../api';
import { connection } from '../connection';
import { byId, element, h } from '../dom';
import { localize, t } from '../i18n';
import { rememberProfile } from '../people';
import type { ConversationSummary, Profile, Visibility } from '../protocol';
import { me, state } from '../state';
import { upsertConv } from '../sync';
import { ackedConversation } from '../wire';
import { conversationHash, showPane } from './panes';
import { toast } from './toast';

/** Splits "en, ja vi、ne" into language tags. */
export function splitList(text: string): string[] {
  return text
    .split(/[\s,、，;]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

export async function showBrowse(): Promise<void> {
  showPane('browse');
  limitVisibilityToRole();
  const list = byId('browse-list');
  try {
    const channels = await listChannels();
    if (state.pane !== 'browse') return;
    list.replaceChildren(
      ...(channels.length
        ? channels.map(renderBrowseItem)
        : [localize(h('li', { className: 'hint' }), 'chat-no-channels')]),
    );
  } catch (error) {
    toast(describeFailure(error));
  }
}

/** Public channels need the volunteer role or above; members may create invite-only and private ones. */
function limitVisibilityToRole(): void {
  const isMember = me().role === 'member';
  const visibility = element('create-visibility', HTMLSelectElement);
  const publicOption = visibility.querySelector<HTMLOptionElement>('option[value="public"]');
  if (publicOption) publicOption.disabled = isMember;
  if (isMember && visibility.value === 'public') visibility.value = 'invite_only';
}

function renderBrowseItem(conv: ConversationSummary): HTMLLIElement {
  const joined = state.convs.get(conv.id)?.joined || conv.joined;
  const button = h('button', {
    type: 'button',
    className: joined ? '' : 'primary',
    textContent: t(joined ? 'chat-open' : 'chat-join'),
  });
  const error = h('p', { className: 'form-error', attrs: { role: 'alert' } });
  button.addEventListener('click', () => {
    if (joined) location.hash = conversationHash(conv.id);
    else void joinFromBrowse(conv, button, error);
  });
  return browseItem(
    `# ${conv.name}`,
    visibilityText(conv.visibility),
    [
      conv.topic ? h('p', { className: 'topic', dir: 'auto', textContent: conv.topic }) : null,
      h('p', { className: 'members', textContent: t('chat-members', { count: conv.member_count }) }),
      error,
    ],
    button,
  );
}

/** One row of a browse list: a name with a tag, lines below it, and the row's action. */
function browseItem(
  name: string,
  tag: string,
  lines: (HTMLElement | null)[],
  action: HTMLButtonElement,
): HTMLLIElement {
  return h(
    'li',
    { className: 'browse-item' },
    h(
      'div',
      { className: 'browse-text' },
      h(
        'p',
        {},
        h('bdi', { className: 'conv-name', textContent: name }),
        ' ',
        h('span', { className: 'tag', textContent: tag }),
      ),
      ...lines,
    ),
    action,
  );
}

const VISIBILITIES: readonly Visibility[] = ['public', 'invite_only', 'private'];

function parseVisibility(value: unknown): Visibility {
  return VISIBILITIES.find((v) => v === value) ?? 'invite_only';
}

function visibilityText(visibility: Visibility): string {
  return t(`visibility-${visibility.replaceAll('_', '-')}`);
}

async function joinFromBrowse(conv: ConversationSummary, button: HTMLButtonElement, error: HTMLElement): Promise<void> {
  button.disabled = true;
  try {
    const ack = await connection.request({ type: 'join_channel', conversation: conv.id });
    upsertConv(ackedConversation(ack));
    location.hash = conversationHash(conv.id);
  } catch (e) {
    error.textContent = describeFailure(e);
    button.disabled = false;
  }
}

async function createChannel(event: SubmitEvent): Promise<void> {
  event.preventDefault();
  const form = element('create-form', HTMLFormElement);
  const error = form.querySelector('.form-error');
  if (error) error.textContent = '';
  const data = new FormData(form);
  const submit = form.querySelector<HTMLButtonElement>('[type="submit"]');
  if (submit) submit.disabled = true;
  try {
    const ack = await connection.request({
      type: 'create_channel',
      name: String(data.get('name') ?? '').trim(),
      topic: String(data.get('topic') ?? '').trim(),
      visibility: parseVisibility(data.get('visibility')),
      languages: splitList(String(data.get('languages') ?? '')),
    });
    const conv = upsertConv(ackedConversation(ack));
    form.reset();
    location.hash = conversationHash(conv.id);
  } catch (e) {
    if (error) error.textContent = describeFailure(e);
  } finally {
    if (submit) submit.disabled = false;
  }
}

async function findPeople(event: SubmitEvent): Promise<void> {
  event.preventDefault();
  const query = element('people-query', HTMLInputElement).value.trim();
  const list = byId('people-list');
  try {
    const self = me().id;
    const people = (await searchPeople(query)).filter((p) => p.id !== self);
    for (const person of people) rememberProfile(person);
    list.replaceChildren(
      ...(people.length ? people.map(renderPerson) : [localize(h('li', { className: 'hint' }), 'chat-no-people')]),
    );
  } catch (e) {
    toast(describeFailure(e));
  }
}

function renderPerson(person: Profile): HTMLLIElement {
  const button = h('button', { type: 'button', textContent: t('chat-direct-message') });
  button.addEventListener('click', () => {
    button.disabled = true;
    act({ type: 'open_direct', users: [person.id] }).then(
      (ack) => {
        const conv = upsertConv(ackedConversation(ack));
        location.hash = conversationHash(conv.id);
      },
      () => {
        button.disabled = false;
      },
    );
  });
  return browseItem(
    person.display_name,
    `@${person.username}`,
    [h('p', { className: 'members', textContent: t(`role-${person.role}`) })],
    button,
  );
}

export function wireBrowse(): void {
  byId('browse-button').addEventListener('click', () => {
    if (location.hash === '#/browse') void showBrowse();
    else location.hash = '#/browse';
  });
  element('create-form', HTMLFormElement).addEventListener('submit', (e) => void createChannel(e));
  element('people-form', HTMLFormElement).addEventListener('submit', (e) => void findPeople(e));
}
