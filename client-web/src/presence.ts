// Presence ("presence" in docs/protocol.md): who is online, away or offline, shown as dots next to people. The
// client asks with `get_presence` for the people it shows (after every `ready`, and again every minute, since
// channels over 1000 members push nothing), applies the changes the server pushes, and says `away` or `online`
// for this tab with `set_presence` when it is hidden or idle.

import { connection } from './connection';
import { OfflineError } from './errors';
import { h } from './dom';
import { onLocaleChange, t } from './i18n';
import type { PresenceInfo, PresenceStatus, ServerEvent, UserId } from './protocol';

/** No input for this long makes the tab `away`, as in most chat apps. */
const IDLE_MS = 5 * 60_000;
/** Pushed changes do not come from channels over 1000 members: ask again for the people shown this often. */
const REFRESH_MS = 60_000;
/** `get_presence` takes at most this many ids. */
const MAX_IDS = 500;
/** Input events reset the idle timer at most this often (mousemove fires a lot). */
const ACTIVITY_THROTTLE_MS = 5_000;

const known = new Map<UserId, PresenceInfo>();
/** Ids to ask for at the next flush. */
const wanted = new Set<UserId>();
let flushQueued = false;
/** What this tab last told the server about itself (every connection starts `online`). */
let told: 'online' | 'away' = 'online';
let idle = false;
let idleTimer: number | undefined;
let lastActivity = 0;
/** Whose session this is: another person signing in starts from nothing. */
let sessionOf: UserId | null = null;
const listeners = new Set<() => void>();

/** What is known of a person's presence; undefined until the server answered. */
export function presenceOf(id: UserId): PresenceInfo | undefined {
  return known.get(id);
}

/** Calls `render` after presence changed; returns the function that stops it. */
export function onPresenceChange(render: () => void): () => void {
  listeners.add(render);
  return () => listeners.delete(render);
}

export function presenceText(status: PresenceStatus): string {
  return t(`presence-${status}`);
}

/**
 * A dot that shows a person's presence and follows it: every dot carries its person's id and is updated in place
 * when their status changes. Creating one asks the server about that person when nothing is known yet.
 */
export function presenceDot(id: UserId): HTMLSpanElement {
  const dot = h('span', { className: 'presence-dot', data: { presenceUser: String(id) }, attrs: { role: 'img' } });
  paintDot(dot, known.get(id)?.status);
  if (!known.has(id)) watchPresence([id]);
  return dot;
}

function paintDot(dot: HTMLElement, status: PresenceStatus | undefined): void {
  const shown = status ?? 'offline';
  dot.dataset.status = status ?? 'unknown';
  const label = presenceText(shown);
  dot.setAttribute('aria-label', label);
  dot.title = label;
}

/** Asks the server for these people's presence (batched; the answer arrives as a `presence` frame). */
export function watchPresence(ids: Iterable<UserId>): void {
  for (const id of ids) if (id > 0) wanted.add(id);
  if (flushQueued || wanted.size === 0) return;
  flushQueued = true;
  queueMicrotask(() => {
    flushQueued = false;
    flush();
  });
}

function flush(): void {
  if (!connection.ready || wanted.size === 0) return; // asked again after the next ready
  const ids = [...wanted].slice(0, MAX_IDS);
  for (const id of ids) wanted.delete(id);
  connection.request({ type: 'get_presence', users: ids }).then(
    (answer) => apply(answer.users),
    (error: unknown) => {
      // Offline: the next ready asks again. `unavailable` (Redis): the next refresh does.
      if (!(error instanceof OfflineError)) console.warn('get_presence failed', error);
    },
  );
  if (wanted.size) watchPresence([]);
}

function apply(users: PresenceInfo[]): void {
  if (!users.length) return;
  for (const info of users) {
    known.set(info.user, info);
    for (const dot of document.querySelectorAll<HTMLElement>(`[data-presence-user="${info.user}"]`)) {
      paintDot(dot, info.status);
    }
  }
  for (const render of listeners) render();
}

/** The ids of every person a dot shows now. */
function shownIds(): Set<UserId> {
  const ids = new Set<UserId>();
  for (const dot of document.querySelectorAll<HTMLElement>('[data-presence-user]')) {
    const id = Number(dot.dataset.presenceUser);
    if (id > 0) ids.add(id);
  }
  return ids;
}

/** Presence frames (answers are applied by their request; pushed changes here), and asking again after ready. */
export function onPresenceFrame(frame: ServerEvent): void {
  if (frame.type === 'presence' && (frame.ref === undefined || frame.ref === null)) apply(frame.users);
  if (frame.type === 'ready') {
    if (sessionOf !== frame.user.id) forgetPresence();
    sessionOf = frame.user.id;
    // Frames are not replayed: what we knew may be stale. Every connection starts online.
    told = 'online';
    if (idle || document.visibilityState === 'hidden') tell('away');
    watchPresence([...shownIds(), ...known.keys(), frame.user.id]);
  }
  if (frame.type === 'membership' && frame.change === 'joined') {
    const members = frame.summary?.members;
    if (members) watchPresence(members);
  }
}

function tell(status: 'online' | 'away'): void {
  if (told === status || !connection.ready) return;
  told = status;
  connection.request({ type: 'set_presence', status }).catch(() => {
    told = 'online'; // a new connection starts online; ready sends `away` again if needed
  });
}

function settle(): void {
  tell(idle || document.visibilityState === 'hidden' ? 'away' : 'online');
}

function activity(): void {
  const now = Date.now();
  if (!idle && now - lastActivity < ACTIVITY_THROTTLE_MS) return;
  lastActivity = now;
  idle = false;
  window.clearTimeout(idleTimer);
  idleTimer = window.setTimeout(() => {
    idle = true;
    settle();
  }, IDLE_MS);
  settle();
}

function forgetPresence(): void {
  known.clear();
  wanted.clear();
}

export function wirePresence(): void {
  // Every dot's label (aria-label and tooltip), in the new language.
  onLocaleChange(() => {
    for (const dot of document.querySelectorAll<HTMLElement>('[data-presence-user]')) {
      paintDot(dot, known.get(Number(dot.dataset.presenceUser))?.status);
    }
  });
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') {
      settle();
      return;
    }
    lastActivity = 0; // coming back counts at once, whatever the throttle says
    activity();
  });
  for (const type of ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart', 'focus'] as const) {
    window.addEventListener(type, activity, { passive: true, capture: true });
  }
  activity();
  window.setInterval(() => {
    if (document.visibilityState === 'visible') watchPresence(shownIds());
  }, REFRESH_MS);
}
