// Profiles: another person's (display name, username, role, the languages they speak and learn, whether they are
// online and when they were last seen), with a direct message, a report and, for moderators, the sanctions; and
// one's own, edited with PATCH /api/v1/me (display name, languages, the app's language, hiding one's presence).

import { act, describeFailure } from '../act';
import { getProfile, updateMe } from '../api';
import { connection } from '../connection';
import { h, type Child } from '../dom';
import { autonym, currentLocale, formatFullDateTime, isShipped, liveAttr, liveText, localize, shippedLocales, t } from '../i18n';
import { rememberProfile } from '../people';
import { onPresenceChange, presenceDot, presenceOf, presenceText, watchPresence } from '../presence';
import type { ConversationSummary, Profile, UserId } from '../protocol';
import { me, state } from '../state';
import { upsertConv } from '../sync';
import { ackedConversation } from '../wire';
import { splitList } from './browse';
import { applyLocale } from './locale';
import { rerenderEntries } from './messages';
import { canModerate } from './moderation';
import { openReportDialog, openSanctionDialog, type SanctionKind } from './moderation-actions';
import { field, checkbox, openDialog } from './moderation-dialog';
import { conversationHash } from './panes';
import { renderMe, renderSidebar } from './sidebar';
import { toast } from './toast';

/** PATCH /me takes `hide_presence` but no answer returns it: this browser remembers what it last set. */
const HIDE_PRESENCE_KEY = 'engawa.hide-presence.';

function languageName(tag: string): string {
  try {
    return new Intl.DisplayNames([currentLocale()], { type: 'language' }).of(tag) ?? tag;
  } catch {
    return tag;
  }
}

function languages(tags: string[]): string {
  return tags.length ? tags.map(languageName).join(', ') : t('profile-none');
}

/** "Online", or "Offline · Last seen …". */
function presenceLine(id: UserId): string {
  const info = presenceOf(id);
  if (!info) return '';
  const status = presenceText(info.status);
  if (info.status !== 'offline' || info.last_seen === undefined || info.last_seen === null) return status;
  return `${status} · ${t('presence-last-seen', { time: formatFullDateTime(info.last_seen) })}`;
}

/** Label ids and values; a function value is a text rendered again after a language switch. */
function facts(rows: [string, Child | (() => string)][]): HTMLDListElement {
  return h(
    'dl',
    { className: 'facts' },
    rows.map(([label, value]) => [
      localize(h('dt'), label),
      typeof value === 'function' ? liveText(h('dd'), value) : h('dd', {}, value),
    ]),
  );
}

/** Another person's profile (or one's own, with an Edit button). `conv`: where it was opened, for sanctions. */
export function openProfile(id: UserId, conv?: ConversationSummary): void {
  const statusText = liveText(h('span'), () => presenceLine(id));
  const status = h('p', { className: 'presence-line' }, presenceDot(id), ' ', statusText);
  const details = h('div', { attrs: { 'aria-busy': 'true' } });
  const self = id === state.me?.id;
  const footer: HTMLButtonElement[] = [];
  const button = (labelId: string, run: () => void) => {
    const b = localize(h('button', { type: 'button' }), labelId);
    b.addEventListener('click', run);
    footer.push(b);
    return b;
  };
  const dialog = openDialog({ title: () => t('profile-title'), footer, className: 'profile' }, status, details);
  const stop = onPresenceChange(() => {
    statusText.textContent = presenceLine(id);
  });
  dialog.dialog.addEventListener('close', stop);
  watchPresence([id]);

  const footerRow = dialog.dialog.querySelector('.modal-footer');
  const addButtons = (profile: Profile) => {
    if (self) {
      button('profile-edit', () => {
        dialog.close();
        openOwnProfile();
      });
    } else {
      button('chat-direct-message', () => {
        dialog.close();
        act({ type: 'open_direct', users: [profile.id] }).then(
          (ack) => {
            location.hash = conversationHash(upsertConv(ackedConversation(ack)).id);
          },
          () => {},
        );
      });
      button('mod-report-person', () => {
        dialog.close();
        openReportDialog({ user: profile.id });
      });
      if (conv && canModerate(conv)) {
        // The sanctions get their own row, apart from the everyday buttons.
        const kinds: [SanctionKind, string][] = [['timeout', 'mod-timeout'], ['ban', 'mod-ban']];
        if (conv.kind === 'channel') kinds.push(['kick', 'mod-kick']);
        const sanctions = kinds.map(([kind, labelId]) => {
          const b = localize(h('button', { type: 'button', className: 'small danger-text' }), labelId);
          b.addEventListener('click', () => {
            dialog.close();
            openSanctionDialog({ kind, user: profile.id, conv });
          });
          return b;
        });
        details.append(
          liveAttr(h('div', { className: 'profile-moderation', attrs: { role: 'group' } }, sanctions), 'aria-label', () => t('mod-nav')),
        );
      }
    }
    footerRow?.prepend(...footer);
  };

  getProfile(id).then(
    (profile) => {
      rememberProfile(profile);
      const heading = dialog.dialog.querySelector('.modal-title');
      // The person's name replaces the title for good: no language switch brings the title back.
      if (heading) liveText(heading, profile.display_name);
      details.replaceChildren(
        facts([
          ['auth-username', h('bdi', { textContent: `@${profile.username}` })],
          ['profile-role', () => t(`role-${profile.role}`)],
          ['profile-speaks', () => languages(profile.languages_spoken)],
          ['profile-learning', () => languages(profile.languages_learning)],
        ]),
      );
      details.removeAttribute('aria-busy');
      addButtons(profile);
    },
    (error: unknown) => {
      details.removeAttribute('aria-busy');
      dialog.error.textContent = describeFailure(error);
    },
  );
}

