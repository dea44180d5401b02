// Engawa's web client: wiring and start-up. It speaks protocol 1 over /ws (docs/protocol.md) and uses /api/v1 for
// accounts, channel discovery and profiles. User content is only ever written as text.

import './style.css';

import { getMe } from './api';
import { connection } from './connection';
import { byId } from './dom';
import { isShipped, loadLocaleIndex, negotiateLocale, t, translateDocument, useLocale } from './i18n';
import { wireHistory } from './history';
import { whenNamesChange } from './people';
import { onPresenceFrame, wirePresence } from './presence';
import type { Profile } from './protocol';
import { logout, signedIn, signedOut } from './session';
import { state } from './state';
import { onServerFrame, resumePoints } from './sync';
import { showAuth, wireAuth } from './views/auth';
import { wireBrowse } from './views/browse';
import { wireComposer } from './views/composer';
import { onConsultFrame, renderConsult, wireConsult } from './views/consult';
import { closePickerOnEscape, onMessageAction } from './views/message-actions';
import { onModerationFrame, rerenderModeration, wireModeration } from './views/moderation';
import { wireAudit } from './views/moderation-audit';
import { wireReports } from './views/moderation-reports';
import { wirePeoplePanel } from './views/profile-people';
import { rerenderEntries } from './views/messages';
import { fillLocaleSelects, wireLocale } from './views/locale';
import { renderConversationHead, renderTyping, wirePanes } from './views/panes';
import { renderSidebar } from './views/sidebar';
import { renderStatus } from './views/status';
import { toast } from './views/toast';

function wireConnection(): void {
  connection.attach({
    resumePoints,
    onFrame: (frame, answered) => {
      onServerFrame(frame, answered);
      onConsultFrame(frame);
      onPresenceFrame(frame);
      onModerationFrame(frame);
    },
    onStatus: renderStatus,
    onSessionEnded: signedOut,
    onCloseNotice: (id) => toast(t(id)),
  });
  window.addEventListener('online', () => connection.networkBack());
  window.addEventListener('offline', () => connection.networkLost());
}

/** When display names (or topics) arrive, everything that shows them is rendered again. */
function rerenderNames(): void {
  renderSidebar();
  renderConversationHead();
  renderTyping();
  if (state.pane === 'conversation') rerenderEntries(() => true);
  renderConsult();
  rerenderModeration();
}

function wire(): void {
  wireConnection();
  whenNamesChange(rerenderNames);
  wireAuth();
  wireLocale();
  wirePanes();
  wireBrowse();
  wireHistory();
  wireComposer();
  wireConsult();
  wirePresence();
  wireModeration();
  wireReports();
  wireAudit();
  wirePeoplePanel();
  byId('logout').addEventListener('click', () => void logout());
  for (const list of [byId('channel-list'), byId('direct-list')]) {
    list.addEventListener('click', (e) => {
      const button = e.target instanceof Element ? e.target.closest<HTMLElement>('[data-conv]') : null;
      if (button?.dataset.conv) location.hash = `#/c/${button.dataset.conv}`;
    });
  }
  const messages = byId('messages');
  messages.addEventListener('click', onMessageAction);
  messages.addEventListener('keydown', closePickerOnEscape);
}

async function currentUser(): Promise<Profile | null> {
  try {
    return await getMe();
  } catch {
    return null; // not logged in
  }
}

async function boot(): Promise<void> {
  wire();
  const [, user] = await Promise.all([loadLocaleIndex(), currentUser()]);
  const tag = user && isShipped(user.locale) ? user.locale : negotiateLocale(navigator.languages);
  await useLocale(tag);
  fillLocaleSelects();
  translateDocument();
  if (user) await signedIn(user);
  else showAuth();
}

void boot();
