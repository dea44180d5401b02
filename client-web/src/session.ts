// Signing in and out: the connection runs while someone is signed in, and everything of a session is forgotten
// when it ends.

import { logout as apiLogout } from './api';
import { connection } from './connection';
import { byId } from './dom';
import { currentLocale, isShipped } from './i18n';
import { forgetPeople, rememberProfile } from './people';
import type { Profile } from './protocol';
import { clearSession, state } from './state';
import { showAuth } from './views/auth';
import { applyLocale } from './views/locale';
import { route } from './views/panes';
import { renderMe } from './views/sidebar';
import { renderStatus } from './views/status';

export async function signedIn(user: Profile): Promise<void> {
  state.me = user;
  rememberProfile(user);
  if (user.locale !== currentLocale() && isShipped(user.locale)) await applyLocale(user.locale);
  byId('auth').hidden = true;
  byId('chat').hidden = false;
  byId('logout').hidden = false;
  renderMe();
  route();
  connection.start();
  renderStatus();
}

/** Back to the login form, forgetting everything of the session. */
export function signedOut(): void {
  connection.stop();
  clearSession();
  forgetPeople();
  for (const id of ['channel-list', 'direct-list', 'messages', 'browse-list', 'people-list']) byId(id).replaceChildren();
  if (location.hash) history.replaceState(null, '', location.pathname);
  showAuth();
}

export async function logout(): Promise<void> {
  try {
    await apiLogout();
  } catch {
    // the session is gone either way
  }
  signedOut();
}