function remembersHidden(id: UserId): boolean {
  try {
    return localStorage.getItem(HIDE_PRESENCE_KEY + id) === 'true';
  } catch {
    return false;
  }
}

function rememberHidden(id: UserId, hidden: boolean): void {
  try {
    localStorage.setItem(HIDE_PRESENCE_KEY + id, String(hidden));
  } catch {
    // storage refused (private mode): only the checkbox's next default is lost
  }
}

/** Editing one's own profile. */
export function openOwnProfile(): void {
  const profile = me();
  const name = h('input', { value: profile.display_name, maxLength: 64, required: true, attrs: { autocomplete: 'nickname' } });
  const spoken = h('input', { value: profile.languages_spoken.join(', '), autocapitalize: 'none', attrs: { spellcheck: 'false' } });
  const learning = h('input', { value: profile.languages_learning.join(', '), autocapitalize: 'none', attrs: { spellcheck: 'false' } });
  const locale = h(
    'select',
    {},
    shippedLocales().map((tag) => h('option', { value: tag, lang: tag, textContent: autonym(tag) })),
  );
  locale.value = isShipped(profile.locale) ? profile.locale : currentLocale();
  const hiddenBefore = remembersHidden(profile.id);
  const hide = checkbox('mod-hide-presence', hiddenBefore, 'profile-hide-presence-hint');
  openDialog(
    {
      title: () => t('profile-edit'),
      submitLabel: () => t('chat-save'),
      onSubmit: async () => {
        const tag = locale.value;
        const updated = await updateMe({
          display_name: name.value.trim(),
          languages_spoken: splitList(spoken.value),
          languages_learning: splitList(learning.value),
          locale: tag,
          ...(hide.input.checked !== hiddenBefore ? { hide_presence: hide.input.checked } : {}),
        });
        rememberHidden(profile.id, hide.input.checked);
        state.me = updated;
        rememberProfile(updated);
        renderMe();
        renderSidebar();
        if (state.pane === 'conversation') rerenderEntries(() => true);
        if (tag !== currentLocale()) {
          await applyLocale(tag);
          // The server picks a connection's language at hello: reconnect so that its texts follow.
          if (connection.ready) connection.reconnectNow();
        }
        toast(t('profile-saved'));
      },
    },
    field('auth-display-name', name),
    field('auth-languages-spoken', spoken, 'auth-languages-hint'),
    field('auth-languages-learning', learning, 'auth-languages-hint'),
    field('profile-app-language', locale),
    hide.row,
  );
}

/** The sidebar's button to one's own profile. */
export function ownProfileButton(): HTMLButtonElement {
  const button = h('button', { type: 'button', className: 'quiet small', textContent: t('profile-edit') });
  button.addEventListener('click', openOwnProfile);
  return button;
}
