// @ts-check
// Two people chatting in real browsers: Anna (a volunteer made on the server's command line) logs in and creates a
// public channel; Binod registers and joins it from the channel list; they write, reply, react, edit and see each
// other typing; a message written offline is sent exactly once when the connection returns, and what was missed is
// replayed; Anna switches language; they talk in a direct conversation. The steps run in order on one server and
// share the two browsers: a later step starts where the one before ended.

import assert from 'node:assert/strict';
import { after, before } from 'node:test';

import {
  assertNoProblems,
  journeySteps,
  launchBrowser,
  login,
  message,
  openPerson,
  register,
  say,
  serverText,
  shot,
  startServer,
  WAIT_MS,
} from './support.mjs';

const JOURNEY = 'chat';
const CHANNEL = 'tea-in-toyama';

/** @type {import('./support.mjs').Server} */
let server;
/** @type {import('playwright-core').Browser} */
let browser;
/** @type {import('./support.mjs').Person} */
let anna;
/** @type {import('./support.mjs').Person} */
let binod;

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
  await server.createUser('anna', 'volunteer', { displayName: 'Anna Kovalenko' });
  anna = await openPerson(browser, server, { locale: 'en-US' });
  binod = await openPerson(browser, server, { locale: 'en-US' });
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

const step = journeySteps(JOURNEY, () => ({ anna, binod }));

/**
 * Keeps typing until the other person sees it: typing notices go out at most once per 3 seconds (by the client and
 * by the server), so the first keystrokes may fall in a quiet period after the last message.
 * @param {import('playwright-core').Page} page @param {import('playwright-core').Locator} seen
 */
async function typeUntilSeen(page, seen) {
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    await page.locator('#composer-input').press('.');
    try {
      await seen.waitFor({ timeout: 1_000 });
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
    }
  }
}

step('a browser set to Japanese shows the sign-in page in Japanese, one set to English in English', async () => {
  const taro = await openPerson(browser, server, { locale: 'ja-JP' });
  try {
    const loginJa = await serverText(server, 'ja', 'ui.ftl', 'auth-login');
    await taro.page.locator('#tab-login', { hasText: loginJa }).waitFor();
    assert.equal(await taro.page.locator('html').getAttribute('lang'), 'ja');
    assert.equal(await taro.page.locator('#reg-locale').inputValue(), 'ja', 'registration pre-selects Japanese');
    await shot(taro.page, JOURNEY, '01-login-ja');
    assertNoProblems(taro);
  } finally {
    await taro.context.close();
  }
  await anna.page.locator('#tab-login', { hasText: 'Log in' }).waitFor();
  assert.equal(await anna.page.locator('html').getAttribute('lang'), 'en');
  await shot(anna.page, JOURNEY, '02-login-en');
});

step('Anna logs in, Binod registers; both are connected', async () => {
  await login(anna, 'anna');
  await anna.page.locator('#me .me-name', { hasText: 'Anna Kovalenko' }).waitFor();
  await anna.page.locator('#me .me-role', { hasText: 'Volunteer' }).waitFor();
  await register(binod, 'binod', 'Binod Thapa', { spoken: 'ne, en, ja' });
  await binod.page.locator('#me .me-name', { hasText: 'Binod Thapa' }).waitFor();
  const me = await binod.page.request.get(new URL('/api/v1/me', server.url).href);
  assert.deepEqual((await me.json()).languages_spoken, ['ne', 'en', 'ja']);
});

