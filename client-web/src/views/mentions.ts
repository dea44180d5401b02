// @mention autocomplete in the composer: typing `@` and the start of a name opens a list of people (members of the
// open conversation this client knows of, then people search, GET /api/v1/users?q=); ArrowUp/ArrowDown move,
// Enter or Tab inserts `@username `, Escape closes, a click picks. The textarea is an ARIA combobox whose
// aria-activedescendant names the highlighted option. Keys that belong to an IME composition are never taken.

import { searchPeople } from '../api';
import { h } from '../dom';
import { knownProfile, loadProfile, rememberProfile } from '../people';
import type { Profile, UserId } from '../protocol';
import { state } from '../state';
import { trackComposition } from './composer';
import { peopleOf } from './profile-people';

/** How many people the list shows at most. */
const MAX_SHOWN = 8;
/** Wait this long after the last keystroke before searching everyone. */
const SEARCH_DELAY_MS = 150;

/**
 * `@` and the name being typed, right before the caret. The server's rule (docs/protocol.md, Mentions): `@` at the
 * start or after a character that is not a letter, digit or `_`; the name runs over letters, digits, `.`, `_`, `-`.
 */
const TYPED = /(?:^|[^\p{L}\p{N}_])@([\p{L}\p{N}._-]{1,32})$/u;

interface Typed {
  /** Where the `@` is. */
  start: number;
  /** The caret. */
  end: number;
  query: string;
}

function typedAt(input: HTMLTextAreaElement): Typed | null {
  if (input.selectionStart !== input.selectionEnd) return null;
  const end = input.selectionEnd;
  const match = TYPED.exec(input.value.slice(0, end));
  if (!match) return null;
  const query = match[1] ?? '';
  return { start: end - query.length - 1, end, query };
}

function matches(profile: Profile, query: string): boolean {
  const q = query.toLocaleLowerCase();
  if (profile.username.toLowerCase().startsWith(q)) return true;
  return profile.display_name
    .toLocaleLowerCase()
    .split(/\s+/u)
    .some((word) => word.startsWith(q));
}

/** The members of the open conversation this client knows of, other than oneself (one never mentions oneself). */
function members(): UserId[] {
  const conv = state.open === null ? undefined : state.convs.get(state.open);
  if (!conv) return [];
  return peopleOf(conv).ids.filter((id) => id !== state.me?.id);
}

export function wireMentions(input: HTMLTextAreaElement, list: HTMLUListElement): void {
  const composing = trackComposition(input);
  let typed: Typed | null = null;
  let shown: Profile[] = [];
  let active = 0;
  let found: Profile[] = [];
  let foundFor = '';
  let timer: number | undefined;
  let searchSeq = 0;

  function close(): void {
    typed = null;
    shown = [];
    list.hidden = true;
    list.replaceChildren();
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    window.clearTimeout(timer);
  }

  function render(): void {
    if (!typed) return close();
    const query = typed.query;
    const self = state.me?.id;
    const seen = new Set<UserId>();
    const people: Profile[] = [];
    const add = (profile: Profile | undefined): void => {
      if (!profile || profile.id === self || seen.has(profile.id) || !matches(profile, query)) return;
      seen.add(profile.id);
      people.push(profile);
    };
    // Members first (the server only mentions members), then whoever the search found.
    for (const id of members()) add(knownProfile(id));
    if (query.toLowerCase().startsWith(foundFor.toLowerCase()) && foundFor) for (const p of found) add(p);
    shown = people.slice(0, MAX_SHOWN);
    if (shown.length === 0) {
      list.hidden = true;
      list.replaceChildren();
      input.setAttribute('aria-expanded', 'false');
      input.removeAttribute('aria-activedescendant');
      return;
    }
    active = Math.min(active, shown.length - 1);
    list.replaceChildren(
      ...shown.map((profile, index) =>
        h(
          'li',
          {
            id: `mention-option-${profile.id}`,
            className: 'mention-option',
            data: { index: String(index) },
            attrs: { role: 'option', 'aria-selected': String(index === active) },
          },
          h('span', { className: 'mention-name', dir: 'auto', textContent: profile.display_name }),
          h('span', { className: 'mention-username', dir: 'ltr', textContent: `@${profile.username}` }),
        ),
      ),
    );
    list.hidden = false;
    input.setAttribute('aria-expanded', 'true');
    input.setAttribute('aria-activedescendant', `mention-option-${shown[active]?.id}`);
    list.children[active]?.scrollIntoView({ block: 'nearest' });
  }

  function search(query: string): void {
    window.clearTimeout(timer);
    timer = window.setTimeout(() => {
      const seq = ++searchSeq;
      searchPeople(query)
        .then((people) => {
          if (seq !== searchSeq) return;
          for (const p of people) rememberProfile(p);
          found = people;
          foundFor = query;
          render();
        })
        .catch(() => {}); // offline: the members this client knows of are still listed
    }, SEARCH_DELAY_MS);
  }

  function update(): void {
    const now = typedAt(input);
    if (!now) return close();
    if (typed?.query !== now.query) active = 0;
    typed = now;
    // Members whose profile is not loaded yet: load them, the list follows.
    for (const id of members()) {
      if (!knownProfile(id)) void loadProfile(id).then(() => typed && render());
    }
    render();
    search(now.query);
  }

  function pick(index: number): void {
    const profile = shown[index];
    if (!typed || !profile) return;
    const before = input.value.slice(0, typed.start);
    const after = input.value.slice(typed.end);
    const insert = `@${profile.username} `;
    input.value = before + insert + (after.startsWith(' ') ? after.slice(1) : after);
    const caret = before.length + insert.length;
    input.setSelectionRange(caret, caret);
    close();
    input.focus();
  }

  function move(by: number): void {
    if (shown.length === 0) return;
    active = (active + by + shown.length) % shown.length;
    render();
  }

  input.addEventListener('input', update);
  input.addEventListener('click', update);
  input.addEventListener('keyup', (event) => {
    if (['ArrowLeft', 'ArrowRight', 'Home', 'End'].includes(event.key)) update();
  });
  input.addEventListener('blur', close);
  input.addEventListener('keydown', (event) => {
    if (list.hidden || shown.length === 0 || composing(event)) return;
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    let handled = true;
    if (event.key === 'ArrowDown') move(1);
    else if (event.key === 'ArrowUp') move(-1);
    else if ((event.key === 'Enter' || event.key === 'Tab') && !event.shiftKey) pick(active);
    else if (event.key === 'Escape') close();
    else handled = false;
    if (!handled) return;
    event.preventDefault();
    // Not also a send (the composer's Enter listener is on the same textarea, added after this one).
    event.stopImmediatePropagation();
  });
  // Keep the focus in the textarea while clicking an option.
  list.addEventListener('mousedown', (event) => event.preventDefault());
  list.addEventListener('click', (event) => {
    const option = event.target instanceof Element ? event.target.closest<HTMLElement>('[role="option"]') : null;
    if (option) pick(Number(option.dataset.index));
  });
  // A sent message empties the composer without an input event.
  input.form?.addEventListener('submit', () => queueMicrotask(close));
}
