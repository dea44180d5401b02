// @ts-check
// A moderator and a member in real browsers, each in their own language. Mira (a moderator made on the server's
// command line, English UI) creates a public channel; Vu (registered in the browser, Vietnamese UI) joins and
// writes. Mira times Vu out from Vu's message; Vu's next message is refused, and the composer says why in the exact
// words the server sends in Vietnamese, while the message is not stored. Vu reports one of Mira's messages; it
// shows live in Mira's reports queue, where she reviews and resolves it, and Vu is told in Vietnamese. Mira turns on
// slow mode from the channel settings, and both see the system line in their own language. The audit log lists the
// timeout. Presence: Vu's dot in Mira's view turns offline when Vu closes the page and online when Vu comes back.
// The steps run in order on one server and share the browsers; every wait is for something on screen.

import assert from 'node:assert/strict';
import { after, before } from 'node:test';

import {
  journeySteps,
  launchBrowser,
  localeTexts,
  login,
  message,
  openPerson,
  register,
  say,
  serverText,
  shot,
  startServer,
} from './support.mjs';

const JOURNEY = 'moderation';
const CHANNEL = 'toyama-newcomers';
const VU_HELLO = 'Xin chào mọi người!';
const MIRA_RULES = 'Please keep it friendly here.';
const TIMEOUT_REASON = 'Insults after a warning';
/** The timeout Mira gives, in seconds: an hour, so the refusal says "60 minutes" however long the steps take. */
const TIMEOUT_SECONDS = 3600;

/** @type {import('./support.mjs').Server} */
let server;
/** @type {import('playwright-core').Browser} */
let browser;
/** @type {import('./support.mjs').Person} */
let mira;
/** @type {import('./support.mjs').Person} */
let vu;
let channelId = 0;
let vuId = 0;

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
  await server.createUser('mira', 'moderator', { displayName: 'Mira Sato' });
  mira = await openPerson(browser, server, { locale: 'en-US' });
  vu = await openPerson(browser, server, { locale: 'vi-VN' });
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

const step = journeySteps(JOURNEY, () => ({ mira, vu }));

/**
 * A Fluent message of the server's locale files rendered in Node, as the server renders it (no isolation marks) or
 * as the web client does (with them).
 * @param {string} lang @param {string} file @param {string} id
 * @param {Record<string, string | number>} args @param {{ isolating?: boolean }} [options]
 */
async function fluent(lang, file, id, args, { isolating = false } = {}) {
  return (await localeTexts(server, lang, { isolating }))(id, args);
}

/** The system lines of the open conversation. @param {import('playwright-core').Page} page */
function systemLines(page) {
  return page.locator('#messages li.system > span');
}

/** @param {import('playwright-core').Page} page */
async function openChannel(page) {
  await page.locator('#channel-list button.conv').filter({ hasText: CHANNEL }).click();
  await page.locator('#conv-title', { hasText: CHANNEL }).waitFor();
}

/**
 * Every control of the open dialog has a label (a <label>, or aria-label), and the dialog has a name.
 * @param {import('playwright-core').Page} page
 */
async function assertLabelled(page) {
  const unlabelled = await page.locator('dialog[open]').evaluate((dialog) => {
    const missing = [];
    if (!dialog.getAttribute('aria-labelledby')) missing.push('the dialog itself');
    for (const control of Array.from(dialog.querySelectorAll('input, select, textarea'))) {
      const labelled = /** @type {HTMLInputElement} */ (control).labels?.length || control.getAttribute('aria-label');
      if (!labelled) missing.push(control.outerHTML.slice(0, 80));
    }
    return missing;
  });
  assert.deepEqual(unlabelled, [], 'every control in the dialog is labelled');
}

/**
 * Pretends the tab is hidden or shown again (the page's own visibilitychange handling runs as in a real switch).
 * @param {import('playwright-core').Page} page @param {'hidden' | 'visible'} state
 */
async function setVisibility(page, state) {
  await page.evaluate((value) => {
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => value });
    document.dispatchEvent(new Event('visibilitychange'));
  }, state);
}

/** Opens a message's "more actions" menu and picks an item. @param {import('playwright-core').Locator} msg @param {string} item */
async function fromMessageMenu(msg, item) {
  await msg.hover();
  await msg.locator('[data-action="mod-menu"]').click();
  await msg.locator(`.msg-menu [data-action="${item}"]`).click();
}

