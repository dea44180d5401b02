// @ts-check
// Writing Japanese with an input method: the Enter that confirms a composition only confirms it, and never sends
// (or saves an edit). The composition is driven through the Chrome DevTools Protocol, as an IME drives Chrome:
// Input.imeSetComposition starts and updates it (compositionstart/update, input events with isComposing), key
// events go through Input.dispatchKeyEvent (Chrome reports keys pressed during a composition with keyCode 229), and
// Input.insertText commits it (compositionend).
//
// "Nothing was sent" is checked three ways: the composer still holds the text, the message list shows no new entry
// (sending renders a pending entry at once, in the same task as the key event), and the WebSocket carried no
// send_message frame; at the end the server's history holds each message exactly once.

import assert from 'node:assert/strict';
import { after, before } from 'node:test';

import {
  journeySteps,
  launchBrowser,
  login,
  loginApi,
  message,
  openPerson,
  shot,
  startServer,
} from './support.mjs';

const JOURNEY = 'ime';

/** @type {import('./support.mjs').Server} */
let server;
/** @type {import('playwright-core').Browser} */
let browser;
/** @type {import('./support.mjs').Person} */
let hana;
/** @type {import('playwright-core').CDPSession} */
let cdp;
/** @type {import('./support.mjs').ApiSession} */
let api;
let channel = 0;
/** The bodies of the send_message frames the page sent, in order. */
const sent = /** @type {string[]} */ ([]);
/** The bodies of the edit_message frames the page sent, in order. */
const edits = /** @type {string[]} */ ([]);

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
  await server.createUser('hana', 'member', { displayName: '山田 花' });
  api = await loginApi(server, 'hana');
  const created = await api.call('POST', '/channels', { name: 'nihongo', visibility: 'invite_only', languages: ['ja'] });
  channel = created.conversation.id;

  hana = await openPerson(browser, server, { locale: 'ja-JP' });
  hana.page.on('websocket', (socket) => {
    socket.on('framesent', ({ payload }) => {
      const frame = typeof payload === 'string' ? JSON.parse(payload) : null;
      if (frame?.type === 'send_message') sent.push(frame.body);
      if (frame?.type === 'edit_message') edits.push(frame.body);
    });
  });
  await login(hana, 'hana');
  await hana.page.locator('#channel-list button.conv', { hasText: 'nihongo' }).click();
  await hana.page.locator('#conv-title', { hasText: '# nihongo' }).waitFor();
  cdp = await hana.context.newCDPSession(hana.page);
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

const step = journeySteps(JOURNEY, () => ({ hana }));

/** Starts or updates the composition with this (unconfirmed) text, the caret at its end. @param {string} text */
async function compose(text) {
  await cdp.send('Input.imeSetComposition', { text, selectionStart: text.length, selectionEnd: text.length });
}

/**
 * Presses Enter. During a composition Chrome sends a raw key-down (no character) with keyCode 229 or, on some
 * platforms, 13; outside one, a key-down with the carriage return as its text (which would insert a new line if the
 * page did not prevent it).
 * @param {{ keyCode?: 229 | 13, raw?: boolean }} [how]
 */
async function pressEnter({ keyCode = 13, raw = false } = {}) {
  const key = { key: 'Enter', code: 'Enter', windowsVirtualKeyCode: keyCode, nativeVirtualKeyCode: keyCode };
  await cdp.send('Input.dispatchKeyEvent', raw ? { type: 'rawKeyDown', ...key } : { type: 'keyDown', text: '\r', unmodifiedText: '\r', ...key });
  await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', ...key });
}

/** What the page's textarea shows, and how many entries the message list has. */
async function composerAndList() {
  return {
    composer: await hana.page.locator('#composer-input').inputValue(),
    entries: await hana.page.locator('#messages li.message').count(),
  };
}

/** The message bodies of the channel as the server stores them. */
async function storedBodies() {
  const page = await api.call('GET', `/conversations/${channel}/messages`);
  return page.messages.map((/** @type {{ body: string }} */ m) => m.body);
}

