// Consultations in the web client: the frames that change them (`ready`, `consultation`, `queue_position`,
// `queue_item`, `helper_status`), the two panes of their own (#/help to ask, #/console for helpers), and what the
// conversation view adds for a consultation (the bar with its state and actions, the helpers' side panel).

import './consult.css';

import { describeFailure } from '../act';
import {
  canHelp,
  consult,
  consultationOfNotes,
  isStaff,
  loadCanned,
  loadConsultation,
  loadHelperProfile,
  loadMyConsultations,
  loadQueues,
  loadTopics,
  resetConsult,
  topicLabel,
  upsertConsultation,
} from '../consult';
import { onLocaleChange, t } from '../i18n';
import { loadProfile, nameOf } from '../people';
import type { Consultation, ServerEvent } from '../protocol';
import { state, type Pane } from '../state';
import type { Frame } from '../wire';
import { rerenderAsk, showAsk } from './consult-ask';
import { renderConsultBar, wireConsultBar } from './consult-bar';
import { renderConsole, showConsole } from './consult-console';
import { renderConsultNav, switchConsultation, wireConsultNav } from './consult-nav';
import { renderConsultSide, wireConsultSide } from './consult-side';
import { conversationHash, route } from './panes';
import { toast } from './toast';

export const ASK_HASH = '#/help';
export const CONSOLE_HASH = '#/console';

/** Shows the consultation pane the hash names; false when it names none. Called by route(). */
export function routeConsult(hash: string): boolean {
  if (hash === ASK_HASH) {
    showAsk();
    return true;
  }
  if (hash === CONSOLE_HASH && canHelp()) {
    showConsole();
    return true;
  }
  return false;
}

/** Hides the consultation panes that are not `pane` (called by showPane()). */
export function showConsultPane(pane: Pane): void {
  document.getElementById('ask-view')?.toggleAttribute('hidden', pane !== 'ask');
  document.getElementById('console-view')?.toggleAttribute('hidden', pane !== 'console');
  renderConsultSide();
}

/** Everything consultations show, again (a frame changed them, or names arrived). */
export function renderConsult(): void {
  renderConsultNav();
  renderConsultBar();
  renderConsultSide();
  if (state.pane === 'console') renderConsole();
}

export function onConsultFrame(frame: ServerEvent): void {
  switch (frame.type) {
    case 'ready':
      onReady(frame);
      break;
    case 'consultation': {
      const { type, ...consultation } = frame;
      void type;
      const before = consult.byId.get(consultation.id);
      upsertConsultation(consultation);
      renderConsult();
      announce(before, consultation);
      break;
    }
    case 'queue_position':
      consult.positions.set(frame.consultation, frame);
      if (state.open === frame.consultation) renderConsultBar();
      break;
    case 'queue_item':
      if (frame.state === 'waiting') {
        const { type, ...item } = frame;
        void type;
        consult.queue.set(item.consultation, item);
      } else {
        consult.queue.delete(frame.consultation);
      }
      renderConsultNav();
      if (state.pane === 'console') renderConsole();
      break;
    case 'helper_status':
      onHelperStatus(frame);
      break;
    case 'membership':
      // Opening or claiming a consultation: the page may already show its address before the person is a member.
      if (frame.change !== 'left' && location.hash === conversationHash(frame.conversation) && state.open !== frame.conversation) {
        route();
      }
      renderConsult();
      break;
    case 'event':
      if (consultationOfNotes(frame.conversation)) renderConsultSide();
      break;
    case 'ack':
      // A note's ack settles it in the outbox after this frame's handlers ran: show the panel afterwards.
      if (document.getElementById('consult-side')?.hidden === false) window.setTimeout(renderConsultSide, 0);
      break;
    default:
      break;
  }
}

/**
 * Tells the person, wherever they are in the app, what they must not miss: a helper that a consultation was just
 * given to (routing or a transfer), and a person whose request a helper just took.
 */
function announce(before: Consultation | undefined, now: Consultation): void {
  const self = state.me?.id;
  if (self === undefined || state.open === now.id) return;
  if (now.helpers.includes(self) && !before?.helpers.includes(self) && now.state === 'active' && !now.accepted) {
    void loadProfile(now.requester).then(() =>
      toast(t('consult-assigned-toast', { name: nameOf(now.requester), topic: topicLabel(now.topic) })),
    );
  } else if (now.requester === self && before?.state === 'waiting' && now.state === 'active' && now.helpers[0] !== undefined) {
    const helper = now.helpers[0];
    void loadProfile(helper).then(() =>
      toast(t('consult-taken-toast', { name: nameOf(helper), topic: topicLabel(now.topic) })),
    );
  }
}

function onReady(frame: Frame<'ready'>): void {
  if (consult.owner !== frame.user.id) resetConsult(frame.user.id);
  for (const c of frame.consultations ?? []) upsertConsultation(c);
  consult.helper = frame.helper ?? null;
  renderConsult();
  void refresh();
}

/** What ready does not carry: topics, closed consultations, the queues and canned replies. */
async function refresh(): Promise<void> {
  try {
    await Promise.all([
      loadTopics(),
      loadMyConsultations(),
      canHelp() && (consult.helper || isStaff()) ? loadQueues() : null,
      canHelp() ? loadCanned() : null,
    ]);
    // The open consultation may be closed and not in the list (more than the list's limit): read it alone.
    const open = state.open === null ? undefined : state.convs.get(state.open);
    if (open?.kind === 'consultation' && !consult.byId.has(open.id)) await loadConsultation(open.id);
  } catch (error) {
    toast(describeFailure(error));
  }
  renderConsult();
}

function onHelperStatus(frame: Frame<'helper_status'>): void {
  if (consult.helper) {
    consult.helper = { ...consult.helper, availability: frame.availability, load: frame.load, capacity: frame.capacity };
    renderConsult();
    return;
  }
  // The first set_availability made a profile: read it whole, then its queues.
  void loadHelperProfile()
    .then(() => (consult.helper ? loadQueues() : undefined))
    .catch((error: unknown) => toast(describeFailure(error)))
    .finally(renderConsult);
}

export function wireConsult(): void {
  wireConsultNav();
  wireConsultBar();
  wireConsultSide();
  // A language switch: the bar, the side panel, the console and the form to ask for help, in the new language.
  onLocaleChange(() => {
    if (!state.me) return;
    renderConsult();
    rerenderAsk();
  });
  // Quick switching between consultations from anywhere: Alt+↑ / Alt+↓.
  document.addEventListener('keydown', (event) => {
    if (!state.me || !event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    if (switchConsultation(event.key === 'ArrowDown' ? 1 : -1)) event.preventDefault();
  });
}