step('a volunteer creates a public channel and another person joins it from the list', async () => {
  await anna.page.locator('#browse-button').click();
  await anna.page.locator('#create-name').fill(CHANNEL);
  await anna.page.locator('#create-topic').fill('Where to find good green tea in Toyama');
  await anna.page.locator('#create-visibility').selectOption('public');
  await anna.page.locator('#create-languages').fill('en, ja');
  await anna.page.locator('#create-form button[type="submit"]').click();
  await anna.page.locator('#conv-title', { hasText: `# ${CHANNEL}` }).waitFor();
  await anna.page.locator('#conv-topic', { hasText: 'Where to find good green tea in Toyama' }).waitFor();
  await anna.page.locator('#channel-list .conv-name', { hasText: CHANNEL }).waitFor();
  assert.match(anna.page.url(), /#\/c\/\d+$/, 'the URL names the channel');

  await binod.page.locator('#browse-button').click();
  const item = binod.page.locator('#browse-list .browse-item').filter({ hasText: CHANNEL });
  await item.locator('.topic', { hasText: 'green tea' }).waitFor();
  await item.locator('button', { hasText: 'Join' }).click();
  await binod.page.locator('#conv-title', { hasText: `# ${CHANNEL}` }).waitFor();
  await binod.page.locator('#composer').waitFor({ state: 'visible' });
  await anna.page.locator('#messages li.system').filter({ hasText: 'Binod Thapa' }).filter({ hasText: 'joined' }).waitFor();
  await anna.page.locator('#conv-members', { hasText: '2' }).waitFor();
});

step('a message appears live on the other side, and is no longer pending once acknowledged', async () => {
  await say(anna.page, 'Hello Binod! Does anyone know a tea shop?');
  await message(binod.page, 'Hello Binod! Does anyone know a tea shop?').locator('.author', { hasText: 'Anna Kovalenko' }).waitFor();
  await message(anna.page, 'Hello Binod! Does anyone know a tea shop?').and(anna.page.locator(':not(.pending)')).waitFor();
  assert.equal(await anna.page.locator('#messages li.pending').count(), 0);
  assert.equal(await anna.page.locator('#composer-input').inputValue(), '', 'the composer is empty after sending');
});

step('markup in a message stays text, in its own direction', async () => {
  await say(anna.page, '<b>not bold</b> مرحبا');
  const plain = message(binod.page, '<b>not bold</b> مرحبا');
  await plain.waitFor();
  assert.equal(await plain.locator('b').count(), 0, 'markup in a message is shown as text');
  assert.equal(await plain.locator('.message-body').getAttribute('dir'), 'auto');
});

step('Binod sees Anna typing, then replies to her message', async () => {
  await typeUntilSeen(anna.page, binod.page.locator('#typing', { hasText: 'Anna Kovalenko' }));
  await anna.page.locator('#composer-input').fill('');
  const annasFirst = message(binod.page, 'Hello Binod! Does anyone know a tea shop?');
  await annasFirst.hover();
  await annasFirst.locator('[data-action="reply"]').click();
  await binod.page.locator('#reply-bar #reply-text', { hasText: 'Anna Kovalenko' }).waitFor();
  await say(binod.page, 'Try the shop next to the station.');
  const reply = message(anna.page, 'Try the shop next to the station.');
  await reply.locator('.reply-ref', { hasText: 'Hello Binod' }).waitFor();
  await binod.page.locator('#reply-bar').waitFor({ state: 'hidden' });
});

step('a reaction shows on both sides', async () => {
  const reply = message(anna.page, 'Try the shop next to the station.');
  await reply.hover();
  await reply.locator('[data-action="react"]').click();
  await reply.locator('.picker [data-emoji="🙏"]').click();
  await message(binod.page, 'Try the shop next to the station.').locator('.reaction', { hasText: '🙏 1' }).waitFor();
  await reply.locator('.reaction[aria-pressed="true"]', { hasText: '🙏 1' }).waitFor();
});

step('an edit replaces the text on both sides and is marked as edited', async () => {
  const first = message(anna.page, 'Hello Binod! Does anyone know a tea shop?');
  await first.hover();
  await first.locator('[data-action="edit"]').click();
  const editor = anna.page.locator('#messages .edit-input');
  await editor.fill('Hello Binod! Does anyone know a good tea shop?');
  await editor.press('Enter');
  await message(binod.page, 'Hello Binod! Does anyone know a good tea shop?').locator('.edited').waitFor();
  await message(anna.page, 'Hello Binod! Does anyone know a good tea shop?').locator('.edited').waitFor();
  assert.equal(await message(binod.page, 'Hello Binod! Does anyone know a tea shop?').count(), 0);
  // The reply quoting it quotes the new text.
  for (const page of [anna.page, binod.page]) {
    await message(page, 'Try the shop next to the station.')
      .locator('.reply-ref', { hasText: 'a good tea shop' })
      .waitFor();
  }
  await shot(binod.page, JOURNEY, '03-channel-binod');
});

step('Binod types @an, picks Anna from the list with the keyboard and sends; Anna sees the mention highlighted', async () => {
  const input = binod.page.locator('#composer-input');
  const list = binod.page.locator('#mention-list[role="listbox"]');
  const option = list.locator('[role="option"]').filter({ hasText: 'Anna Kovalenko' }).filter({ hasText: '@anna' });
  // A click picks too, and Escape closes the list without touching the text.
  await input.click();
  await input.pressSequentially('@an');
  await option.click();
  assert.equal(await input.inputValue(), '@anna ');
  await list.waitFor({ state: 'hidden' });
  await input.pressSequentially('@an');
  await option.waitFor();
  await input.press('Escape');
  await list.waitFor({ state: 'hidden' });
  assert.equal(await input.inputValue(), '@anna @an');
  await input.fill('');

  await input.pressSequentially('Thanks @an');
  await option.waitFor();
  assert.equal(await input.getAttribute('role'), 'combobox');
  assert.equal(await input.getAttribute('aria-expanded'), 'true');
  await input.press('ArrowDown');
  await input.press('ArrowUp');
  const optionId = await option.getAttribute('id');
  await option.and(binod.page.locator('[aria-selected="true"]')).waitFor();
  assert.equal(await input.getAttribute('aria-activedescendant'), optionId, 'the highlighted person is the active descendant');
  await shot(binod.page, JOURNEY, '03a-mention-list-binod');
  await input.press('Enter'); // picks Anna, sends nothing
  assert.equal(await input.inputValue(), 'Thanks @anna ');
  await list.waitFor({ state: 'hidden' });
  assert.equal(await input.getAttribute('aria-expanded'), 'false');
  assert.equal(await binod.page.locator('#messages li.message', { hasText: 'Thanks @an' }).count(), 0, 'Enter in the list sent nothing');
  await input.pressSequentially('for the tip!');
  await input.press('Enter');
  const mention = message(anna.page, 'Thanks @anna for the tip!');
  await mention.and(anna.page.locator('.mentions-me')).waitFor();
  assert.equal(await message(binod.page, 'Thanks @anna for the tip!').and(binod.page.locator('.mentions-me')).count(), 0);
  await shot(anna.page, JOURNEY, '03b-mentioned-anna');
});

step('a message to a conversation one is not looking at shows an unread badge, cleared on opening it', async () => {
  await anna.page.locator('#browse-button').click();
  await say(binod.page, 'Are you still there?');
  const annasEntry = anna.page.locator('#channel-list button.conv').filter({ hasText: CHANNEL });
  await annasEntry.locator('.badge', { hasText: '1' }).waitFor();
  await annasEntry.click();
  await message(anna.page, 'Are you still there?').waitFor();
  await annasEntry.locator('.badge').waitFor({ state: 'detached' });
});

step('a message written offline is sent exactly once when the connection returns, and missed ones are replayed', async () => {
  await binod.context.setOffline(true);
  await binod.page.locator('#offline').waitFor({ state: 'visible' });
  await say(binod.page, 'Written on the train without signal.');
  await binod.page.locator('#messages li.pending', { hasText: 'Written on the train' }).waitFor();
  await say(anna.page, 'Missed while you were away.');
  await message(anna.page, 'Missed while you were away.').and(anna.page.locator(':not(.pending)')).waitFor();
  await shot(binod.page, JOURNEY, '04-offline-binod');
  await binod.context.setOffline(false);
  await message(anna.page, 'Written on the train without signal.').waitFor();
  await message(binod.page, 'Missed while you were away.').waitFor(); // replayed by resuming from the held seq
  await binod.page.locator('#status[data-state="online"]').waitFor();
  await binod.page.locator('#offline').waitFor({ state: 'hidden' });
  await binod.page.locator('#messages li.pending').waitFor({ state: 'detached' });
  // Once more through the server: the history holds it once, whatever the retries.
  const history = await anna.page.request.get(new URL(`/api/v1/conversations/${await openId(anna)}/messages`, server.url).href);
  const bodies = (await history.json()).messages.map((/** @type {{ body: string }} */ m) => m.body);
  assert.equal(bodies.filter((/** @type {string} */ b) => b === 'Written on the train without signal.').length, 1);
  assert.equal(await message(anna.page, 'Written on the train without signal.').count(), 1, 'shown once');
  assert.equal(await message(binod.page, 'Written on the train without signal.').count(), 1, 'shown once');
});

step('switching to Japanese re-renders every text; the messages stay', async () => {
  const browseJa = await serverText(server, 'ja', 'ui.ftl', 'chat-browse-channels');
  const sendJa = await serverText(server, 'ja', 'ui.ftl', 'chat-send');
  const onlineJa = await serverText(server, 'ja', 'ui.ftl', 'status-online');
  const roleJa = await serverText(server, 'ja', 'ui.ftl', 'role-volunteer');
  await anna.page.locator('#locale-select').selectOption('ja');
  await anna.page.locator('#browse-button', { hasText: browseJa }).waitFor();
  await anna.page.locator('#composer button[type="submit"]', { hasText: sendJa }).waitFor();
  await anna.page.locator('#me .me-role', { hasText: roleJa }).waitFor();
  assert.equal(await anna.page.locator('html').getAttribute('lang'), 'ja');
  await message(anna.page, 'Try the shop next to the station.').waitFor();
  // She is reconnected, so that the server's texts follow too; the status says so in Japanese.
  await anna.page.locator('#status[data-state="online"]', { hasText: onlineJa }).waitFor();
  await shot(anna.page, JOURNEY, '05-channel-anna-ja');
});

step('Binod opens a direct conversation with Anna; she sees it with a badge and reads it', async () => {
  await binod.page.locator('#browse-button').click();
  await binod.page.locator('#people-query').fill('anna');
  await binod.page.locator('#people-form button[type="submit"]').click();
  await binod.page.locator('#people-list .browse-item', { hasText: 'Anna Kovalenko' }).locator('button').click();
  await binod.page.locator('#conv-title', { hasText: 'Anna Kovalenko' }).waitFor();
  await say(binod.page, 'A private question about the tea.');
  const direct = anna.page.locator('#direct-list button.conv').filter({ hasText: 'Binod Thapa' });
  await direct.locator('.badge', { hasText: '1' }).waitFor();
  await direct.click();
  await message(anna.page, 'A private question about the tea.').waitFor();
  await anna.page.locator('#conv-title', { hasText: 'Binod Thapa' }).waitFor();
  await say(anna.page, 'Ask away.');
  await message(binod.page, 'Ask away.').waitFor();
  await shot(anna.page, JOURNEY, '06-direct-anna-ja');
  await shot(binod.page, JOURNEY, '07-direct-binod');
});

step('Anna logs out and is back at the sign-in form; her session is gone', async () => {
  await anna.page.locator('#logout').click();
  await anna.page.locator('#auth').waitFor({ state: 'visible' });
  assert.ok(await anna.page.locator('#chat').isHidden(), 'the chat is hidden after logging out');
  const me = await anna.page.request.get(new URL('/api/v1/me', server.url).href);
  assert.equal(me.status(), 401);
  await anna.page.reload();
  await anna.page.locator('#auth').waitFor({ state: 'visible' });
});

/** The id of the conversation open in a person's page, from its URL (#/c/<id>). @param {import('./support.mjs').Person} person */
async function openId(person) {
  const id = Number(/#\/c\/(\d+)$/.exec(person.page.url())?.[1]);
  assert.ok(id > 0, `a conversation is open: ${person.page.url()}`);
  return id;
}