step('the page sees the composition as a person typing Japanese would produce it', async () => {
  await hana.page.locator('#composer-input').click();
  await compose('に');
  await compose('にほ');
  await compose('にほんご');
  assert.deepEqual(await composerAndList(), { composer: 'にほんご', entries: 0 });
  const composing = await hana.page.evaluate(() => {
    const area = /** @type {HTMLTextAreaElement} */ (document.getElementById('composer-input'));
    return { start: area.selectionStart, end: area.selectionEnd };
  });
  assert.deepEqual(composing, { start: 4, end: 4 });
});

step('Enter pressed during the composition (keyCode 229) sends nothing', async () => {
  await pressEnter({ keyCode: 229, raw: true });
  assert.deepEqual(await composerAndList(), { composer: 'にほんご', entries: 0 });
  assert.deepEqual(sent, []);
});

step('Enter pressed during the composition with keyCode 13 sends nothing either', async () => {
  await pressEnter({ keyCode: 13, raw: true });
  assert.deepEqual(await composerAndList(), { composer: 'にほんご', entries: 0 });
  assert.deepEqual(sent, []);
  await shot(hana.page, JOURNEY, '01-composing');
});

step('Enter that confirms the conversion confirms it and sends nothing (Chrome: key-down 229, then compositionend)', async () => {
  await compose('日本語');
  await cdp.send('Input.dispatchKeyEvent', { type: 'rawKeyDown', key: 'Enter', code: 'Enter', windowsVirtualKeyCode: 229 });
  await cdp.send('Input.insertText', { text: '日本語' }); // commits: compositionend
  await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', key: 'Enter', code: 'Enter', windowsVirtualKeyCode: 13 });
  assert.deepEqual(await composerAndList(), { composer: '日本語', entries: 0 });
  assert.deepEqual(sent, []);
});

step('Enter after the composition ended sends the message exactly once', async () => {
  await pressEnter();
  assert.equal((await composerAndList()).composer, '', 'the composer is emptied, without a new line');
  await message(hana.page, '日本語').and(hana.page.locator(':not(.pending)')).waitFor();
  assert.equal(await message(hana.page, '日本語').count(), 1);
  assert.deepEqual(sent, ['日本語']);
  assert.deepEqual(await storedBodies(), ['日本語']);
  await shot(hana.page, JOURNEY, '02-sent');
});

step('an Enter reported as keyCode 229 right after compositionend (Safari\'s order) only confirms', async () => {
  await hana.page.locator('#composer-input').click();
  await compose('おちゃ');
  await cdp.send('Input.insertText', { text: 'お茶' });
  await pressEnter({ keyCode: 229, raw: true });
  assert.deepEqual(await composerAndList(), { composer: 'お茶', entries: 1 });
  await pressEnter();
  await message(hana.page, 'お茶').and(hana.page.locator(':not(.pending)')).waitFor();
  assert.deepEqual(sent, ['日本語', 'お茶']);
  assert.deepEqual(await storedBodies(), ['日本語', 'お茶']);
});

step('in the edit box, Enter during a composition does not save; Enter after it does', async () => {
  const first = message(hana.page, '日本語');
  await first.hover();
  await first.locator('[data-action="edit"]').click();
  const editor = hana.page.locator('#messages .edit-input');
  await editor.click();
  await editor.press('End');
  await compose('です');
  await pressEnter({ keyCode: 229, raw: true });
  assert.equal(await editor.inputValue(), '日本語です');
  await cdp.send('Input.insertText', { text: 'です' });
  await pressEnter({ keyCode: 229, raw: true }); // Safari's order again
  assert.equal(await editor.inputValue(), '日本語です', 'the editor is still open with the text');
  await pressEnter();
  const edited = message(hana.page, '日本語です');
  await edited.locator('.edited').waitFor();
  await editor.waitFor({ state: 'detached' });
  assert.deepEqual(await storedBodies(), ['日本語です', 'お茶']);
  assert.deepEqual(sent, ['日本語', 'お茶'], 'an edit is not a new message');
  assert.deepEqual(edits, ['日本語です'], 'saved once, by the last Enter');
  const id = await edited.getAttribute('data-id');
  const history = await api.call('GET', `/messages/${id}/edits`);
  assert.deepEqual(history.versions.map((/** @type {{ body: string }} */ v) => v.body), ['日本語'], 'one edit stored');
  await shot(hana.page, JOURNEY, '03-edited');
});
