// The language menus (top bar and registration form). Switching re-renders every text in place, saves the choice
// to the profile, and reconnects so that the server's texts (errors, notices) follow.

import { describeFailure } from '../act';
import { updateMe } from '../api';
import { connection } from '../connection';
import { element, h } from '../dom';
import { autonym, currentLocale, isShipped, onLocaleChange, relocalize, shippedLocales, useLocale } from '../i18n';
import { rememberProfile } from '../people';
import { state } from '../state';
import { showBrowse } from './browse';
import { renderKeepingScroll, renderMessages } from './messages';
import { renderConversationHead, renderReplyBar, renderTyping } from './panes';
import { renderMe, renderSidebar } from './sidebar';
import { renderStatus } from './status';
import { toast } from './toast';

function localeSelects(): HTMLSelectElement[] {
  return [element('locale-select', HTMLSelectElement), element('reg-locale', HTMLSelectElement)];
}

export function fillLocaleSelects(): void {
  for (const select of localeSelects()) {
    select.replaceChildren(
      ...shippedLocales().map((tag) => h('option', { value: tag, lang: tag, textContent: autonym(tag) })),
    );
    select.value = currentLocale();
  }
}

/** Makes `tag` the UI language and re-renders every text, without saving it anywhere. */
export async function applyLocale(tag: string): Promise<void> {
  await useLocale(tag);
  for (const select of localeSelects()) select.value = tag;
  relocalize();
}

async function switchLocale(tag: string): Promise<void> {
  if (!isShipped(tag) || tag === currentLocale()) return;
  await applyLocale(tag);
  if (!state.me) return;
  try {
    state.me = await updateMe({ locale: tag });
    rememberProfile(state.me);
    // The server picks a connection's language at hello: reconnect so that its texts follow.
    if (connection.ready) connection.reconnectNow();
  } catch (e) {
    toast(describeFailure(e));
  }
}

/** The status line, the sidebar and the open conversation (messages, system lines, typing, reply bar) again. */
function rerenderViews(): void {
  renderStatus();
  if (!state.me) return;
  renderMe();
  renderSidebar();
  if (state.pane === 'conversation') {
    renderConversationHead();
    renderReplyBar();
    renderTyping();
    renderKeepingScroll(renderMessages);
  } else if (state.pane === 'browse') {
    void showBrowse();
  }
}

export function wireLocale(): void {
  onLocaleChange(rerenderViews);
  for (const select of localeSelects()) {
    select.addEventListener('change', () => void switchLocale(select.value));
  }
}