step('Mira (moderator, English) creates a public channel; Vu (Vietnamese) registers, joins and writes', async () => {
  await login(mira, 'mira');
  await mira.page.locator('#mod-nav').waitFor({ state: 'visible' });
  await mira.page.locator('#browse-button').click();
  await mira.page.locator('#create-name').fill(CHANNEL);
  await mira.page.locator('#create-topic').fill('Ask anything about life in Toyama');
  await mira.page.locator('#create-visibility').selectOption('public');
  await mira.page.locator('#create-languages').fill('ja, en, vi');
  await mira.page.locator('#create-form button[type="submit"]').click();
  await mira.page.locator('#conv-title', { hasText: CHANNEL }).waitFor();
  channelId = Number(/#\/c\/(\d+)$/.exec(mira.page.url())?.[1]);
  assert.ok(channelId > 0, `the URL names the channel: ${mira.page.url()}`);

  await register(vu, 'vutran', 'Vu Tran', { spoken: 'vi, en' });
  assert.equal(await vu.page.locator('html').getAttribute('lang'), 'vi', 'Vu’s client speaks Vietnamese');
  assert.equal(await mira.page.locator('#mod-nav').isVisible(), true, 'a moderator sees the moderation entries');
  assert.equal(await vu.page.locator('#mod-nav').isVisible(), false, 'a member does not');
  vuId = (await (await vu.page.request.get(new URL('/api/v1/me', server.url).href)).json()).id;

  await vu.page.locator('#browse-button').click();
  await vu.page.locator('#browse-list .browse-item').filter({ hasText: CHANNEL }).locator('button').click();
  await vu.page.locator('#conv-title', { hasText: CHANNEL }).waitFor();
  await say(vu.page, VU_HELLO);
  const seen = message(mira.page, VU_HELLO);
  await seen.waitFor();
  // Vu is here: the dot next to Vu's name in Mira's view says online.
  await seen.locator(`.presence-dot[data-presence-user="${vuId}"][data-status="online"]`).waitFor();
});

step('the menu of a message works from the keyboard: Enter opens it, arrows move, Escape closes it', async () => {
  const msg = message(mira.page, VU_HELLO);
  const more = msg.locator('[data-action="mod-menu"]');
  const active = () => mira.page.evaluate(() => /** @type {HTMLElement} */ (document.activeElement).dataset.action);
  // The author's name is the way in; the message's actions follow it in the tab order.
  await msg.locator('.author-button').focus();
  for (let i = 0; i < 6 && (await active()) !== 'mod-menu'; i += 1) await mira.page.keyboard.press('Tab');
  assert.equal(await active(), 'mod-menu', 'Tab reaches the menu button');
  await mira.page.keyboard.press('Enter');
  await mira.page.locator('.msg-menu[role="menu"]').waitFor();
  assert.equal(await active(), 'mod-item-profile', 'the first item has focus');
  assert.equal(await more.getAttribute('aria-expanded'), 'true');
  await mira.page.keyboard.press('ArrowDown');
  assert.equal(await active(), 'mod-item-report');
  await mira.page.keyboard.press('End');
  assert.equal(await active(), 'mod-item-ban', 'a moderator’s menu ends with the sanctions');
  await mira.page.keyboard.press('Escape');
  await mira.page.locator('.msg-menu').waitFor({ state: 'detached' });
  assert.equal(await active(), 'mod-menu', 'focus is back on the menu button');
  // A member's menu has no sanctions.
  const vusView = message(vu.page, VU_HELLO);
  await vusView.hover();
  await vusView.locator('[data-action="mod-menu"]').click();
  await vu.page.locator('.msg-menu [data-action="mod-item-profile"]').waitFor();
  assert.equal(await vu.page.locator('.msg-menu [data-action="mod-item-timeout"]').count(), 0);
  await vu.page.keyboard.press('Escape');
  await vu.page.locator('.msg-menu').waitFor({ state: 'detached' });
});

step('Mira times Vu out from Vu’s message, with a reason; both see it in the channel', async () => {
  await fromMessageMenu(message(mira.page, VU_HELLO), 'mod-item-timeout');
  const dialog = mira.page.locator('dialog.modal[open]');
  await dialog.waitFor();
  await dialog.locator('select').selectOption(String(TIMEOUT_SECONDS));
  await dialog.locator('textarea').fill(TIMEOUT_REASON);
  await assertLabelled(mira.page);
  await shot(mira.page, JOURNEY, '01-timeout-dialog');
  await dialog.locator('button[type="submit"]').click();
  await dialog.waitFor({ state: 'detached' });

  // The system line, in each reader's language. `until` is formatted by each browser; the rest must match.
  for (const [person, lang, actor] of /** @type {const} */ ([[mira, 'en', 'Mira Sato'], [vu, 'vi', 'Mira Sato']])) {
    const template = await fluent(lang, 'events.ftl', 'event-member-timed-out', { actor, user: 'Vu Tran', until: '\u0000' }, {
      isolating: true,
    });
    const [head = '', tail = ''] = template.split('\u0000');
    const line = systemLines(person.page).filter({ hasText: 'Vu Tran' }).last();
    await line.waitFor();
    const text = (await line.textContent()) ?? '';
    assert.ok(text.startsWith(head) && text.endsWith(tail), `${lang}: "${text}" is the timeout line`);
  }
  // Vu's composer says until when.
  await vu.page.locator('#composer-notes p').first().waitFor();
});

step('Vu tries to write: the server’s Vietnamese refusal shows next to the composer and nothing is posted', async () => {
  const attempt = 'Tôi vẫn muốn nói chuyện.';
  await say(vu.page, attempt);
  const expected = await fluent('vi', 'errors.ftl', 'error-timed-out', { minutes: TIMEOUT_SECONDS / 60, seconds: TIMEOUT_SECONDS });
  const error = vu.page.locator('#composer-error');
  await error.waitFor({ state: 'visible' });
  assert.equal(await error.textContent(), expected, 'the exact text the server renders in Vietnamese');
  assert.equal(await error.getAttribute('role'), 'alert', 'the refusal is announced');
  await vu.page.locator('#messages li.pending .failed').waitFor();
  await shot(vu.page, JOURNEY, '02-timed-out-vu-vi');

  // The refusal came back, so the server decided: the message is not in the channel.
  const history = await mira.page.request.get(new URL(`/api/v1/conversations/${channelId}/messages`, server.url).href);
  const bodies = (await history.json()).messages.map((/** @type {{ body: string }} */ m) => m.body);
  assert.ok(bodies.includes(VU_HELLO) && !bodies.includes(attempt), `not stored: ${JSON.stringify(bodies)}`);
  assert.equal(await message(mira.page, attempt).count(), 0, 'Mira does not see it');
});

step('Vu reports Mira’s message; it shows live in Mira’s queue; she reviews and resolves it; Vu is told', async () => {
  await say(mira.page, MIRA_RULES);
  const rules = message(vu.page, MIRA_RULES);
  await rules.waitFor();
  // Mira watches the queue while Vu reports.
  await mira.page.locator('#reports-link').click();
  await mira.page.locator('#reports-view').waitFor({ state: 'visible' });

  const note = 'Giọng điệu không thân thiện';
  await fromMessageMenu(rules, 'mod-item-report');
  const dialog = vu.page.locator('dialog.modal[open]');
  await dialog.waitFor();
  await assertLabelled(vu.page);
  await dialog.locator('input[type="radio"][value="harassment"]').check();
  await dialog.locator('textarea').fill(note);
  await dialog.locator('button[type="submit"]').click();
  await dialog.waitFor({ state: 'detached' });
  const thanks = await serverText(server, 'vi', 'moderation.ftl', 'mod-report-sent');
  await vu.page.locator('#toasts .toast', { hasText: thanks }).waitFor();

  const card = mira.page.locator('#reports-list .report-card').filter({ hasText: note });
  await card.waitFor();
  await card.locator('.quote', { hasText: MIRA_RULES }).waitFor();
  await mira.page.locator('#reports-badge', { hasText: '1' }).waitFor();
  await card.locator('[data-action="claim"]').click();
  await card.locator('.tag.state.claimed').waitFor();
  // A note for the other moderators stays with the report.
  await card.locator('[data-action="note"]').click();
  const noteDialog = mira.page.locator('dialog.modal[open]');
  await noteDialog.locator('textarea').fill('First report about this channel');
  await noteDialog.locator('button[type="submit"]').click();
  await noteDialog.waitFor({ state: 'detached' });
  await card.locator('.report-notes', { hasText: 'First report about this channel' }).waitFor();
  await shot(mira.page, JOURNEY, '03-reports-queue');
  await card.locator('[data-action="resolve"]').click();
  const resolve = mira.page.locator('dialog.modal[open]');
  await resolve.locator('textarea').fill('Talked with Vu about it');
  await resolve.locator('button[type="submit"]').click();
  await resolve.waitFor({ state: 'detached' });
  await card.waitFor({ state: 'detached' }); // the queue shows open and claimed reports
  await mira.page.locator('#reports-badge').waitFor({ state: 'hidden' });
  await mira.page.locator('#reports-filter').selectOption('closed');
  await mira.page.locator('#reports-list .report-card.state-resolved').filter({ hasText: note }).waitFor();

  const resolved = await serverText(server, 'vi', 'moderation.ftl', 'notice-report-resolved');
  await vu.page.locator('#toasts .toast', { hasText: resolved }).waitFor();
});

step('Mira turns on slow mode in the channel settings; both see the system line in their language', async () => {
  await openChannel(mira.page);
  await mira.page.locator('#channel-settings-button').click();
  const dialog = mira.page.locator('dialog.modal[open]');
  await dialog.locator('select').selectOption('30');
  await shot(mira.page, JOURNEY, '04-channel-settings');
  await dialog.locator('button[type="submit"]').click();
  await dialog.waitFor({ state: 'detached' });
  for (const [person, lang] of /** @type {const} */ ([[mira, 'en'], [vu, 'vi']])) {
    const expected = await fluent(lang, 'events.ftl', 'event-slow-mode-changed', { actor: 'Mira Sato', seconds: 30 }, {
      isolating: true,
    });
    await systemLines(person.page).filter({ hasText: expected }).waitFor();
  }
  // Vu's composer says it too.
  const slow = await fluent('vi', 'moderation.ftl', 'mod-composer-slow-mode', { duration: '\u0000' }, { isolating: true });
  await vu.page.locator('#composer-notes p', { hasText: slow.split('\u0000')[0] ?? '' }).waitFor();
  await shot(vu.page, JOURNEY, '05-slow-mode-vu-vi');

  // Locking works the same way, and unlocking gives the channel back.
  for (const locked of [true, false]) {
    await mira.page.locator('#channel-settings-button').click();
    const settings = mira.page.locator('dialog.modal[open]');
    await settings.locator('input[type="checkbox"]').first().setChecked(locked);
    await settings.locator('button[type="submit"]').click();
    await settings.waitFor({ state: 'detached' });
    const id = locked ? 'event-channel-locked' : 'event-channel-unlocked';
    const expected = await fluent('vi', 'events.ftl', id, { actor: 'Mira Sato' }, { isolating: true });
    await systemLines(vu.page).filter({ hasText: expected }).waitFor();
    const note = vu.page.locator('#composer-notes p', {
      hasText: await serverText(server, 'vi', 'moderation.ftl', 'mod-composer-locked'),
    });
    await note.waitFor({ state: locked ? 'visible' : 'detached' });
  }
});

step('the audit log lists the timeout, with its reason', async () => {
  await mira.page.locator('#audit-link').click();
  await mira.page.locator('#audit-view').waitFor({ state: 'visible' });
  const entry = mira.page
    .locator('#audit-list .audit-entry')
    .filter({ has: mira.page.locator('[data-action="moderation.timeout"]') });
  await entry.waitFor();
  const text = (await entry.textContent()) ?? '';
  assert.ok(text.includes('Vu Tran') && text.includes('Mira Sato') && text.includes(TIMEOUT_REASON), text);
  await shot(mira.page, JOURNEY, '06-audit-log');

  // Members read the channel's moderation log (public by default), in their language.
  await vu.page.locator('#modlog-button').click();
  const log = vu.page.locator('dialog.modal[open]');
  const label = await serverText(server, 'vi', 'moderation.ftl', 'mod-audit-action-moderation-timeout');
  await log.locator('.audit-entry', { hasText: label }).filter({ hasText: TIMEOUT_REASON }).waitFor();
  await vu.page.keyboard.press('Escape');
  await log.waitFor({ state: 'detached' });
});

step('Vu’s presence dot turns offline when Vu closes the page, and online when Vu is back', async () => {
  await openChannel(mira.page);
  const dot = message(mira.page, VU_HELLO).locator(`.presence-dot[data-presence-user="${vuId}"]`);
  await dot.and(mira.page.locator('[data-status="online"]')).waitFor();
  // The people panel shows the same.
  await mira.page.locator('#people-button').click();
  const listed = mira.page.locator(`#member-list [data-user="${vuId}"] .presence-dot`);
  await listed.and(mira.page.locator('[data-status="online"]')).waitFor();

  await vu.page.close();
  await dot.and(mira.page.locator('[data-status="offline"]')).waitFor();
  await listed.and(mira.page.locator('[data-status="offline"]')).waitFor();
  // Vu's profile says when Vu was last seen.
  await mira.page.locator(`#member-list [data-user="${vuId}"]`).click();
  const profile = mira.page.locator('dialog.modal[open]');
  await profile.locator('.modal-title', { hasText: 'Vu Tran' }).waitFor();
  await profile.locator('.presence-line', { hasText: 'Last seen' }).waitFor();
  await shot(mira.page, JOURNEY, '07-vu-offline-profile');
  await mira.page.keyboard.press('Escape');
  await profile.waitFor({ state: 'detached' });

  vu = await openPerson(browser, server, { locale: 'vi-VN' });
  await login(vu, 'vutran');
  await dot.and(mira.page.locator('[data-status="online"]')).waitFor();
  await listed.and(mira.page.locator('[data-status="online"]')).waitFor();
  await mira.page.locator('#people-close').click();
  await mira.page.locator('#people-panel').waitFor({ state: 'hidden' });
});

step('Vu’s tab is hidden: Vu shows as away; shown again: online', async () => {
  const dot = message(mira.page, VU_HELLO).locator(`.presence-dot[data-presence-user="${vuId}"]`);
  await setVisibility(vu.page, 'hidden');
  await dot.and(mira.page.locator('[data-status="away"]')).waitFor();
  await setVisibility(vu.page, 'visible');
  await dot.and(mira.page.locator('[data-status="online"]')).waitFor();
});

step('Vu edits the profile: learning Japanese, presence hidden; Mira sees Vu offline and the new languages', async () => {
  await vu.page.locator('#me button').click();
  const dialog = vu.page.locator('dialog.modal[open]');
  await dialog.waitFor();
  await assertLabelled(vu.page);
  await dialog.locator('input').nth(2).fill('ja');
  await dialog.locator('input[type="checkbox"]').check();
  await shot(vu.page, JOURNEY, '08-own-profile-vi');
  await dialog.locator('button[type="submit"]').click();
  await dialog.waitFor({ state: 'detached' });
  const saved = await serverText(server, 'vi', 'ui.ftl', 'profile-saved');
  await vu.page.locator('#toasts .toast', { hasText: saved }).waitFor();

  // Still connected, but hidden: everyone else sees Vu offline, without "last seen".
  const dot = message(mira.page, VU_HELLO).locator(`.presence-dot[data-presence-user="${vuId}"]`);
  await dot.and(mira.page.locator('[data-status="offline"]')).waitFor();
  await message(mira.page, VU_HELLO).locator('.author-button').click();
  const profile = mira.page.locator('dialog.modal[open]');
  await profile.locator('.facts', { hasText: 'Japanese' }).waitFor();
  assert.equal(await profile.locator('.presence-line', { hasText: 'Last seen' }).count(), 0, 'no last seen');
  await mira.page.keyboard.press('Escape');
  await profile.waitFor({ state: 'detached' });

  // And visible again.
  await vu.page.locator('#me button').click();
  await dialog.locator('input[type="checkbox"]').uncheck();
  await dialog.locator('button[type="submit"]').click();
  await dialog.waitFor({ state: 'detached' });
  await dot.and(mira.page.locator('[data-status="online"]')).waitFor();
});

step('on a phone-sized screen, the menu and a moderation dialog fit', async () => {
  await mira.page.setViewportSize({ width: 390, height: 780 });
  const msg = message(mira.page, VU_HELLO);
  await msg.hover();
  await msg.locator('[data-action="mod-menu"]').click();
  await msg.locator('.msg-menu [data-action="mod-item-ban"]').click();
  const dialog = mira.page.locator('dialog.modal[open]');
  await dialog.waitFor();
  const box = await dialog.boundingBox();
  assert.ok(box && box.x >= 0 && box.x + box.width <= 390, `the dialog fits the width: ${JSON.stringify(box)}`);
  const width = await mira.page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 390, `nothing scrolls sideways (${width}px)`);
  await shot(mira.page, JOURNEY, '09-phone-ban-dialog');
  await mira.page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached' });
  await mira.page.setViewportSize({ width: 1100, height: 760 });
});

step('Mira deletes Vu’s message from its menu; both see it deleted', async () => {
  await openChannel(vu.page);
  await message(vu.page, VU_HELLO).waitFor();
  await fromMessageMenu(message(mira.page, VU_HELLO), 'mod-item-delete');
  const dialog = mira.page.locator('dialog.modal[open]');
  await dialog.locator('textarea').fill('Cleaning up');
  await dialog.locator('button[type="submit"]').click();
  await dialog.waitFor({ state: 'detached' });
  const gone = await serverText(server, 'vi', 'events.ftl', 'event-message-deleted');
  await vu.page.locator('#messages li.message.deleted', { hasText: gone }).waitFor();
  await message(mira.page, VU_HELLO).waitFor({ state: 'detached' });
});
